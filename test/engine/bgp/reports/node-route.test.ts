// nodeRoute (a trace's route lookup) answers what a materialised FIB and the node's route list answer:
// nodeFib(...).lookup(ip) for the next-hop group, and the longest of nodeRoutes' prefixes containing the
// address, at random speakers, times and addresses (inside held prefixes, at their edges, and anywhere) of
// the default scenario (mesh, external peers, a failure with dead next hops), a route-reflector cluster and a
// peer announcing nested prefixes (a default route, a /16, a /20 in it, a /26 and a /32).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFib } from '../../../../src/engine/bgp/reports/node-fib.js';
import { nodeRoute } from '../../../../src/engine/bgp/reports/node-route.js';
import { nodeRoutes } from '../../../../src/engine/bgp/reports/reports.js';
import { advancePlatform, createPlatform } from '../../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../../src/model/build-model.js';
import { loadScenario } from '../../../../src/scenario/load-scenario.js';

const models = ['scenarios/giantnetes.yaml', 'test/fixtures/emulate/reflectors.yaml', 'test/fixtures/engine/nested-routes.yaml'].map((f) => buildModel(loadScenario(f)));

describe('nodeRoute', () => {
  it("equals the FIB's lookup and the longest held prefix, at any speaker, time and address", () => {
    const groups = new Set<number>();
    let held = 0;
    fc.assert(
      fc.property(fc.nat(models.length - 1), fc.integer({ min: 0, max: 7 * 60_000 }), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: -2, max: 70 }), fc.nat()), { minLength: 1, maxLength: 40 }), (m, until, who, probes) => {
        const run = createPlatform(models[m]!, { seed: until });
        advancePlatform(run, until);
        const net = run.bgp.net;
        const names = net.speakers(false);
        const name = names[who % names.length]!;
        const y = net.speaker(name);
        const routes = nodeRoutes(net, y);
        const fib = nodeFib(net, name);
        for (const [pick, offset, anywhere] of probes) {
          // An address near a held prefix's start (before it, inside it, past a /26), or any address.
          const r = routes[pick % Math.max(1, routes.length)];
          const ip = r !== undefined && anywhere % 4 !== 0 ? (r.base + offset) >>> 0 : anywhere >>> 0;
          const longest = routes.filter((x) => x.len === 0 || (ip & ((0xffffffff << (32 - x.len)) >>> 0)) >>> 0 === x.base).sort((a, b) => b.len - a.len)[0];
          const got = nodeRoute(net, y, ip);
          expect(got.group, `${name} ${ip}`).toBe(fib.lookup(ip));
          expect(got.held, `${name} ${ip}`).toEqual(longest ? { base: longest.base, len: longest.len } : undefined);
          groups.add(Math.min(got.group, 3));
          if (got.held) held++;
        }
      }),
      { seed: 14, numRuns: 60 },
    );
    // No route, blackhole and gateway groups were all met, and held prefixes.
    for (const g of [0, 1, 3]) expect(groups.has(g)).toBe(true);
    expect(held).toBeGreaterThan(100);
  });
});
