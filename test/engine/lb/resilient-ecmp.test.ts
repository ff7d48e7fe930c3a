// Resilient ECMP for MetalLB BGP mode (a peer's `ecmp: resilient`): the router keeps flows on surviving next
// hops, so only a lost node's flows move (and a new node takes its share), against the plain modulo hash's
// rehash of most flows (MetalLB docs, BGP "Limitations").
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecmpMovedShare, resilientMovedShare, resilientPick } from '../../../src/engine/lb/ecmp-rehash.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { buildLbReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { scenarioFile } from '../../scenario/helpers.js';

describe('resilient ECMP', () => {
  it('moves only the lost next hop’s flows (1/4 of 4), where modulo moves 3/4; a returning hop takes back 1/4', () => {
    const four = ['a', 'b', 'c', 'd'];
    const three = ['a', 'b', 'c'];
    expect(resilientMovedShare(four, three)).toBe(0.25);
    expect(ecmpMovedShare(four, three)).toBe(0.75);
    expect(resilientMovedShare(three, four)).toBe(0.25);
    expect(resilientMovedShare(four, four)).toBe(0);
    expect(resilientMovedShare(['a'], [])).toBe(1);
  });

  it('keeps every flow whose next hop survives, and moves the share the formula gives (sampled flows)', () => {
    const sets = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(sets, sets, (before, after) => {
        const survivors = new Set(after);
        let moved = 0;
        const flows = 2000;
        for (let f = 0; f < flows; f++) {
          const h = Math.imul(f + 1, 0x9e3779b1) | 0;
          const was = before[resilientPick(before, h)]!;
          const now = after[resilientPick(after, h)]!;
          // A flow on a surviving hop moves only to a hop that was not there before.
          if (survivors.has(was) && now !== was) expect(before).not.toContain(now);
          if (now !== was) moved++;
        }
        expect(Math.abs(moved / flows - resilientMovedShare(before.map(String), after.map(String)))).toBeLessThan(0.05);
      }),
      { seed: 23, numRuns: 40 },
    );
  });

  it('on the timeline, rehashes a third of the flows where the modulo hash moves two thirds', () => {
    const text = readFileSync('test/fixtures/loadbalancer/metallb.yaml', 'utf8').replace('myASN: 64500 }]', 'myASN: 64500, ecmp: resilient }]');
    const report = buildLbReport(runPlatform(buildModel(loadScenario(scenarioFile(text)))));
    const bgp = report.metallb.find((m) => m.name === 'lb-bgp')!;
    expect(bgp.rehashes.map((r) => [r.at, r.moved])).toEqual([
      [120_000, 0.3333],
      [200_000, 0.3333],
      [390_000, 0.3333],
      [400_000, 0.5],
    ]);
  });
});
