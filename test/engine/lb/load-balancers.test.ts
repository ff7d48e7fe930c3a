// The load balancers on the timeline (issue 17), on test/fixtures/loadbalancer/local-failover.yaml: an ingress
// pod stops under externalTrafficPolicy Local (a blackhole until the http monitor notices; never with a ping
// monitor), the active unit fails over in BIG-IP's 3 s, a drained member takes no new connections.
import { beforeAll, describe, expect, it } from 'vitest';
import { runPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { buildLbReport, type LoadBalancerReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { lbVerdicts } from '../../../src/verdict/loadbalancer/lb-verdicts.js';

let run: PlatformRun;
let report: LoadBalancerReport;
beforeAll(() => {
  run = runPlatform(buildModel(loadScenario('test/fixtures/loadbalancer/local-failover.yaml')));
  report = buildLbReport(run);
});
const vs = (name: string) => report.virtualServers.find((v) => v.name === name)!;

describe('load balancers on the timeline', () => {
  it('blackholes the member whose local endpoint stopped until the monitor has had no success for 16 s', () => {
    const [hole] = vs('f5-a').blackholes;
    expect(hole).toMatchObject({ member: 'mgmt-3:30443', from: 60_000, share: 0.3333 });
    // The last success was the last probe before 60 s (at most one 5 s interval before); down 16 s after it.
    expect(hole!.to).toBeGreaterThan(60_000 + 16_000 - 5_000);
    expect(hole!.to).toBeLessThanOrEqual(60_000 + 16_000);
    const m3 = vs('f5-a').members[2]!;
    expect(m3.windows).toEqual([{ state: 'up', from: 0, to: hole!.to }, { state: 'down', from: hole!.to, to: 600_000 }]);
  });

  it('never notices with a gateway-icmp monitor: the host still answers pings', () => {
    expect(vs('f5-b').blackholes).toEqual([{ lb: 'f5-b', member: 'mgmt-3:30443', from: 60_000, share: 0.2 }]);
    const verdicts = lbVerdicts(run.model.loadBalancers, report, 600_000);
    expect(verdicts.map((v) => [v.id, v.status])).toEqual([['load-balancers', 'pass'], ['lb-blackholes', 'fail'], ['lb-failover', 'pass']]);
    expect(verdicts[1]!.detail).toContain('f5-b mgmt-3:30443 (20% of new connections) from t=60s to the end');
  });

  it('fails over to the standby in 3 s, taking no connection meanwhile', () => {
    expect(vs('f5-a').failovers).toEqual([{ lb: 'f5-a', at: 200_000, gap: 3000, connectionsLost: true }]);
    expect(vs('f5-a').outages).toEqual([{ lb: 'f5-a', from: 200_000, to: 203_000, reason: 'device down' }]);
    expect(vs('f5-a').shares.filter((s) => s.at >= 200_000)).toEqual([{ at: 200_000, shares: [0, 0, 0] }, { at: 203_000, shares: [0.5, 0.5, 0] }]);
  });

  it('splits by ratio, and a drained member takes no new connections until enabled', () => {
    const b = vs('f5-b');
    expect(b.shares).toEqual([
      { at: 0, shares: [0.6, 0.2, 0.2] },
      { at: 400_000, shares: [0.75, 0, 0.25] },
      { at: 500_000, shares: [0.6, 0.2, 0.2] },
    ]);
    expect(b.members[1]!.windows.map((w) => w.state)).toEqual(['up', 'disabled', 'up']);
    // kube-proxy behind Local members: mgmt-3's 20 % reaches no pod (the blackhole).
    expect(b.pods.reduce((s, p) => s + p.share, 0)).toBeCloseTo(0.8, 4);
  });
});
