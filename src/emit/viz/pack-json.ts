// emit/viz: a JSON value into the JSON text of its compact wire form for the page — every array of objects
// sharing one key list becomes columns (strings interned in one table, integers delta-coded, booleans as
// 0/1, repeated values such as state histories interned), so a 78k-session platform ships indices, not key
// names. Written straight into one string, column by column, with no packed value built in between.
// viz/page/unpack-json.ts inverts it exactly: JSON.stringify(unpack(JSON.parse(text))) === JSON.stringify(x).

/** A JSON value (what JSON.parse returns), or a table handed over as its columns. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json } | ColumnTable;

/**
 * A column whose cells are arrays of finite numbers given as groups of equal arrays: row r's cell is
 * `arrays[group[r]]`, and distinct groups hold distinct arrays (so the packer need not compare cells).
 */
export interface NumberArrayGroups {
  readonly group: Int32Array;
  readonly arrays: readonly (readonly number[])[];
}

/**
 * A table given as columns instead of row objects (a run's 78k session ends are never built as objects):
 * packs exactly as its rows would, and JSON.stringify writes its rows (toJSON).
 */
export class ColumnTable {
  constructor(
    readonly keys: readonly string[],
    readonly n: number,
    readonly columns: readonly (readonly Json[] | NumberArrayGroups)[],
  ) {}

  /** The cell of row r in column c. */
  cell(c: number, r: number): Json {
    const col = this.columns[c]!;
    return isGroups(col) ? col.arrays[col.group[r]!]! : col[r]!;
  }

  /** The row objects the table stands for. */
  rows(): { [k: string]: Json }[] {
    return Array.from({ length: this.n }, (_, r) => Object.fromEntries(this.keys.map((k, c) => [k, this.cell(c, r)])));
  }

  toJSON(): { [k: string]: Json }[] {
    return this.rows();
  }
}

function isGroups(col: readonly Json[] | NumberArrayGroups): col is NumberArrayGroups {
  return !Array.isArray(col);
}

/** Marks a table (an array of objects with one key list): `{ $t: keys, n: rows, c: columns }`. */
export const TABLE_KEY = '$t';

/**
 * The wire form's JSON text, `{"strings":[...],"values":[...],"data":...}`: a column is `{"s":[...]}` (string
 * table indices), `{"i":[...]}` (integer deltas), `{"b":[...]}` (0/1), `{"j":[...]}` (value table indices:
 * when at most half of the cells are distinct and some is an array or object) or `{"v":[...]}` (the packed
 * cells). Throws on an object key starting with `$` (the wire form's own marker).
 */
export function packJsonText(value: Json): string {
  const w = new PackWriter();
  const data = w.value(value);
  return `{"strings":${JSON.stringify(w.strings)},"values":[${w.values.join(',')}]${data === undefined ? '' : `,"data":${data}`}}`;
}

/** The text of a value that is absent (undefined) where JSON.stringify would skip it or write null. */
type Text = string | undefined;

/** Keys the value table by text; an absent cell (undefined) is its own entry, written as null. */
const ABSENT = '\u0000absent';

class PackWriter {
  readonly strings: string[] = [];
  /** The value table, each entry as its JSON text. */
  readonly values: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly valueIndex = new Map<string, number>();

  /** The packed text of `v` (undefined for undefined, as JSON.stringify gives). */
  value(v: Json | undefined): Text {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? String(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'object':
        return isArray(v) ? this.array(v) : v instanceof ColumnTable ? this.table(v) : this.object(v);
      default:
        return undefined;
    }
  }

  private array(v: readonly Json[]): string {
    const keys = tableKeys(v);
    if (keys === undefined) return `[${Array.from(v, (x) => this.value(x) ?? 'null').join(',')}]`;
    const columns = keys.map((k) => this.column(v as readonly Record<string, Json>[], k));
    return `{"${TABLE_KEY}":${JSON.stringify(keys)},"n":${v.length},"c":[${columns.join(',')}]}`;
  }

  /** A column table as its rows would pack: under two rows a plain array of objects, else its columns. */
  private table(t: ColumnTable): string {
    if (t.n < 2) return this.array(t.rows());
    const marked = t.keys.find((k) => k.startsWith('$'));
    if (marked !== undefined) throw new Error(`packJson: key ${marked} starts with $`);
    const columns = t.columns.map((col) => (isGroups(col) ? this.groupColumn(col) : this.cells(col)));
    return `{"${TABLE_KEY}":${JSON.stringify(t.keys)},"n":${t.n},"c":[${columns.join(',')}]}`;
  }

  private object(v: { readonly [k: string]: Json }): string {
    const parts: string[] = [];
    for (const k of Object.keys(v)) {
      if (k.startsWith('$')) throw new Error(`packJson: key ${k} starts with $`);
      const x = this.value(v[k]);
      if (x !== undefined) parts.push(`${JSON.stringify(k)}:${x}`);
    }
    return `{${parts.join(',')}}`;
  }

  /** Column `k` of a table's rows, coded by the first kind every cell fits: s, b, i, then j or v. */
  private column(rows: readonly Record<string, Json>[], k: string): string {
    // Arrays built by map, not new Array(n): JSON.stringify writes packed arrays on its fast path.
    return this.cells(rows.map((row) => row[k]!));
  }

