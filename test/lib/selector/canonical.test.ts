// The byte-order comparison Calico's set canonicalisation relies on, and quoting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, quote, sortUnique } from '../../../src/lib/selector/canonical.js';

describe('compareCodePoints', () => {
  it('orders as Go orders strings (UTF-8 bytes)', () => {
    const unicode = fc.string({ unit: 'binary', maxLength: 6 });
    fc.assert(
      fc.property(unicode, unicode, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 5000 },
    );
  });
  it('puts astral characters after U+FFFF, unlike UTF-16 order', () => {
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFF').toBe(true);
  });
});

describe('sortUnique and quote', () => {
  it('sorts and de-duplicates', () => expect(sortUnique(['b', 'a', 'b', 'A', ''])).toEqual(['', 'A', 'a', 'b']));
  it('uses single quotes only for strings containing a double quote', () => {
    expect(quote('x')).toBe('"x"');
    expect(quote("it's")).toBe(`"it's"`);
    expect(quote('say "hi"')).toBe(`'say "hi"'`);
  });
});
