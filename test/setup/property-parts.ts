// Test helper: one long property run as several tests of a part of its runs each, every part from its own
// seed (the global seed + the part's number), so the runs are as many and as reproducible as before, and no
// single test nears its timeout on a busy machine.
import fc from 'fast-check';
import { it } from 'vitest';

/**
 * Declares `parts` tests named `name (part i/parts)`; each asserts `property` over `totalRuns / parts` runs
 * from seed `global seed + i`.
 */
export function itInParts<Ts>(name: string, totalRuns: number, parts: number, property: () => fc.IProperty<Ts>): void {
  const base = fc.readConfigureGlobal().seed ?? 0;
  const runs = Math.ceil(totalRuns / parts);
  for (let i = 0; i < parts; i++) {
    it(`${name} (part ${i + 1}/${parts})`, () => {
      fc.assert(property(), { numRuns: runs, seed: base + i });
    });
  }
}
