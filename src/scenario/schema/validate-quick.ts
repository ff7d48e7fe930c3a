// scenario: the validator's fast path (validate.ts takes it for `unlocated` object schemas on a lenient context) —
// a tree read against a schema without provenance or field paths, the common case of 10k clean Pods, giving up
// (NOT_QUICK) whenever anything in it could be a problem, which the full path then reads and reports.
import { unresolvedPlaceholder } from '../read/placeholders.js';
import { entryOf, type PMap, type PValue } from '../read/positioned.js';
import type { Field, Rec, Schema } from './schema.js';

/** The tree holds something the quick path does not decide: the validator reads it (and reports). */
export const NOT_QUICK: unique symbol = Symbol('not quick');

/** A number the int or number schema `s` takes as it is: finite, whole for an int, within its bounds. */
export function numberFits(s: Extract<Schema, { t: 'int' | 'number' }>, n: number): boolean {
  return Number.isFinite(n) && (s.t !== 'int' || Number.isInteger(n)) && n >= s.min && n <= s.max;
}

/**
 * What validateClean(s, v) returns on a manifest context (unknown fields let through) when it would report
 * nothing, or NOT_QUICK. Records carry no provenance: those of manifests are located by their Manifest
 * (manifestOrigin), never by their parts.
 */
export function quickRead(s: Schema, v: PValue): unknown {
  switch (s.t) {
    case 'string': {
      if (v.kind !== 'scalar' || typeof v.value !== 'string' || unresolvedPlaceholder(v.value) !== undefined) return NOT_QUICK;
      if (s.enum !== undefined && !s.enum.includes(v.value)) return NOT_QUICK;
      return s.check?.(v.value) === undefined ? v.value : NOT_QUICK;
    }
    case 'int':
    case 'number': {
      // Generated strings standing for numbers (`"{i}"`) are left to the validator.
      const n = v.kind === 'scalar' && typeof v.value === 'number' ? v.value : undefined;
      return n !== undefined && numberFits(s, n) ? n : NOT_QUICK;
    }
    case 'bool':
      return v.kind === 'scalar' && typeof v.value === 'boolean' ? v.value : NOT_QUICK;
    case 'labels':
    case 'strings':
      return quickLabels(v);
    case 'list':
      return quickList(s.of, v);
    case 'object':
      return s.check === undefined && s.build === undefined ? quickObject(s.fields, s.noSrc === true, v) : NOT_QUICK;
    default:
      return NOT_QUICK;
  }
}

/** A label map on a lenient context: string values, null read as ''; label syntax is not checked there. */
function quickLabels(v: PValue): Record<string, string> | typeof NOT_QUICK {
  if (v.kind !== 'map') return NOT_QUICK;
  const out: Record<string, string> = {};
  for (const e of v.entries) {
    const val = e.value;
    if (val.kind !== 'scalar') return NOT_QUICK;
    if (val.value === null) {
      out[e.key] = '';
      continue;
    }
    if (typeof val.value !== 'string' || unresolvedPlaceholder(val.value) !== undefined) return NOT_QUICK;
    if (e.key !== '__proto__') out[e.key] = val.value;
  }
  return out;
}

function quickList(of: Schema, v: PValue): unknown[] | typeof NOT_QUICK {
  if (v.kind !== 'seq') return NOT_QUICK;
  const out: unknown[] = [];
  for (const item of v.items) {
    const r = quickRead(of, item);
    if (r === NOT_QUICK) return NOT_QUICK;
    out.push(r);
  }
  return out;
}

/** Fields in the schema's order, as validate.ts's readObject/readField build them. */
function quickObject(fields: Readonly<Record<string, Field>>, noSrc: boolean, v: PValue): Rec | typeof NOT_QUICK {
  if (v.kind !== 'map') return NOT_QUICK;
  const out: Rec = {};
  for (const name in fields) {
    const f = fields[name] as Field;
    const e = entryOf(v, name);
    let value: unknown;
    if (e !== undefined && !(e.value.kind === 'scalar' && e.value.value === null)) {
      value = quickRead(f.s, e.value);
      if (value === NOT_QUICK) return NOT_QUICK;
    } else if (f.required === true) {
      return NOT_QUICK;
    } else if (f.empty === true) {
      value = quickRead(f.s, emptyMap(e?.keySrc ?? v.src));
      if (value === NOT_QUICK) return NOT_QUICK;
    } else {
      value = typeof f.def === 'function' ? (f.def as (o: Rec) => unknown)(out) : f.def;
    }
    if (value !== undefined) out[name] = value;
  }
  if (!noSrc) out.src = v.src;
  return out;
}

function emptyMap(src: PMap['src']): PMap {
  return { kind: 'map', entries: [], src };
}
