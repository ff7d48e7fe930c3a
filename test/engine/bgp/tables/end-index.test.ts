// test: EndIndex answers like a plain Map in both layouts — hash for sparse networks, dense for meshes —
// including a dense table growing when speakers are added, a switch to dense after entries exist, and
// renaming every stored end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EndIndex } from '../../../../src/engine/bgp/tables/end-index.js';

type Op = readonly [number, number, number];

function check(speakers: number, pairs: number, before: readonly Op[], after: readonly Op[], groups: readonly number[] = []): void {
  const idx = new EndIndex();
  const ref = new Map<string, number>();
  const apply = (ops: readonly Op[]): void => {
    for (const [a, b, v] of ops) {
      idx.set(a, b, v);
      ref.set(`${a},${b}`, v);
    }
  };
  apply(before);
  idx.plan(speakers, pairs, groups);
  apply(after);
  expect(table((a, b) => idx.get(a, b))).toEqual(table((a, b) => ref.get(`${a},${b}`) ?? -1));
  // Renaming every stored end (as laying out the end table does) maps exactly the stored values.
  idx.rename((n) => 3 * n + 1);
  expect(table((a, b) => idx.get(a, b))).toEqual(table((a, b) => (ref.has(`${a},${b}`) ? 3 * (ref.get(`${a},${b}`) as number) + 1 : -1)));
}

/** Every answer for speakers -1..69 in one array, compared at once (one expect instead of 4,900). */
function table(get: (a: number, b: number) => number): number[] {
  const out: number[] = [];
  for (let a = -1; a < 70; a++) for (let b = -1; b < 70; b++) out.push(get(a, b));
  return out;
}

describe('EndIndex', () => {
  const opArb = (maxSpeaker: number): fc.Arbitrary<Op> => fc.tuple(fc.nat(maxSpeaker), fc.nat(maxSpeaker), fc.nat(1_000_000));
  it('matches a Map in either layout, with later speakers beyond the planned ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2000 }), fc.array(opArb(20), { maxLength: 30 }), fc.array(opArb(65), { maxLength: 200 }), (speakers, pairs, before, after) => {
        check(speakers, pairs, before, after);
      }),
      { numRuns: 300 },
    );
  });

  it('matches a Map in the group layout (pairs inside a group, across groups, beyond the planned speakers)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(opArb(20), { maxLength: 10 }),
        fc.array(fc.oneof(opArb(65), fc.tuple(fc.nat(5), fc.nat(11), fc.nat(11), fc.nat(1_000_000))), { maxLength: 200 }),
        (groups, before, raw) => {
          // Most pairs inside one group (as a platform's tenants), the others anywhere.
          const starts = groups.map((_, k) => groups.slice(0, k).reduce((x, y) => x + y, 0));
          const after = raw.map((o): Op => {
            if (o.length === 3) return o;
            const k = o[0] % groups.length;
            const n = groups[k] as number;
            return [(starts[k] as number) + (o[1] % n), (starts[k] as number) + (o[2] % n), o[3]];
          });
          const speakers = groups.reduce((x, y) => x + y, 0);
          // As many pairs as the groups' tables hold, too few for one dense table over 30 more speakers: an
          // empty index takes the group layout, one holding entries already the hash.
          const pairs = Math.ceil(groups.reduce((x, y) => x + y * y, 0) / 6);
          check(speakers + 30, pairs, before, after, groups);
          check(speakers + 30, pairs, [], after, groups);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('takes the group layout for a platform of tenant meshes', () => {
    const idx = new EndIndex();
    idx.plan(2020, 78_380, [20, ...Array.from({ length: 50 }, () => 40)]);
    expect(Reflect.get(idx, 'dense')).toBeNull();
    expect(Reflect.get(idx, 'groupOf')).toBeInstanceOf(Int32Array);
  });

  it('goes dense for a full mesh and stays a hash for a sparse network', () => {
    const mesh = new EndIndex();
    mesh.plan(10, 90);
    const sparse = new EndIndex();
    sparse.plan(1000, 2000);
    expect(Reflect.get(mesh, 'dense')).toBeInstanceOf(Int32Array);
    expect(Reflect.get(sparse, 'dense')).toBeNull();
  });
});