  /** A column's cells coded by the first kind every cell fits: s, b, i, then j or v. */
  private cells(cells: readonly Json[]): string {
    const n = cells.length;
    if (every(cells, (x) => typeof x === 'string')) return `{"s":${JSON.stringify(cells.map((x) => this.str(x as string)))}}`;
    if (every(cells, (x) => typeof x === 'boolean')) return `{"b":${JSON.stringify(cells.map((x) => (x ? 1 : 0)))}}`;
    const ints = cells as number[];
    if (every(cells, Number.isSafeInteger) && every(cells, (x, r) => r === 0 || Number.isSafeInteger((x as number) - ints[r - 1]!))) {
      return `{"i":${JSON.stringify(ints.map((x, r) => (r === 0 ? x : x - ints[r - 1]!)))}}`;
    }
    const groups = groupNumberArrays(cells);
    if (groups) {
      // Arrays of finite numbers (state histories): each group's text written once, as its value's key.
      if (groups.count * 2 > n) return `{"v":${JSON.stringify(cells)}}`;
      const index = new Int32Array(groups.count).fill(-1);
      const codes = cells.map((x, r) => {
        const g = groups.of[r]!;
        if (index[g]! < 0) index[g] = this.val(JSON.stringify(x));
        return index[g]!;
      });
      return `{"j":${JSON.stringify(codes)}}`;
    }
    // Any other cells are packed first, each in turn, so the string table fills in cell order.
    const texts = cells.map((x) => this.value(x));
    if (cells.some((x) => x !== null && typeof x === 'object') && internable(texts)) return `{"j":${JSON.stringify(texts.map((t) => this.val(t)))}}`;
    return `{"v":[${texts.map((t) => t ?? 'null').join(',')}]}`;
  }

  /**
   * A column of number arrays given in groups, coded as `cells` codes the same arrays: `v` when more than
   * half of the rows hold distinct arrays, else `j` (each group's text interned at its first row).
   */
  private groupColumn({ group, arrays }: NumberArrayGroups): string {
    const n = group.length;
    const texts: (string | undefined)[] = new Array<string | undefined>(arrays.length);
    const text = (g: number): string => (texts[g] ??= JSON.stringify(arrays[g]));
    let count = 0;
    const seen = new Uint8Array(arrays.length);
    for (let r = 0; r < n; r++) {
      const g = group[r]!;
      if (seen[g] === 0) {
        seen[g] = 1;
        count++;
      }
    }
    if (count * 2 > n) return `{"v":[${Array.from(group, text).join(',')}]}`;
    const index = new Int32Array(arrays.length).fill(-1);
    const codes = Array.from(group, (g) => (index[g]! < 0 ? (index[g] = this.val(text(g))) : index[g]!));
    return `{"j":${JSON.stringify(codes)}}`;
  }

  private str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) this.stringIndex.set(s, (i = this.strings.push(s) - 1));
    return i;
  }

  private val(text: Text): number {
    const key = text ?? ABSENT;
    let i = this.valueIndex.get(key);
    if (i === undefined) this.valueIndex.set(key, (i = this.values.push(text ?? 'null') - 1));
    return i;
  }
}

function isArray(v: Json): v is readonly Json[] {
  return Array.isArray(v);
}

/** Whether `test` holds for every cell (stops at the first that fails). */
function every(cells: readonly Json[], test: (x: Json, r: number) => boolean): boolean {
  for (let r = 0; r < cells.length; r++) if (!test(cells[r]!, r)) return false;
  return true;
}

/** Whether at most half of the cells' texts are distinct (an absent cell is its own text). */
function internable(texts: readonly Text[]): boolean {
  const distinct = new Set<string>();
  for (const t of texts) {
    distinct.add(t ?? ABSENT);
    if (distinct.size * 2 > texts.length) return false;
  }
  return true;
}

/** The shared key list of a non-empty array of plain objects (no `$` keys), or undefined. */
function tableKeys(rows: readonly Json[]): string[] | undefined {
  if (rows.length < 2) return undefined;
  let keys: string[] | undefined;
  for (const r of rows) {
    if (r === null || typeof r !== 'object' || isArray(r) || r instanceof ColumnTable) return undefined;
    if (keys === undefined) keys = Object.keys(r);
    else if (!sameKeys(r, keys)) return undefined;
  }
  const marked = keys?.find((k) => k.startsWith('$'));
  if (marked !== undefined) throw new Error(`packJson: key ${marked} starts with $`);
  return keys;
}

/**
 * Whether Object.keys(r) equals `keys`: a plain object's own keys walked in place (for-in walks the same
 * keys in the same order when the prototype is Object.prototype, which has no enumerable key); any other
 * object is compared through Object.keys.
 */
function sameKeys(r: { readonly [k: string]: Json }, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(r) !== Object.prototype) {
    const ks = Object.keys(r);
    return ks.length === keys.length && ks.every((k, i) => k === keys[i]);
  }
  let i = 0;
  for (const k in r) if (k !== keys[i++]) return false;
  return i === keys.length;
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
    for (let i = 0; i < x.length; i++) {
      const e = x[i];
      if (typeof e !== 'number' || !Number.isFinite(e)) return undefined;
      h = Math.imul(h ^ (e | 0) ^ Math.round((e % 1) * 1e6), 0x01000193);
    }
    const nums = x as readonly number[];
    let bucket = buckets.get(h);
    if (!bucket) buckets.set(h, (bucket = []));
    let g: number | undefined;
    for (let b = 0; b < bucket.length && g === undefined; b++) if (sameNumbers(reps[bucket[b]!]!, nums)) g = bucket[b];
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
