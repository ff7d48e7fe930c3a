// The validator's quick path is its full path's answer whenever the full path would report nothing: the same record
// (values, defaults, key order, `src`), compared on generated trees of every combinator the manifest readers use,
// with nasty values (nulls, placeholders, wrong types, out-of-range numbers, `__proto__`); and validateClean of an
// `unlocated` schema, which takes it, gives what the full path gives, records and diagnostics alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Loader } from '../../../src/scenario/read/loader.js';
import { toJson, type PValue } from '../../../src/scenario/read/positioned.js';
import { bool, def, int, labels, many, obj, oneOf, opt, port, req, str, strings, sub, type Schema } from '../../../src/scenario/schema/schema.js';
import { validateClean } from '../../../src/scenario/schema/validate.js';
import { NOT_QUICK, quickRead } from '../../../src/scenario/schema/validate-quick.js';
import { quickReadJson, validateDocClean } from '../../../src/scenario/schema/validate-quick-json.js';

const item = obj({ name: opt(str()), port: opt(port), protocol: def(oneOf(['TCP', 'UDP']), 'TCP'), up: def(bool, false) }, { noSrc: true });
const inner = obj({ name: req(str()), items: many(item), tags: def(labels, () => ({})), count: opt(int(0, 10)) });
const schemas: Record<string, Schema> = {
  meta: obj({ name: req(str()), namespace: opt(str()), labels: def(labels, () => ({})), annotations: def(strings, () => ({})) }, { noSrc: true }),
  nested: obj({ spec: sub(inner), status: sub(obj({ ip: opt(str((t) => (t.includes('.') ? undefined : `${t} has no dot`))) }, { noSrc: true })), list: many(str()) }, { noSrc: true }),
};

const src = { file: 'mem.yaml', line: 3, col: 5 };
const at = (i: number): typeof src => ({ ...src, line: src.line + i });
const key = fc.constantFrom('name', 'namespace', 'labels', 'annotations', 'spec', 'status', 'list', 'items', 'tags', 'count', 'port', 'protocol', 'up', 'ip', '__proto__', 'app', 'x');
const scalar: fc.Arbitrary<PValue> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom<string | number | boolean | null>('web', 'TCP', 'UDP', 'SCTP', '10.0.0.1', 'nodot', '{i}', 'a-{tenant}', '', null, true, false, 0, 1, 80, 65535, 65536, -1, 1.5, 11, Number.POSITIVE_INFINITY),
      fc.string({ maxLength: 4 }),
    ),
    fc.nat(50),
    fc.boolean(),
  )
  .map(([value, line, generated]) => ({ kind: 'scalar', value, src: at(line), ...(generated && typeof value === 'string' ? { generated: true } : {}) }) as PValue);
const tree: fc.Arbitrary<PValue> = fc.letrec<{ v: PValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.tuple(fc.array(tie('v'), { maxLength: 3 }), fc.nat(50)).map(([items, line]) => ({ kind: 'seq', items, src: at(line) }) as PValue),
    fc
      .tuple(fc.uniqueArray(fc.tuple(key, tie('v'), fc.nat(50)), { maxLength: 5, selector: ([k]) => k }), fc.nat(50))
      .map(([entries, line]) => ({ kind: 'map', entries: entries.map(([k, value, l]) => ({ key: k, keySrc: at(l), value })), src: at(line) }) as PValue),
  ),
})).v;

const scalarOf = (values: readonly (string | number | boolean | null)[]): fc.Arbitrary<PValue> =>
  fc.tuple(fc.constantFrom(...values), fc.nat(50)).map(([value, line]) => ({ kind: 'scalar', value, src: at(line) }) as PValue);
const mapOf = (entries: fc.Arbitrary<[string, PValue][]>): fc.Arbitrary<PValue> =>
  fc.tuple(entries, fc.nat(50)).map(([es, line]) => ({ kind: 'map', entries: es.map(([k, value], i) => ({ key: k, keySrc: at(line + i), value })), src: at(line) }) as PValue);

/** Trees shaped by the schema, mostly valid, with a nasty value or a random subtree now and then. */
function shaped(s: Schema): fc.Arbitrary<PValue> {
  const nasty = fc.oneof(scalar, tree);
  const good = ((): fc.Arbitrary<PValue> => {
    switch (s.t) {
      case 'string':
        return scalarOf(s.enum ?? ['web', '10.0.0.1', 'a.b', 'x']);
      case 'int':
        return scalarOf([s.min, s.max, Math.min(s.max, s.min + 3), s.min + 0.5, null]);
      case 'bool':
        return scalarOf([true, false]);
      case 'labels':
      case 'strings':
        return mapOf(fc.uniqueArray(fc.tuple(fc.constantFrom('app', 'tier', 'a.b/c', 'x', '__proto__'), scalarOf(['web', '', null, 'db', '{i}', 7])), { maxLength: 3, selector: ([k]) => k }));
      case 'list':
        return fc.tuple(fc.array(shaped(s.of), { maxLength: 3 }), fc.nat(50)).map(([items, line]) => ({ kind: 'seq', items, src: at(line) }) as PValue);
      case 'object': {
        const fields = Object.entries(s.fields).map(([k, f]) => fc.option(fc.tuple(fc.constant(k), shaped(f.s)), { freq: 3 }));
        return mapOf(fc.tuple(fc.tuple(...fields), fc.option(fc.tuple(fc.constantFrom('x', 'extra'), scalar), { freq: 2 })).map(([fs, extra]) => {
          const es = fs.filter((e): e is [string, PValue] => e !== null);
          return extra === null ? es : [...es, extra];
        }));
      }
      default:
        return scalar;
    }
  })();
  return fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: nasty });
}

