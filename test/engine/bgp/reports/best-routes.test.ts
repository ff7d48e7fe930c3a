// nodeBestRoutes (the page's node facts) lists what nodeRoutes lists first, best paths only: every speaker of
// the default scenario, during its node failure and after, with caps below and above the route count.
import { describe, expect, it } from 'vitest';
import { nodeBestRoutes } from '../../../../src/engine/bgp/reports/best-routes.js';
import { nodeRoutes } from '../../../../src/engine/bgp/reports/reports.js';
import { createPlatform, advancePlatform } from '../../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../../src/model/build-model.js';
import { loadScenario } from '../../../../src/scenario/load-scenario.js';

describe('nodeBestRoutes', () => {
  it("equals nodeRoutes' first entries with their best paths, at every speaker and several times", () => {
    const run = createPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), {});
    let compared = 0;
    for (const t of [5_000, 30_000, 130_000, 400_000]) {
      advancePlatform(run, t);
      const net = run.bgp.net;
      for (const name of net.speakers(false)) {
        const y = net.speaker(name);
        for (const cap of [0, 3, 1_000]) {
          const want = nodeRoutes(net, y).slice(0, cap).flatMap((r) => r.paths.filter((p) => p.best).map((p) => ({ prefix: r.prefix, nextHop: p.nextHop, peer: p.peer })));
          expect(nodeBestRoutes(net, y, cap), `${name} at ${t} ms, cap ${cap}`).toEqual(want);
          compared += want.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
