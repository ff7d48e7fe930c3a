// Provenance keeps a record's origin in a private slot of the record; the reference is the WeakMap per
// Provenance it replaced. Any sequence of sets and gets over records (some frozen) and two loads agrees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Provenance, type Origin } from '../../src/scenario/provenance.js';

const origin = (n: number): Origin => ({ path: `p${n}`, locate: () => ({ file: 'f.yaml', line: n, col: 1 }), fromManifest: n % 2 === 0 });

/** The implementation replaced: one WeakMap per Provenance. */
class ReferenceProvenance {
  private readonly origins = new WeakMap<object, Origin>();
  set(rec: object, o: Origin): void {
    this.origins.set(rec, o);
  }
  get(rec: object): Origin | undefined {
    return this.origins.get(rec);
  }
}

const opArb = fc.record({ set: fc.boolean(), prov: fc.integer({ min: 0, max: 1 }), rec: fc.integer({ min: 0, max: 5 }), origin: fc.nat(99) });

describe('Provenance', () => {
  it('agrees with a WeakMap per Provenance on any sequence of sets and gets', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (ops, frozen) => {
        const recs = frozen.map((f, i) => (f ? Object.freeze({ i }) : { i }));
        const provs = [new Provenance(), new Provenance()];
        const refs = [new ReferenceProvenance(), new ReferenceProvenance()];
        for (const op of ops) {
          const rec = recs[op.rec] as object;
          if (op.set) {
            const o = origin(op.origin);
            provs[op.prov]?.set(rec, o);
            refs[op.prov]?.set(rec, o);
          } else {
            expect(provs[op.prov]?.get(rec)).toBe(refs[op.prov]?.get(rec));
          }
        }
        for (const rec of recs) for (const p of [0, 1]) expect(provs[p]?.get(rec)).toBe(refs[p]?.get(rec));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the record as it was: keys, JSON, spread and equality', () => {
    const rec = { name: 'web', port: 80 };
    new Provenance().set(rec, origin(1));
    expect(Object.keys(rec)).toEqual(['name', 'port']);
    expect(Reflect.ownKeys(rec)).toEqual(['name', 'port']);
    expect(JSON.stringify(rec)).toBe('{"name":"web","port":80}');
    expect({ ...rec }).toStrictEqual({ name: 'web', port: 80 });
    expect(rec).toStrictEqual({ name: 'web', port: 80 });
    expect(structuredClone(rec)).toStrictEqual({ name: 'web', port: 80 });
  });

  it('places a field of a record through its origin', () => {
    const prov = new Provenance();
    const rec = {};
    prov.set(rec, { path: 'tenants[2]', locate: (f) => ({ file: 'a.yaml', line: f === undefined ? 3 : 4, col: 5 }), fromManifest: true });
    expect(prov.at(rec, 'nodes[0].name')).toEqual({ path: 'tenants[2].nodes[0].name', src: { file: 'a.yaml', line: 4, col: 5 } });
    expect(prov.fromManifest(rec)).toBe(true);
    expect(new Provenance().fromManifest(rec)).toBe(false);
  });
});
