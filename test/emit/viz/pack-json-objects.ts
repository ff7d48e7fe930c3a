// Test reference: the packer that built the wire form as objects (then JSON.stringify), before
// pack-json.ts wrote its text directly; kept verbatim but for its exports.
import { TABLE_KEY, type Json } from '../../../src/emit/viz/pack-json.js';

type Column = { readonly s: number[] } | { readonly i: number[] } | { readonly b: number[] } | { readonly j: number[] } | { readonly v: Json[] };

/** The wire form: the packed value with its string and value tables. */
export interface Packed {
  readonly strings: string[];
  readonly values: Json[];
  readonly data: Json;
}

/** Packs a JSON value; throws on an object key starting with `$` (the wire form's own marker). */
export function packObjects(value: Json): Packed {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const values: Json[] = [];
  const valueIndex = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const val = (v: Json, key: string): number => {
    let i = valueIndex.get(key);
    if (i === undefined) {
      i = values.length;
      values.push(v);
      valueIndex.set(key, i);
    }
    return i;
  };
  const pack = (v: Json): Json => {
    if (v === null || typeof v !== 'object') return v;
    if (isArray(v)) {
      const keys = tableKeys(v);
      return keys === undefined ? v.map(pack) : { [TABLE_KEY]: keys, n: v.length, c: keys.map((k) => column(v.map((row) => (row as Record<string, Json>)[k]!))) };
    }
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('$')) throw new Error(`packJson: key ${k} starts with $`);
      out[k] = pack(x);
    }
    return out;
  };
  const column = (cells: readonly Json[]): Json => {
    let c: Column;
    if (cells.every((x) => typeof x === 'string')) c = { s: cells.map((x) => str(x as string)) };
    else if (cells.every((x) => typeof x === 'boolean')) c = { b: cells.map((x) => (x ? 1 : 0)) };
    else if (cells.every(Number.isSafeInteger) && deltasSafe(cells as number[])) c = { i: deltas(cells as number[]) };
    else c = numberArrays(cells) ?? objects(cells.map(pack));
    return c as Json;
  };
  /** Packed cells: interned (`j`) when at most half of them are distinct and some is an array or object. */
  const objects = (packed: Json[]): Column => {
    if (!packed.some((x) => x !== null && typeof x === 'object')) return { v: packed };
    // Each value's text is both its identity and its key in the value table: stringified once, and no
    // further once more than half are distinct.
    const keys: string[] = [];
    const distinct = new Set<string>();
    for (const x of packed) {
      const key = JSON.stringify(x);
      keys.push(key);
      distinct.add(key);
      if (distinct.size * 2 > packed.length) return { v: packed };
    }
    return { j: packed.map((x, k) => val(x, keys[k]!)) };
  };
  /**
   * A column of arrays of finite numbers (state histories): grouped by content (equal elements, equal JSON
   * text), each group stringified once, as objects() codes them; undefined for any other column.
   */
  const numberArrays = (cells: readonly Json[]): Column | undefined => {
    const groups = groupNumberArrays(cells);
    if (!groups) return undefined;
    if (groups.count * 2 > cells.length) return { v: cells.slice() };
    const index = new Array<number>(groups.count).fill(-1);
    return {
      j: cells.map((x, k) => {
        const g = groups.of[k]!;
        if (index[g]! < 0) index[g] = val(x, JSON.stringify(x));
        return index[g]!;
      }),
    };
  };
  const data = pack(value);
  return { strings, values, data };
}

function isArray(v: Json): v is readonly Json[] {
  return Array.isArray(v);
}

/** The shared key list of a non-empty array of plain objects (no `$` keys), or undefined. */
function tableKeys(rows: readonly Json[]): string[] | undefined {
  if (rows.length < 2) return undefined;
  let keys: string[] | undefined;
  for (const r of rows) {
    if (r === null || typeof r !== 'object' || isArray(r)) return undefined;
    const ks = Object.keys(r);
    if (keys === undefined) keys = ks;
    else if (ks.length !== keys.length || ks.some((k, i) => k !== keys![i])) return undefined;
  }
  const marked = keys?.find((k) => k.startsWith('$'));
  if (marked !== undefined) throw new Error(`packJson: key ${marked} starts with $`);
  return keys;
}

/** Each cell's group of equal arrays (numbered in order of first appearance), or undefined unless every cell is an array of finite numbers. */
function groupNumberArrays(cells: readonly Json[]): { readonly of: Int32Array; readonly count: number } | undefined {
  const of = new Int32Array(cells.length);
  const reps: (readonly number[])[] = [];
  const buckets = new Map<number, number[]>();
  for (let k = 0; k < cells.length; k++) {
    const x = cells[k]!;
    if (!isArray(x)) return undefined;
    let h = x.length;
    for (const e of x) {
      if (typeof e !== 'number' || !Number.isFinite(e)) return undefined;
      h = Math.imul(h ^ (e | 0) ^ Math.round((e % 1) * 1e6), 0x01000193);
    }
    const nums = x as readonly number[];
    let bucket = buckets.get(h);
    if (!bucket) buckets.set(h, (bucket = []));
    let g = bucket.find((i) => sameNumbers(reps[i]!, nums));
    if (g === undefined) {
      g = reps.push(nums) - 1;
      bucket.push(g);
    }
    of[k] = g;
  }
  return { of, count: reps.length };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function deltas(xs: readonly number[]): number[] {
  return xs.map((x, i) => (i === 0 ? x : x - xs[i - 1]!));
}

function deltasSafe(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || Number.isSafeInteger(x - xs[i - 1]!));
}
