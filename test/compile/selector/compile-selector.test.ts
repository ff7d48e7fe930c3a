// Compiled selector bitsets against per-member evaluation (fast-check, random universes and ASTs), plus
// known answers over a small universe and the memo's independence of callers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testBit, toIndices } from '../../../src/lib/containers/bitset.js';
import { compileSelector } from '../../../src/compile/selector/compile-selector.js';
import { LabelIndex } from '../../../src/compile/selector/label-index.js';
import { matchesNode } from '../../../src/lib/selector/matches.js';
import { parseSelector } from '../../../src/lib/selector/parse.js';
import type { Labels } from '../../../src/scenario/types.js';
import { labels, selectorNode } from '../../lib/selector/arbitrary.js';

describe('compileSelector', () => {
  it('equals matches() on every member, for random universes and selectors', () => {
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 80 }), fc.array(selectorNode, { minLength: 1, maxLength: 5 }), (universe, nodes) => {
        const index = new LabelIndex(universe);
        for (const node of nodes) {
          const bits = compileSelector(node, index);
          expect(bits.length).toBe(index.words);
          const want = universe.flatMap((l, i) => (matchesNode(node, l) ? [i] : []));
          expect(toIndices(bits)).toEqual(want);
        }
      }),
      { numRuns: 2000 },
    );
  });

  const universe: Labels[] = [
    { app: 'web', tier: 'fe', 'projectcalico.org/namespace': 'prod' },
    { app: 'web-canary', tier: 'fe', 'projectcalico.org/namespace': 'prod' },
    { app: 'db', tier: 'be', 'projectcalico.org/namespace': 'prod' },
    { app: 'db', 'projectcalico.org/namespace': 'dev' },
    {},
  ];
  const index = new LabelIndex(universe);
  const members = (sel: string): number[] => toIndices(compileSelector(parseSelector(sel).ast, index));
  const cases: [string, number[]][] = [
    ['all()', [0, 1, 2, 3, 4]],
    ['', [0, 1, 2, 3, 4]],
    ['global()', [0, 1, 2, 3, 4]],
    ['has(tier)', [0, 1, 2]],
    ['!has(tier)', [3, 4]],
    ['app == "db"', [2, 3]],
    ['app != "db"', [0, 1, 4]],
    ['tier in {"fe", "x"}', [0, 1]],
    ['tier not in {"fe"}', [2, 3, 4]],
    ['app in {}', []],
    ['app not in {}', [0, 1, 2, 3, 4]],
    ['app starts with "web"', [0, 1]],
    ['app ends with "canary"', [1]],
    ['app contains "b"', [0, 1, 2, 3]],
    ['app contains ""', [0, 1, 2, 3]],
    ['app == "db" && projectcalico.org/namespace == "prod"', [2]],
    ['app == "db" || tier == "fe"', [0, 1, 2, 3]],
    ['!(app == "db" || tier == "fe")', [4]],
    ['nokey == "x"', []],
    ['nokey != "x"', [0, 1, 2, 3, 4]],
  ];
  for (const [sel, want] of cases) it(`${JSON.stringify(sel)} → ${JSON.stringify(want)}`, () => expect(members(sel)).toEqual(want));

  it('returns a fresh bitset each time (mutating it does not poison the memo)', () => {
    const a = compileSelector(parseSelector('has(app)').ast, index);
    a.fill(0);
    expect(toIndices(compileSelector(parseSelector('has(app)').ast, index))).toEqual([0, 1, 2, 3]);
    const all = compileSelector(parseSelector('all()').ast, index);
    all.fill(0);
    expect(testBit(compileSelector(parseSelector('all()').ast, index), 0)).toBe(true);
  });

  it('works on an empty universe and on word-sized universes', () => {
    expect(compileSelector(parseSelector('!has(a)').ast, new LabelIndex([])).length).toBe(0);
    const big = new LabelIndex(Array.from({ length: 64 }, (_, i): Labels => (i % 2 ? { a: String(i) } : {})));
    expect(toIndices(compileSelector(parseSelector('!has(a)').ast, big))).toEqual(Array.from({ length: 32 }, (_, i) => 2 * i));
  });
});
