// NodePort members follow a scale-up (issue 17): with externalTrafficPolicy Local a host without an ingress
// pod answers no probe (kube-proxy drops NodePort traffic without a local endpoint), so its member starts
// down; once a new pod lands there, the member is up at its monitor's next probe (BIG-IP: up at the first
// success) and its share reaches the new pod.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { buildLbReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { scenarioFile } from '../../scenario/helpers.js';

const text = readFileSync('test/fixtures/loadbalancer/local-failover.yaml', 'utf8')
  .replace('replicas: 3, externalTrafficPolicy', 'replicas: 1, externalTrafficPolicy')
  .replace('replicas: 2 }', 'replicas: 3 }');

describe('NodePort members after a scale-up', () => {
  const run = runPlatform(buildModel(loadScenario(scenarioFile(text))), { until: 120_000 });
  const vs = buildLbReport(run).virtualServers.find((v) => v.name === 'f5-a')!;

  it('starts the hosts without an ingress pod down and brings each up at the first probe after its pod starts', () => {
    expect(vs.members[0]!.windows).toEqual([{ state: 'up', from: 0, to: 120_000 }]);
    for (const m of vs.members.slice(1)) {
      const [down, up] = m.windows;
      expect(down).toMatchObject({ state: 'down', from: 0 });
      // The http monitor probes every 5 s: the first probe after the 60 s scale-up succeeds.
      expect(down!.to).toBeGreaterThanOrEqual(60_000);
      expect(down!.to).toBeLessThan(65_000);
      expect(up).toEqual({ state: 'up', from: down!.to, to: 120_000 });
    }
  });

  it("gives each new pod its host's share once the member is up", () => {
    expect(vs.shares.at(-1)!.shares).toEqual([0.3333, 0.3333, 0.3333]);
    expect(vs.pods.map((p) => p.share)).toEqual([0.3333, 0.3333, 0.3333]);
  });
});
