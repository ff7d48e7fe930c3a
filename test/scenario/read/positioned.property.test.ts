// joinPath tests a key's characters without a regular expression; the reference is the expression it replaced.
// locatorOf and locateIn (what an origin calls when a problem is reported) place every path alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPath, locateIn, locatorOf } from '../../../src/scenario/read/positioned.js';
import { readEventTrees } from '../../../src/scenario/read/events/yaml-event-trees.js';

function referenceJoinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

const keyChars = fc.constantFrom(...'aZz_$-09.[]"/ é\n'.split(''), 'A', 'm', '5', '\u00e9', '\u{1F600}');
const keyArb = fc.oneof(fc.array(keyChars, { maxLength: 8 }).map((cs) => cs.join('')), fc.string({ maxLength: 6 }), fc.nat(30));

describe('joinPath', () => {
  it('joins as the regular expression it replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'a', 'spec.ports[0]'), keyArb, (base, key) => {
        expect(joinPath(base, key)).toBe(referenceJoinPath(base, key));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('locateIn', () => {
  it('places paths as locatorOf does, the nearest ancestor for missing ones', () => {
    const text = 'a:\n  b: [1, two]\n  "c d": x\n  app.kubernetes.io/name: y\nlist:\n  - {p: 1}\n';
    const root = readEventTrees(text, 'in.yaml')?.[0];
    if (root === undefined) throw new Error('the fast reader declined the text');
    const at = locatorOf(root);
    for (const path of ['', 'a', 'a.b[1]', 'a["c d"]', 'a.app.kubernetes.io/name', 'list[0].p', 'list[3].q', 'a.missing.deeper']) {
      expect(locateIn(root, path)).toEqual(at(path));
    }
    expect(locateIn(root, 'a.app.kubernetes.io/name')).toEqual({ file: 'in.yaml', line: 4, col: 27 });
    expect(locateIn(root, 'list[3].q')).toEqual({ file: 'in.yaml', line: 6, col: 3 });
  });
});
