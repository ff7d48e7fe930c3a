import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { pkiModel } from '../../model/pki/pki-scenario.js';

const H = 3_600_000;
const MIN = 60_000;
/** A certificate its component reads only at start. */
const RESTART_ONLY = ['certificates:', '  - { name: api-restart, cluster: acme, component: api, reload: on-restart }'];

describe('Pki on the timeline', () => {
  it('never breaks when every issuer renews before expiry', () => {
    const run = runPlatform(pkiModel(['caTTL: 1000h', 'certTTL: 10h', 'rotationPeriod: 5h'], [], '100h'));
    expect(run.pki.finish()).toEqual([]);
  });

  it('cert-operator certificates expire between TTL and the rotation period; cert-manager ones renew at two thirds', () => {
    const run = runPlatform(pkiModel(['caTTL: 1000h', 'certTTL: 2h', 'rotationPeriod: 3h'], [], '4h'));
    const w = run.pki.finish().filter((x) => x.cluster === 'acme');
    const etcd = w.filter((x) => x.name === 'etcd');
    // etcd reads its files per handshake: expired from 2h until the renewal at 3h.
    expect(etcd.map((x) => [x.reason, x.from, x.to])).toEqual([['expired', 2 * H, 3 * H]]);
    // A mounted Secret is seen up to a minute later: expired, then renewed but not yet reloaded.
    expect(w.filter((x) => x.name === 'node-operator').map((x) => [x.reason, x.from, x.to])).toEqual([['expired', 2 * H, 3 * H], ['not-reloaded', 3 * H, 3 * H + MIN]]);
    // cert-manager renews Typha's at two thirds of its life: never expired.
    expect(w.some((x) => x.name === 'typha-server')).toBe(false);
  });

  it('renewed but not reloaded: a component reading its certificate at start presents the expired one', () => {
    const run = runPlatform(pkiModel(['certTTL: 2h', 'rotationPeriod: 90m', ...RESTART_ONLY], [], '4h'));
    const w = run.pki.finish().filter((x) => x.name === 'api-restart');
    expect(w.map((x) => [x.reason, x.from, x.to])).toEqual([['not-reloaded', 2 * H, undefined]]);
  });

  it('an expired API server certificate makes every node NotReady; full disruption evicts nothing', () => {
    const run = runPlatform(pkiModel(['certTTL: 2h', 'rotationPeriod: 3h'], [], '4h'));
    const notReady = run.pki.effects.windowsSoFar().filter((x) => x.kind === 'node-not-ready' && x.cluster === 'acme');
    // The API server re-reads its renewed certificate a minute after cert-operator's renewal at 3h.
    expect(notReady.map((x) => [x.node, x.from, x.to])).toEqual([
      ['acme/acme-1', 2 * H, 3 * H + MIN],
      ['acme/acme-2', 2 * H, 3 * H + MIN],
      ['acme/acme-3', 2 * H, 3 * H + MIN],
    ]);
    expect(run.timeline.filter((t) => t.kind === 'eviction')).toEqual([]);
  });

  it('an expired worker certificate makes its node NotReady and evicts its Deployment pods after 40 s + 300 s', () => {
    const run = runPlatform(pkiModel(['certificates:', '  - { name: worker-acme-1, cluster: acme, component: worker, issuer: kubeadm, ttl: 1h }'], [], '2h'));
    const ev = run.timeline.filter((t) => t.kind === 'eviction');
    expect(ev.map((e) => [e.at, e.target])).toEqual([[H + 340_000, 'acme/acme-1']]);
    expect(run.pods.pods.filter((p) => p.phase === 'running' && p.workload >= 0 && run.model.workloads[p.workload]!.spec.name === 'api').every((p) => p.node !== run.model.nodeByName.get('acme/acme-1'))).toBe(true);
  });

  it('an expired Typha certificate cuts Felix off on every node; a node restarted meanwhile has no dataplane until renewal', () => {
    const run = runPlatform(
      pkiModel(['certificates:', '  - { name: typha-server, cluster: acme, component: typha-server, issuer: kubeadm, ttl: 2h }'], ['{ at: 3h, kind: node-down, node: acme/acme-2, mode: clean }', '{ at: 3h1m, kind: node-up, node: acme/acme-2 }', '{ at: 3h30m, kind: cert-rotate, tenant: acme, component: typha-server }']),
    );
    const w = run.pki.effects.windowsSoFar().filter((x) => x.cluster === 'acme');
    expect(w.filter((x) => x.kind === 'felix-disconnected').map((x) => [x.node, x.from, x.to])).toEqual([
      ['acme/acme-1', 2 * H, 3.5 * H],
      ['acme/acme-2', 2 * H, 3.5 * H],
      ['acme/acme-3', 2 * H, 3.5 * H],
    ]);
    expect(w.filter((x) => x.kind === 'dataplane-lost').map((x) => [x.node, x.from, x.to])).toEqual([['acme/acme-2', 3 * H + MIN, 3.5 * H]]);
  });

  it('an expired Calico etcd client certificate stops IPAM: pods started meanwhile get no address', () => {
    const run = runPlatform(
      pkiModel(['certificates:', '  - { name: calico-etcd-client, cluster: acme, component: calico-etcd-client, issuer: kubeadm, ttl: 1h }'], ['{ at: 2h, kind: scale, tenant: acme, workload: shop/api, replicas: 4 }']),
    );
    const fresh = run.pods.pods.filter((p) => p.createdAt === 2 * H);
    expect(fresh).toHaveLength(2);
    for (const p of fresh) expect([p.ip, p.reason]).toEqual([-1, 'no IP address: Calico IPAM cannot reach etcd: certificate calico-etcd-client does not verify']);
  });

  it('an expired ingress certificate makes HTTPS to its host fail at the handshake, from expiry on', () => {
    const model = pkiModel(['certificates:', '  - { name: ingress-tls-shop.example.com, cluster: acme, component: ingress-tls, issuer: kubeadm, ttl: 1h }']);
    const early = runPlatform(model, { until: 30 * MIN });
    expect(early.pki.effects.httpsFailure('shop.example.com')).toBeUndefined();
    const late = runPlatform(model, { until: 2 * H });
    expect(late.pki.effects.httpsFailure('shop.example.com')).toBe('TLS handshake fails: the certificate ingress-tls-shop.example.com for shop.example.com does not verify');
    expect(late.pki.effects.windowsSoFar().filter((w) => w.kind === 'https-handshake-fails').map((w) => [w.host, w.from])).toEqual([['shop.example.com', H]]);
  });

  it('a CA rotation without overlap leaves clients and servers distrusting each other until each reloads', () => {
    const run = runPlatform(pkiModel(RESTART_ONLY, ['{ at: 1h, kind: cert-rotate, tenant: acme, component: ca, overlap: 0s }'], '2h'));
    const w = run.pki.finish().filter((x) => x.cluster === 'acme' && x.reason === 'untrusted');
    expect(w.find((x) => x.name === 'felix-client')).toMatchObject({ from: H, to: H + MIN });
    expect(w.find((x) => x.name === 'etcd')).toBeUndefined();
    const api = w.find((x) => x.name === 'api-restart')!;
    expect([api.from, api.to]).toEqual([H, undefined]);
  });

  it('with an overlap the same rotation breaks nothing that reloads on change', () => {
    const run = runPlatform(pkiModel(RESTART_ONLY, ['{ at: 1h, kind: cert-rotate, tenant: acme, component: ca, overlap: 20m }'], '2h'));
    const w = run.pki.finish().filter((x) => x.cluster === 'acme');
    // Only a certificate read at start stays on the old CA once that is distrusted.
    expect(w.map((x) => [x.name, x.reason, x.from])).toEqual([['api-restart', 'untrusted', H + 20 * MIN]]);
  });

  it('marks every certificate broken when the CA expires, until the CA is rotated', () => {
    const run = runPlatform(pkiModel(['caTTL: 10h', 'certTTL: 100h', 'rotationPeriod: 1000h'], ['{ at: 20h, kind: cert-rotate, tenant: acme, component: ca }'], '29h'));
    const w = run.pki.finish().filter((x) => x.cluster === 'acme' && x.name === 'felix-client');
    expect(w.map((x) => [x.reason, x.from, x.to])).toEqual([['ca-expired', 10 * H, 20 * H]]);
  });
});
