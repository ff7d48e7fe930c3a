// F5 in cluster mode on the timeline (test/fixtures/loadbalancer/cluster-mode.yaml): CIS writes the ingress
// Service's ready endpoints as pool members (k8s-bigip-ctlr processService: Endpoints `addresses` on nodes in
// its node cache), a new member is probed at once, a silently failed node's pod blackholes until the monitor
// notices and leaves the pool when the node turns NotReady (40 s), rejoins at CIS's next node poll (30 s), and
// --as3-post-delay holds every change back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { buildLbReport, type VirtualServerReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { scenarioFile } from '../../scenario/helpers.js';

const FIXTURE = 'test/fixtures/loadbalancer/cluster-mode.yaml';

function report(path: string): VirtualServerReport {
  const run = runPlatform(buildModel(loadScenario(path)));
  return buildLbReport(run).virtualServers[0]!;
}
const withPostDelay = (delay: string): string => scenarioFile(readFileSync(FIXTURE, 'utf8').replace('mode: cluster', `mode: cluster\n      cis: { as3PostDelay: ${delay} }`));
const member = (vs: VirtualServerReport, pod: string) => vs.members.find((m) => m.pod === `ingress-nginx/${pod}`)!;

const drained = (): string =>
  scenarioFile(readFileSync(FIXTURE, 'utf8').replace('  - { at: 60s,', '  - { at: 100s, kind: lb-member-disable, lb: f5-c, member: ingress-nginx-0 }\n  - { at: 60s,'));

describe('CIS cluster mode', () => {
  const vs = report(FIXTURE);

  it('makes each ready ingress pod a member at its pod IP and https target port 443', () => {
    expect(vs.mode).toBe('cluster');
    expect(vs.members.map((m) => m.pod)).toEqual(['ingress-nginx/ingress-nginx-0', 'ingress-nginx/ingress-nginx-1', 'ingress-nginx/ingress-nginx-2']);
    for (const m of vs.members) expect(m.member).toMatch(/^10\.200\.\d+\.\d+:443$/);
    expect(vs.shares[0]).toEqual({ at: 0, shares: [0.5, 0.5] });
  });

  it('adds a scaled-up pod at once (--as3-post-delay 0) and its first probe brings it up', () => {
    expect(member(vs, 'ingress-nginx-2').windows.slice(0, 2)).toEqual([
      { state: 'out-of-pool', from: 0, to: 60_000 },
      { state: 'up', from: 60_000, to: 450_000 },
    ]);
    expect(vs.shares.find((s) => s.at === 60_000)).toEqual({ at: 60_000, shares: [0.3333, 0.3333, 0.3333] });
  });

  it("blackholes a silently failed node's pod until the monitor notices, drops it at NotReady (40 s) and takes it back at the next node poll", () => {
    const [hole] = vs.blackholes;
    expect(hole).toMatchObject({ member: member(vs, 'ingress-nginx-1').member, from: 200_000, share: 0.3333 });
    expect(hole!.to).toBeGreaterThan(200_000 + 16_000 - 5_000);
    expect(hole!.to).toBeLessThanOrEqual(200_000 + 16_000);
    const w = member(vs, 'ingress-nginx-1').windows;
    expect(w.map((x) => x.state)).toEqual(['up', 'down', 'out-of-pool', 'up', 'out-of-pool']);
    expect(w[2]!.from).toBe(240_000);
    // Back at 300 s: Ready at once, but CIS lists the node only at its next poll (within --node-poll-interval).
    expect(w[3]!.from).toBeGreaterThan(300_000);
    expect(w[3]!.from).toBeLessThanOrEqual(330_000);
  });

  it('removes scaled-down pods at once, with no blackhole: they serve through their grace period', () => {
    expect(member(vs, 'ingress-nginx-2').windows.at(-1)).toEqual({ state: 'out-of-pool', from: 450_000, to: 600_000 });
    expect(vs.blackholes).toHaveLength(1);
    expect(vs.pods).toEqual([{ pod: 'ingress-nginx/ingress-nginx-0', share: 1 }]);
  });

  it('lets an operator drain a pod member by its pod name', () => {
    const w = member(report(drained()), 'ingress-nginx-0').windows;
    expect(w.slice(0, 2)).toEqual([
      { state: 'up', from: 0, to: 100_000 },
      { state: 'disabled', from: 100_000, to: 600_000 },
    ]);
  });

  it('holds every change back by --as3-post-delay: a stopped pod outliving its grace period blackholes until the monitor notices', () => {
    const late = report(withPostDelay('40s'));
    expect(member(late, 'ingress-nginx-2').windows[1]).toMatchObject({ state: 'up', from: 100_000 });
    expect(member(late, 'ingress-nginx-1').windows.find((x) => x.state === 'out-of-pool')!.from).toBe(280_000);
    // Scaled down at 450 s, the pods exit at 480 s (grace 30 s) and CIS posts at 490 s.
    const holes = late.blackholes.filter((b) => b.from >= 450_000);
    expect(holes.map((b) => b.from)).toEqual([480_000, 480_000]);
    for (const b of holes) expect(b.to).toBeLessThanOrEqual(490_000);
    expect(member(late, 'ingress-nginx-2').windows.at(-1)).toEqual({ state: 'out-of-pool', from: 490_000, to: 600_000 });
  });
});
