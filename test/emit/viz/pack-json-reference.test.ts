// The packer's fast column paths (arrays of finite numbers grouped by content; interning given up once more
// than half the cells are distinct) give the wire form of the plain packer they replaced, kept here as the
// reference: every column packed, stringified cell by cell, then interned or not; and the text written
// directly is the JSON text of the object-building packer it replaced (pack-json-objects.ts), on any JSON
// value, tables with absent cells and the default scenario's viz data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVizData } from '../../../src/emit/viz/build-viz-data.js';
import { ColumnTable, packJsonText, TABLE_KEY, type Json } from '../../../src/emit/viz/pack-json.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { packObjects, type Packed } from './pack-json-objects.js';

/** The packer as it was before the fast paths. */
function packReference(value: Json): Packed {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const values: Json[] = [];
  const valueIndex = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) stringIndex.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const val = (v: Json, key: string): number => {
    let i = valueIndex.get(key);
    if (i === undefined) valueIndex.set(key, (i = values.push(v) - 1));
    return i;
  };
  const keysOf = (rows: readonly Json[]): string[] | undefined => {
    if (rows.length < 2) return undefined;
    let keys: string[] | undefined;
    for (const r of rows) {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) return undefined;
      const ks = Object.keys(r);
      if (keys === undefined) keys = ks;
      else if (ks.length !== keys.length || ks.some((k, i) => k !== keys![i])) return undefined;
    }
    return keys;
  };
  const pack = (v: Json): Json => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const rows = v as readonly Json[];
      const keys = keysOf(rows);
      return keys === undefined ? rows.map(pack) : { [TABLE_KEY]: keys, n: rows.length, c: keys.map((k) => column(rows.map((row) => (row as Record<string, Json>)[k]!))) };
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pack(x)]));
  };
  const column = (cells: readonly Json[]): Json => {
    if (cells.every((x) => typeof x === 'string')) return { s: cells.map((x) => str(x as string)) };
    if (cells.every((x) => typeof x === 'boolean')) return { b: cells.map((x) => (x ? 1 : 0)) };
    const ints = cells as number[];
    if (cells.every(Number.isSafeInteger) && ints.every((x, i) => i === 0 || Number.isSafeInteger(x - ints[i - 1]!))) return { i: ints.map((x, i) => (i === 0 ? x : x - ints[i - 1]!)) };
    const packed = cells.map(pack);
    const keys = packed.map((x) => JSON.stringify(x));
    const distinct = new Set(keys).size;
    return distinct * 2 <= packed.length && packed.some((x) => x !== null && typeof x === 'object') ? { j: packed.map((x, k) => val(x, keys[k]!)) } : { v: packed };
  };
  const data = pack(value);
  return { strings, values, data };
}

/** Cells as the page's tables hold them: state histories, string lists, numbers that are not all integers, mixes. */
const cell = fc.oneof(
  // 0.5 and 0.5000001 share a hash: equal hashes are told apart by content.
  fc.array(fc.constantFrom(0, 1, 2, 5, 2002, -1, 0.5, 0.5000001, -0, 1e21), { maxLength: 4 }),
  fc.array(fc.constantFrom('a', 'b', '1'), { maxLength: 3 }),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('0', null, true)), { maxLength: 3 }),
  fc.constantFrom(0.5, 1, null, 'x'),
  fc.record({ p: fc.constantFrom('10.0.0.0/26', '10.0.0.64/26'), q: fc.integer({ min: 0, max: 2 }) }),
);
const table = fc.array(fc.record({ name: fc.constantFrom('a', 'b'), hist: fc.array(fc.constantFrom(0, 0.5, 0.5000001, 2), { maxLength: 2 }), states: cell, other: cell }), { minLength: 2, maxLength: 24 });

describe('packJson against the plain packer it replaced', () => {
  it('writes the same wire form for tables of state histories, lists and mixed cells', () => {
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), (tables) => {
        const doc = { tables, more: tables.flat() } as unknown as Json;
        expect(packJsonText(doc)).toBe(JSON.stringify(packReference(doc)));
      }),
      { numRuns: 400 },
    );
  });
});

describe('packJsonText against the object-building packer it replaced', () => {
    // The text, or the error both throw on a `$` key.
  const outcome = (f: () => string): string => {
    try {
      return f();
    } catch (e) {
      return `throws ${(e as Error).message}`;
    }
  };
  // The reference packs rows: a column table is handed to it as the row objects it stands for.
  const asRows = (v: Json): Json =>
    v === null || typeof v !== 'object' ? v : v instanceof ColumnTable ? v.rows() : Array.isArray(v) ? v.map(asRows) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asRows(x as Json)]));
  const same = (doc: Json): void => {
    expect(outcome(() => packJsonText(doc))).toBe(outcome(() => JSON.stringify(packObjects(asRows(doc)))));
  };

  it('writes its JSON text for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        same(v as Json);
      }),
      { seed: 15, numRuns: 400 },
    );
  });

  it('writes its JSON text for tables of histories, lists, mixed and absent cells', () => {
    const absent = fc.record({ a: fc.option(cell, { nil: undefined }), b: fc.option(fc.constantFrom('x', null), { nil: undefined }), c: cell }, { requiredKeys: ['a', 'b', 'c'] });
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), fc.array(absent, { minLength: 2, maxLength: 12 }), (tables, holes) => {
        same({ tables, more: tables.flat(), holes, nested: [holes, { holes }] } as unknown as Json);
      }),
      { seed: 15, numRuns: 400 },
    );
    // An absent cell and a null one are two values of the table (both written null).
    same([{ a: undefined }, { a: null }, { a: { p: 1 } }, { a: { p: 1 } }] as unknown as Json);
    same([{ a: undefined }, { a: undefined }, { a: { p: 1 } }, { a: { p: 1 } }, { a: null }] as unknown as Json);
  });

  it("writes its JSON text for the default scenario's viz data", () => {
    same(buildVizData(buildModel(loadScenario('scenarios/giantnetes.yaml'))) as unknown as Json);
  });
});
