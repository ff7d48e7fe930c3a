// The page's node facts read best paths in one pass over a shared prefix order; each node's list equals
// what the engine's per-node read (nodeBestRoutes: sort that node's prefixes, keep the first cap) gives,
// on every node of the default scenario through its node failure, with caps below and above its lists.
import { describe, expect, it } from 'vitest';
import { nodeBestRoutes } from '../../../src/engine/bgp/reports/best-routes.js';
import { advancePlatform, createPlatform } from '../../../src/engine/platform/run-platform.js';
import { FACTS_CAP, nodeFacts } from '../../../src/emit/viz/node-facts.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

describe('nodeFacts', () => {
  it("lists each node's first best paths as nodeBestRoutes does", () => {
    let compared = 0;
    const run = createPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), {});
    for (const t of [5_000, 30_000, 130_000, 400_000]) {
      advancePlatform(run, t);
      const net = run.bgp.net;
      const speakers = new Set(net.speakers(true));
      for (const cap of [0, 1, 7, FACTS_CAP / 10, FACTS_CAP]) {
        const facts = nodeFacts(run, cap);
        run.model.nodes.forEach((n, i) => {
          const s = run.bgp.speakerOf(n.id);
          const want = speakers.has(s) ? nodeBestRoutes(net, net.speaker(s), cap) : [];
          expect(facts[i]!.routes, `${n.name} at ${t} ms, cap ${cap}`).toEqual(want);
          compared += want.length;
        });
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  });
});
