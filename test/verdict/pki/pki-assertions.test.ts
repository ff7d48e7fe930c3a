import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { designFindings, pkiAssertions } from '../../../src/verdict/pki/pki-assertions.js';
import { withDataplane } from '../../../src/verdict/pki/dataplane-probes.js';
import { platformProbes } from '../../../src/verdict/reach/platform-probes.js';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import { pkiModel } from '../../model/pki/pki-scenario.js';

const H = 3_600_000;
const TYPHA_2H = ['certificates:', '  - { name: typha-server, cluster: acme, component: typha-server, issuer: kubeadm, ttl: 2h }'];
const RESTART = ['{ at: 3h, kind: node-down, node: acme/acme-2, mode: clean }', '{ at: 3h1m, kind: node-up, node: acme/acme-2 }'];

function verdicts(pki: readonly string[], events: readonly string[] = [], horizon = '4h') {
  const run = runPlatform(pkiModel(pki, events, horizon));
  return { run, byId: new Map(pkiAssertions(run, designFindings(run)).map((a) => [a.id, a])) };
}

describe('certificate verdicts', () => {
  it('all hold for a platform whose issuers renew in time', () => {
    const { byId } = verdicts([]);
    expect([...byId.values()].filter((a) => a.status !== 'pass').map((a) => a.id)).toEqual([]);
  });

  it('a Typha certificate expiring before its renewal fails with its file, line and window, and its consequence', () => {
    const { byId } = verdicts(TYPHA_2H);
    const a = byId.get('certificates/expires-before-renewal')!;
    expect(a.status).toBe('fail');
    expect(a.src?.line).toBe(10);
    expect(a.detail).toContain('acme/typha-server expired from t=2h0m0s on');
    expect(a.failedAt).toBe(2 * H);
    expect(byId.get('certificates/consequences')!.detail).toContain('felix-disconnected on acme/acme-1 because of typha-server from t=2h0m0s');
  });

  it('a CA rotation without overlap fails with the event and the window of each certificate', () => {
    const { byId } = verdicts([], ['{ at: 1h, kind: cert-rotate, tenant: acme, component: ca, overlap: 0s }'], '2h');
    const a = byId.get('certificates/ca-rotation-overlap')!;
    expect(a.status).toBe('fail');
    expect(a.detail).toContain("acme's CA is rotated at t=1h0m0s with no overlap");
    expect(a.detail).toContain('acme/api signed by a CA its peers no longer trust from t=1h0m0s to t=1h1m0s');
    expect(verdicts([], ['{ at: 1h, kind: cert-rotate, tenant: acme, component: ca, overlap: 10m }'], '2h').byId.get('certificates/ca-rotation-overlap')!.status).toBe('pass');
  });

  it('flags cross-tenant signing, shared certificates, system:masters outside the admin, and a CA expiring inside the horizon', () => {
    const { byId } = verdicts(['caTTL: 3h', 'certTTL: 1h', 'rotationPeriod: 30m', 'certificates:', '  - { name: node-operator, cluster: acme, component: node-operator, signedBy: mgmt, organisation: [system:masters], sharedWith: [prometheus] }']);
    expect(byId.get('certificates/tenant-trust')!.detail).toContain("acme/node-operator is signed by mgmt's CA (pki-mgmt)");
    expect(byId.get('certificates/shared-certificate')!.status).toBe('fail');
    expect(byId.get('certificates/over-privileged')!.detail).toContain('O=system:masters');
    expect(byId.get('certificates/ca-expiry')!.detail).toContain("pki-acme's CA expires at t=3h0m0s");
  });

  it('kubeadm without upgrades: leaves expire before the next upgrade; a yearly upgrade renews them', () => {
    expect(verdicts(['layout: kubeadm']).byId.get('certificates/expires-before-renewal')!.detail).toContain('no control-plane upgrade is scheduled');
    expect(verdicts(['layout: kubeadm', 'upgradeEvery: 4380h']).byId.get('certificates/expires-before-renewal')!.status).toBe('pass');
  });
});

describe('the network after a Typha certificate expired', () => {
  it('trace drops from a pod of the restarted node with no-dataplane; other nodes still deliver', () => {
    const run = runPlatform(pkiModel(TYPHA_2H, RESTART), { until: 3.5 * H });
    const built = policyModelsOf(run);
    const req = { protocol: 6, protocolName: 'TCP', port: 8080 };
    const lost = tracePacket(run, built.clusters, { ...req, from: 'acme/shop/web-acme-2', to: 'acme/shop/web-acme-1' });
    expect(typeof lost !== 'string' && [lost.disposition, lost.dropReason]).toEqual(['dropped', 'no-dataplane']);
    const ok = tracePacket(run, built.clusters, { ...req, from: 'acme/shop/web-acme-1', to: 'acme/shop/web-acme-3' });
    expect(typeof ok !== 'string' && ok.disposition).toBe('delivered');
    const before = runPlatform(pkiModel(TYPHA_2H, RESTART), { until: 2.5 * H });
    const t = tracePacket(before, policyModelsOf(before).clusters, { ...req, from: 'acme/shop/web-acme-2', to: 'acme/shop/web-acme-1' });
    expect(typeof t !== 'string' && t.disposition).toBe('delivered');
  });

  it('reach --at denies probes from that node and says why', () => {
    const run = runPlatform(pkiModel(TYPHA_2H, RESTART), { until: 3.5 * H });
    const probed = platformProbes(policyModelsOf(run).clusters, [{ from: 'acme/shop/web-acme-2', to: 'acme/shop/web-acme-1', protocol: 'TCP', port: 8080 }], 'probes', run.model);
    const [r] = withDataplane(run, probed.results);
    expect(probed.results[0]!.verdict).toBe('allow');
    expect(r!.verdict).toBe('deny');
    expect(r!.dataplane).toContain('restarted while Felix could not connect to Typha');
  });
});
