// viz: the page's viz data from its compact wire form (src/emit/viz/pack-json.ts writes it) — tables back
// into arrays of objects, string indices back into strings, integer deltas back into values.
import type { VizData } from './viz-data.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The wire form as embedded in the page. */
export interface PackedViz {
  readonly strings: string[];
  readonly values: Json[];
  readonly data: Json;
}

/** Unpacks any packed JSON value. */
export function unpackJson(p: PackedViz): Json {
  const { strings } = p;
  const values = new Map<number, Json>();
  const value = (i: number): Json => {
    let v = values.get(i);
    if (v === undefined) {
      v = unpack(p.values[i]!);
      values.set(i, v);
    }
    return v;
  };
  const column = (c: Record<string, Json[]>): Json[] => {
    if (c['s']) return (c['s'] as number[]).map((i) => strings[i]!);
    if (c['b']) return (c['b'] as number[]).map((x) => x === 1);
    if (c['j']) return (c['j'] as number[]).map(value);
    const deltas = c['i'] as number[] | undefined;
    if (!deltas) return (c['v'] as Json[]).map(unpack);
    let acc = 0;
    return deltas.map((d, k) => (acc = k === 0 ? d : acc + d));
  };
  function unpack(v: Json): Json {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(unpack);
    const keys = v['$t'] as string[] | undefined;
    if (keys) {
      const n = v['n'] as number;
      const cols = (v['c'] as Record<string, Json[]>[]).map(column);
      const rows: Json[] = new Array<Json>(n);
      for (let r = 0; r < n; r++) {
        const o: Record<string, Json> = {};
        for (let k = 0; k < keys.length; k++) o[keys[k]!] = cols[k]![r]!;
        rows[r] = o;
      }
      return rows;
    }
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v)) out[k] = unpack(v[k]!);
    return out;
  }
  return unpack(p.data);
}

/** The viz data of the page. */
export function unpackViz(p: PackedViz): VizData {
  return unpackJson(p) as unknown as VizData;
}
