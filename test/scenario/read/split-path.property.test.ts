// splitPath's scan of character codes (paths without a `"`) against the regular expression it replaced there (splitQuotedPath, kept in src/ for quoted paths) as
// the reference: the same keys and indices, in order, on generated paths made of the characters that
// matter to it (separators, brackets, digits, letters) and on arbitrary strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPath, splitQuotedPath } from '../../../src/scenario/read/positioned.js';

/** The regular expression every path went through before, kept in src/ for quoted paths. */
const referenceSplit = splitQuotedPath;

const piece = fc.constantFrom('.', '[', ']', '0', '7', '12', '007', 'a', 'spec', 'ports', '-', '/', ' ', '\n', 'é', '[3]', '[x]', '[]', '..', 'x.y');
const path = fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.string({ maxLength: 16 }));

describe('splitPath', () => {
  it('splits as the regular expression does (seeded, 20,000 paths)', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(splitPath(p), JSON.stringify(p)).toStrictEqual(referenceSplit(p));
      }),
      { seed: 7122026, numRuns: 20000 },
    );
  });

  it('known answers', () => {
    expect(splitPath('spec.ingress[0].ports[12]')).toStrictEqual(['spec', 'ingress', 0, 'ports', 12]);
    expect(splitPath('labels["a.b/c"].x')).toStrictEqual(['labels', 'a.b/c', 'x']);
    expect(splitPath('a[x]..b[]')).toStrictEqual(['a', 'x', 'b']);
    expect(splitPath('')).toStrictEqual([]);
  });
});