/** Records as JSON with key order kept (and `src` objects, which are compared by value). */
const text = (v: unknown): string => JSON.stringify(v);

describe('quickRead against validateClean on a lenient (manifest) context', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: the same record whenever the validator reports nothing, and no quick answer when it reports (seeded, 3000 trees)`, () => {
      let quick = 0;
      let refused = 0;
      fc.assert(
        fc.property(shaped(schema), (v) => {
          const loader = new Loader();
          const ref = validateClean(schema, v, 'doc', loader.manifestCtx);
          const q = quickRead(schema, v);
          if (loader.sink.items.length > 0) {
            refused++;
            expect(q).toBe(NOT_QUICK);
          }
          if (q === NOT_QUICK) return;
          quick++;
          expect(loader.sink.items).toEqual([]);
          expect(text(q)).toBe(text(ref));
          expect(q).toStrictEqual(ref);
        }),
        { seed: 1515, numRuns: 3000 },
      );
      expect(quick).toBeGreaterThan(100);
      expect(refused).toBeGreaterThan(100);
    });
  }

  it('an unlocated schema on a lenient context reads through the quick path what it decides, the rest through the full one', () => {
    const unlocated = (schema: Schema): Schema => ({ ...(schema as Schema & { t: 'object' }), unlocated: true });
    for (const [name, schema] of Object.entries(schemas)) {
      let provenanceFree = 0;
      fc.assert(
        fc.property(shaped(schema), (v) => {
          const full = new Loader();
          const fast = new Loader();
          const want = validateClean(schema, v, 'doc', full.manifestCtx);
          const got = validateClean(unlocated(schema), v, 'doc', fast.manifestCtx);
          expect(text(got), name).toBe(text(want));
          expect(fast.sink.items).toEqual(full.sink.items);
          // Decided by the quick path: no provenance bookkeeping (a manifest's records are located by the manifest).
          if (got !== undefined && quickRead(schema, v) !== NOT_QUICK) {
            provenanceFree++;
            expect(fast.prov.get(got as object)).toBeUndefined();
            expect(full.prov.get(want as object)).toBeDefined();
          }
        }),
        { seed: 1516, numRuns: 1000 },
      );
      expect(provenanceFree).toBeGreaterThan(50);
    }
  });

  it('reports through the full path what the quick path cannot decide, and a strict context always takes the full path', () => {
    const meta = { ...(schemas['meta'] as Schema & { t: 'object' }), unlocated: true };
    const loader = new Loader();
    const v: PValue = { kind: 'map', entries: [{ key: 'name', keySrc: src, value: { kind: 'scalar', value: 'p-{i}', src: at(1) } }], src };
    expect(validateClean(meta, v, 'metadata', loader.manifestCtx)).toBeUndefined();
    expect(loader.sink.items.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`)).toEqual([
      '4:5 metadata.name: placeholder {i} is only valid inside a generator (nodes: {count, ...} or tenantSets)',
    ]);
    const strict = new Loader();
    const extra: PValue = { kind: 'map', entries: [{ key: 'name', keySrc: src, value: { kind: 'scalar', value: 'p', src: at(1) } }, { key: 'nmae', keySrc: at(2), value: { kind: 'scalar', value: 'q', src: at(2) } }], src };
    expect(validateClean(meta, extra, 'metadata', strict.ctx)).toBeUndefined();
    expect(strict.sink.items.map((d) => `${d.path}: ${d.message}`)).toEqual(['metadata.nmae: unknown field `nmae` (did you mean `name`?)']);
  });
});

function hasSrc(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasSrc);
  return typeof v === 'object' && v !== null && ('src' in v || Object.values(v).some(hasSrc));
}

describe('quickReadJson: quickRead over a document read as JSON', () => {
  const innerPlain = obj((inner as Schema & { t: 'object' }).fields, { noSrc: true });
  const nestedPlain = obj({ ...(schemas['nested'] as Schema & { t: 'object' }).fields, spec: sub(innerPlain) }, { noSrc: true });
  const all: Record<string, Schema> = { ...schemas, nestedPlain, located: inner };
  for (const [name, schema] of Object.entries(all)) {
    it(`${name}: quickRead's answer on toJson of the tree, NOT_QUICK where a record keeps its \`src\` (seeded, 2000 trees)`, () => {
      let quick = 0;
      fc.assert(
        fc.property(shaped(schema), (v) => {
          const q = quickRead(schema, v);
          const j = quickReadJson(schema, toJson(v));
          // A record keeping its `src` (a schema without noSrc) is not JSON's to give.
          if (hasSrc(q)) {
            expect(j).toBe(NOT_QUICK);
            return;
          }
          if (q !== NOT_QUICK) quick++;
          expect(text(j)).toBe(text(q));
          expect(j).toStrictEqual(q);
        }),
        { seed: 1517, numRuns: 2000 },
      );
      expect(quick).toBeGreaterThan(name === 'located' || name === 'nested' ? -1 : 100);
    });
  }

  it('validateDocClean takes the JSON where its quick path answers and reads the tree only where it does not', () => {
    const meta = { ...(schemas['meta'] as Schema & { t: 'object' }), unlocated: true };
    fc.assert(
      fc.property(shaped(meta), (v) => {
        let reads = 0;
        const doc = { json: toJson(v), get node(): PValue { reads++; return v; } };
        const full = new Loader();
        const fast = new Loader();
        const want = validateClean(meta, v, 'doc', full.manifestCtx);
        expect(text(validateDocClean(meta, doc, 'doc', fast.manifestCtx))).toBe(text(want));
        expect(fast.sink.items).toEqual(full.sink.items);
        expect(reads).toBe(quickRead(meta, v) === NOT_QUICK ? 1 : 0);
      }),
      { seed: 1518, numRuns: 1000 },
    );
  });
});
