// MetalLB on the timeline (issue 17), on test/fixtures/loadbalancer/metallb.yaml: in layer 2 the elected
// speaker answers for the VIP, a silently failed owner is replaced once memberlist declares it dead (5.5 s
// on three nodes) and a clean stop moves it at once; in BGP mode the router keeps a silently failed node's
// /32 until the 90 s hold timer expires (a blackhole of its ECMP share), and every next-hop change rehashes
// existing flows (MetalLB docs, concepts/layer2 and concepts/bgp "Limitations").
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { buildLbReport, type LoadBalancerReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { lbVerdicts } from '../../../src/verdict/loadbalancer/lb-verdicts.js';
import { scenarioFile } from '../../scenario/helpers.js';

let run: PlatformRun;
let report: LoadBalancerReport;
beforeAll(() => {
  run = runPlatform(buildModel(loadScenario('test/fixtures/loadbalancer/metallb.yaml')));
  report = buildLbReport(run);
});
const lb = (name: string) => report.metallb.find((m) => m.name === name)!;

describe('MetalLB layer 2 on the timeline', () => {
  it('keeps the owner when another node fails, and moves the VIP 5.5 s after its owner fails silently', () => {
    expect(lb('lb-l2').owners.map((o) => [o.node, o.from, o.to])).toEqual([
      ['mgmt-2', 0, 305_500],
      ['mgmt-3', 305_500, 400_000],
      ['mgmt-1', 400_000, undefined],
    ]);
    expect(lb('lb-l2').outages).toEqual([{ lb: 'lb-l2', vip: '10.0.0.40', from: 300_000, to: 305_500, reason: 'its owner failed (memberlist has not noticed)' }]);
  });

  it('records each failover with its gap: memberlist detection for a silent failure, none for a clean stop', () => {
    expect(lb('lb-l2').failovers).toEqual([
      { lb: 'lb-l2', vip: '10.0.0.40', at: 300_000, movedAt: 305_500, from: 'mgmt-2', to: 'mgmt-3', gap: 5500 },
      { lb: 'lb-l2', vip: '10.0.0.40', at: 400_000, movedAt: 400_000, from: 'mgmt-3', to: 'mgmt-1', gap: 0 },
    ]);
    const moved = run.timeline.find((t) => t.kind === 'metallb-failover')!;
    expect(moved).toMatchObject({ at: 305_500, target: 'mgmt-2' });
    expect(moved.effects.join('\n')).toContain('10.0.0.40 moves from mgmt-2 to mgmt-3 (gratuitous ARP), 5.5s after mgmt-2 failed; connections to mgmt-2 are lost');
  });
});

describe('MetalLB BGP on the timeline', () => {
  it('spreads over every announcing node and blackholes a silently failed node until the hold timer', () => {
    expect(lb('lb-bgp').nextHops.map((h) => [h.at, h.nodes.join(',')])).toEqual([
      [0, 'mgmt-1,mgmt-2,mgmt-3'],
      [120_000, 'mgmt-2,mgmt-3'],
      [200_000, 'mgmt-1,mgmt-2,mgmt-3'],
      [390_000, 'mgmt-1,mgmt-3'],
      [400_000, 'mgmt-1'],
    ]);
    expect(lb('lb-bgp').blackholes).toEqual([
      { lb: 'lb-bgp', node: 'mgmt-1', from: 30_000, to: 120_000, share: 0.3333 },
      { lb: 'lb-bgp', node: 'mgmt-2', from: 300_000, to: 390_000, share: 0.3333 },
    ]);
  });

  it('rehashes existing flows at each change (most of them: the docs expect all connections broken)', () => {
    expect(lb('lb-bgp').rehashes.map((r) => [r.at, r.moved])).toEqual([
      [120_000, 0.6667],
      [200_000, 0.6667],
      [390_000, 0.6667],
      [400_000, 0.5],
    ]);
  });

  it('passes the load-balancer verdicts: gaps within their bounds', () => {
    const v = lbVerdicts(run.model.loadBalancers, report, run.stats.endTime);
    expect(v.map((x) => [x.id, x.status])).toEqual([['load-balancers', 'pass'], ['lb-blackholes', 'pass'], ['lb-failover', 'pass']]);
    expect(v[2]!.detail).toBe('2 failover(s), longest gap 5.5s');
    expect(v[1]!.detail).toBe("0 blackhole window(s), each closed by a monitor in time; MetalLB BGP: 2 closed by the router's hold timer");
  });
});

describe('MetalLB layer 2 with externalTrafficPolicy Local', () => {
  // Only nodes with a ready endpoint are eligible (layer2_controller.go nodesWithEndpoint): when the owner's
  // ingress pod stops, the VIP moves at once to the next eligible node in hash order; with none left, nobody answers.
  it('moves the VIP off a node that lost its endpoint, and fails the healthy-member verdict with no endpoint left', () => {
    const text = readFileSync('test/fixtures/loadbalancer/metallb.yaml', 'utf8')
      .replace('ingress: { replicas: 3 }', 'ingress: { replicas: 3, externalTrafficPolicy: Local }')
      .replace(/events:[\s\S]*$/, 'events:\n  - { at: 60s, kind: scale, workload: ingress-nginx/ingress-nginx, replicas: 1 }\n  - { at: 90s, kind: scale, workload: ingress-nginx/ingress-nginx, replicas: 0 }\n');
    const local = runPlatform(buildModel(loadScenario(scenarioFile(text))), { until: 120_000 });
    const r = buildLbReport(local);
    const l2 = r.metallb.find((m) => m.name === 'lb-l2')!;
    expect(l2.owners.map((o) => [o.node, o.from])).toEqual([['mgmt-2', 0], ['mgmt-1', 60_000], [null, 90_000]]);
    expect(l2.failovers.map((f) => [f.from, f.to, f.gap])).toEqual([['mgmt-2', 'mgmt-1', 0], ['mgmt-1', null, 0]]);
    const v = lbVerdicts(local.model.loadBalancers, r, 120_000);
    expect(v[0]).toMatchObject({ id: 'load-balancers', status: 'fail' });
    expect(v[0]!.detail).toContain('lb-l2 10.0.0.40: no node announces it from t=90s to the end');
  });
});
