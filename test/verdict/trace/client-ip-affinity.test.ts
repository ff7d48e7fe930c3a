// sessionAffinity ClientIP on the timeline: kube-proxy's `recent` entries pin a client to the endpoint it
// used last for timeoutSeconds after its last connection; the entry leaves with its endpoint; and each
// node's kernel keeps its own lists, so a client entering at another node is balanced there afresh.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advancePlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { ClientIpAffinity } from '../../../src/model/edge/client-ip-affinity.js';
import { trackSessionAffinity } from '../../../src/verdict/trace/session-affinity-state.js';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { edgeRun, editedScenario } from './edge-fixtures.js';

const SVC = '      - { name: api, namespace: shop, selector: { app: api }, ports: [{ port: 80, targetPort: 9000 }] }';
const EVENTS = 'events:\n  - { at: 90s, kind: node-down, node: acme/acme-2, mode: silent }';
const file = editedScenario('api-client-ip', [
  [SVC, '      - { name: api, namespace: shop, selector: { app: api }, ports: [{ port: 80, targetPort: 9000 }], sessionAffinity: ClientIP, sessionAffinityTimeout: 600 }'],
  [EVENTS, 'events:\n  - { at: 60s, kind: scale, tenant: acme, workload: shop/api, replicas: 5 }\n  - { at: 120s, kind: scale, tenant: acme, workload: shop/api, replicas: 1 }'],
]);
const CLIENTS = ['acme/shop/frontend-0', 'acme/shop/frontend-1', 'acme/shop/frontend-2'];

/** The api pod each client's connection is sent to, at the run's current time. */
function picks(run: PlatformRun): { pod: string; detail: string }[] {
  const policies = policyModelsOf(run).clusters;
  const svc = run.model.clusters[run.model.clusterByName.get('acme')!]!.services.find((s) => s.name === 'api')!;
  return CLIENTS.map((from) => {
    const t = tracePacket(run, policies, { from, to: svc.clusterIP!, protocol: 6, protocolName: 'TCP', port: 80 });
    if (typeof t === 'string') throw new Error(t);
    return { pod: /DNAT to shop\/(api-\d+)/.exec(t.hops[0]!.detail)![1]!, detail: t.hops[0]!.detail };
  });
}

describe('sessionAffinity ClientIP across times (api scaled 2 → 5 at 60 s, → 1 at 120 s)', () => {
  it('keeps each client on its endpoint after the scale-up, where a fresh balance would move some', () => {
    const { run } = edgeRun(file, '30s');
    trackSessionAffinity(run);
    const first = picks(run);
    expect(first.every((p) => p.detail.includes('no affinity entry yet'))).toBe(true);
    advancePlatform(run, 70_000);
    const later = picks(run);
    expect(later.map((p) => p.pod)).toEqual(first.map((p) => p.pod));
    expect(later.every((p) => p.detail.includes('the endpoint this client used last'))).toBe(true);
    // Untracked, the same connections are balanced over five endpoints: at least one client moves.
    const fresh = picks(edgeRun(file, '70s').run);
    expect(fresh.map((p) => p.pod)).not.toEqual(first.map((p) => p.pod));
  });

  it('balances afresh when the pinned endpoint leaves the Service (its entry goes with it)', () => {
    const { run } = edgeRun(file, '70s');
    trackSessionAffinity(run);
    const before = picks(run);
    advancePlatform(run, 160_000);
    const after = picks(run);
    expect(after.every((p) => p.pod === 'api-0')).toBe(true);
    before.forEach((b, i) => expect(after[i]!.detail).toContain(b.pod === 'api-0' ? 'the endpoint this client used last' : 'left the Service'));
    expect(before.some((b) => b.pod !== 'api-0')).toBe(true);
  });
});

describe('sessionAffinity ClientIP per node: each kube-proxy keeps its own recent lists', () => {
  // services.yaml's LoadBalancer Service made sticky and cluster-wide: a client may enter at any host's NodePort.
  const text = readFileSync('test/fixtures/edge/services.yaml', 'utf8');
  const LB = '{ name: lb, namespace: web, type: LoadBalancer, externalTrafficPolicy: Local, ';
  expect(text).toContain(LB);
  const sticky = join(mkdtempSync(join(tmpdir(), 'calisim-affinity-')), 'sticky.yaml');
  writeFileSync(sticky, text.replace(LB, '{ name: lb, namespace: web, type: LoadBalancer, sessionAffinity: ClientIP, '));
  const enter = (run: PlatformRun, node: string): string => {
    const t = tracePacket(run, policyModelsOf(run).clusters, { from: '192.0.2.9', to: node, protocol: 6, protocolName: 'TCP', port: 30090 });
    if (typeof t === 'string') throw new Error(t);
    return t.hops.find((h) => h.step === 'kube-proxy')!.detail;
  };

  it('pins the client at the node it entered, and balances it afresh at another node', () => {
    const { run } = edgeRun(sticky, '30s');
    trackSessionAffinity(run);
    expect(enter(run, 'mgmt-1')).toContain('no affinity entry yet');
    expect(enter(run, 'mgmt-1')).toContain('the endpoint this client used last');
    expect(enter(run, 'mgmt-2')).toContain('no affinity entry yet');
    expect(enter(run, 'mgmt-2')).toContain('the endpoint this client used last');
  });
});

describe('ClientIpAffinity', () => {
  const eps = [{ id: 1 }, { id: 2 }, { id: 3 }];
  const last = (c: readonly { id: number }[]) => c[c.length - 1];
  it('pins for timeoutSeconds after the last connection, renewed by each one, then balances afresh', () => {
    const t = new ClientIpAffinity();
    expect(t.pick('s', 7, eps.slice(0, 1), 0, 10, last)).toEqual({ endpoint: { id: 1 }, outcome: 'new' });
    expect(t.pick('s', 7, eps, 10_000, 10, last)).toEqual({ endpoint: { id: 1 }, outcome: 'pinned' });
    expect(t.pick('s', 7, eps, 20_000, 10, last)).toEqual({ endpoint: { id: 1 }, outcome: 'pinned' });
    expect(t.pick('s', 7, eps, 30_001, 10, last)).toEqual({ endpoint: { id: 3 }, outcome: 'expired' });
    expect(t.pick('s', 8, eps, 30_001, 10, last).outcome).toBe('new');
    expect(t.pick('s', 7, eps.slice(0, 2), 30_002, 10, last)).toEqual({ endpoint: { id: 2 }, outcome: 'endpoint-gone' });
  });
});
