// A plain scalar's core-schema value by corePlainValue's shortcuts (first characters no tag starts with, two dots)
// against the core tags tried in order (coreTagValue, the reference), on number-, address- and keyword-like texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corePlainValue, coreTagValue } from '../../../../src/scenario/read/direct/yaml-core-plain.js';

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789.+-eExXoOinfaN_:/'.split('')), minLength: 1, maxLength: 12 }),
  fc.constantFrom('10.1.0.4', '1.2.3', '1.5', '.5', '5.', '1e3', '1.5e-3', '..', '1..2', '.inf', '-.inf', '.NaN', '0x1F', '0o17', '~', 'null', 'true', 'False', '10.1.0.0/16', '1.2e3.4'),
);

describe('corePlainValue', () => {
  it('is the core tags’ value (seeded, 5000 texts)', () => {
    fc.assert(fc.property(text, (s) => {
      expect(corePlainValue(s)).toStrictEqual(coreTagValue(s));
    }), { seed: 2027, numRuns: 5000 });
  });

  it('reads an address as a string and one dot as a float', () => {
    expect(corePlainValue('10.1.0.4')).toBe('10.1.0.4');
    expect(corePlainValue('1.5')).toBe(1.5);
    expect(corePlainValue('1.5e2')).toBe(150);
  });
});
