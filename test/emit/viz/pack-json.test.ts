// The page's wire form: packing then unpacking (the page's own decoder) gives back the same JSON text for
// any JSON value, tables of objects included, and for the default scenario's viz data, which it shrinks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVizData } from '../../../src/emit/viz/build-viz-data.js';
import { ColumnTable, packJsonText, type Json } from '../../../src/emit/viz/pack-json.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { unpackJson } from '../../../viz/page/unpack-json.js';

const noDollarKeys = (v: unknown): boolean =>
  v === null || typeof v !== 'object' ? true : Array.isArray(v) ? v.every(noDollarKeys) : Object.entries(v).every(([k, x]) => !k.startsWith('$') && noDollarKeys(x));

/** A JSON round trip of the wire form, as the HTML carries it. */
const roundTrip = (v: Json): string => JSON.stringify(unpackJson(JSON.parse(packJsonText(v)) as Parameters<typeof unpackJson>[0]));

/** Arrays of records sharing keys (the tables the packer looks for), with strings, integers, booleans, nulls and nested values. */
const row = fc.record({
  a: fc.oneof(fc.string(), fc.integer()),
  b: fc.boolean(),
  c: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  d: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
  e: fc.constantFrom('x', 'y', 'z'),
});
const tables = fc.array(fc.oneof(row, fc.dictionary(fc.string().filter((k) => !k.startsWith('$')), fc.integer(), { maxKeys: 2 })), { maxLength: 12 });

describe('packJsonText', () => {
  it('round-trips any JSON value through the page decoder to the same JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter(noDollarKeys), (v) => {
        expect(roundTrip(v as Json)).toBe(JSON.stringify(v));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('round-trips arrays of records, nested in arrays and objects', () => {
    fc.assert(
      fc.property(fc.array(tables, { maxLength: 3 }), (v) => {
        const doc = { rows: v, nested: { t: v.flat() } } as unknown as Json;
        expect(roundTrip(doc)).toBe(JSON.stringify(doc));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('codes columns by type: strings interned once, integers as deltas, booleans as 0/1, repeated arrays interned', () => {
    const rows = [0, 1, 2, 3].map((i) => ({ name: i % 2 ? 'a' : 'b', at: 100 + i, up: i > 1, states: [0, 5] }));
    const p = JSON.parse(packJsonText(rows)) as { strings: string[]; values: Json[]; data: Json };
    expect(p.strings).toEqual(['b', 'a']);
    expect(p.values).toEqual([[0, 5]]);
    expect(p.data).toEqual({ $t: ['name', 'at', 'up', 'states'], n: 4, c: [{ s: [0, 1, 0, 1] }, { i: [100, 1, 1, 1] }, { b: [0, 0, 1, 1] }, { j: [0, 0, 0, 0] }] });
  });

  it('packs a column table, and JSON.stringify writes it, exactly as the rows it stands for', () => {
    // Histories drawn from a few shapes so that some repeat (j columns) and some tables have mostly distinct ones (v).
    const history = fc.oneof(fc.constantFrom([0, 1], [0, 2, 2002, 5], [] as number[]), fc.array(fc.integer({ min: -1, max: 600_000 }), { maxLength: 6 }));
    const session = fc.record({ node: fc.integer({ min: -3, max: 40 }), peer: fc.integer({ min: -3, max: 40 }), kind: fc.constantFrom('mesh', 'reflector', 'peer'), states: history });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 12 }), fc.string(), (rows, before) => {
        // Equal histories share a group, numbered as first met (as the recorder groups them).
        const groups = new Map<string, number>();
        const arrays: number[][] = [];
        const group = Int32Array.from(rows, (r) => {
          const key = JSON.stringify(r.states);
          let g = groups.get(key);
          if (g === undefined) groups.set(key, (g = arrays.push([...r.states]) - 1));
          return g;
        });
        const table = new ColumnTable(['node', 'peer', 'kind', 'states'], rows.length, [rows.map((r) => r.node), rows.map((r) => r.peer), rows.map((r) => r.kind), { group, arrays }]);
        // A string before the table fills the string table first, as the page's data does.
        expect(packJsonText({ before, sessions: table })).toBe(packJsonText({ before, sessions: rows }));
        expect(JSON.stringify(table)).toBe(JSON.stringify(rows));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('refuses a key starting with $, the wire form marker', () => {
    expect(() => packJsonText({ $t: 1 })).toThrow(/\$t/);
    expect(() => packJsonText([{ $x: 1 }, { $x: 2 }])).toThrow(/\$x/);
  });

  it("round-trips the default scenario's viz data and shrinks it", () => {
    const data = buildVizData(buildModel(loadScenario('scenarios/giantnetes.yaml'))) as unknown as Json;
    const text = JSON.stringify(data);
    expect(roundTrip(data)).toBe(text);
    expect(packJsonText(data).length).toBeLessThan(text.length * 0.7);
  });
});
