// The label-value fast path (character codes) against the regular expression it stands in front of
// (lib/selector/k8s-label-syntax.ts, apimachinery IsValidLabelValue): every value it accepts, the reference
// accepts, and every value the reference accepts, it accepts; labelValueProblem's message is unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelValueProblems } from '../../../src/lib/selector/k8s-label-syntax.js';
import { isPlainLabelValue, labelValueProblem } from '../../../src/scenario/schema/label-formats.js';

/** Values near the edges: the label alphabet, its neighbours in ASCII, a few beyond, lengths around 63. */
const char = fc.constantFrom(...'aZ09-_./:@` {~\n\t\u00e9\u0130'.split(''), 'k', 'Q', '5');
const value = fc.oneof(
  fc.array(char, { maxLength: 8 }).map((cs) => cs.join('')),
  fc.tuple(fc.integer({ min: 60, max: 66 }), char, char).map(([n, a, b]) => `${a}${'x'.repeat(n - 2)}${b}`),
  fc.string({ maxLength: 10 }),
  fc.string({ maxLength: 70, unit: 'grapheme-ascii' }),
);

describe('isPlainLabelValue', () => {
  it('decides exactly as the regular expression does', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(isPlainLabelValue(v), JSON.stringify(v)).toBe(labelValueProblems(v).length === 0);
      }),
      { seed: 20261207, numRuns: 20000 },
    );
  });

  it('known answers', () => {
    for (const ok of ['', 'a', 'app-3', 'h0-3-v1', 'A.b_c-9', 'x'.repeat(63)]) expect(isPlainLabelValue(ok), ok).toBe(true);
    for (const bad of ['-a', 'a-', '.a', 'a_', 'a b', 'a/b', 'x'.repeat(64), 'é', 'a\n']) expect(isPlainLabelValue(bad), bad).toBe(false);
    expect(labelValueProblem('a-')).toBe(`label value "a-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`);
    expect(labelValueProblem('x'.repeat(64))).toBe(`label value "${'x'.repeat(64)}": must be no more than 63 characters`);
  });
});
