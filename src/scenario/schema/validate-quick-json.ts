// scenario: the validator's fast path over a document read as JSON (block-json-reader.ts) — quickRead's answer for
// the tree the JSON stands for (toJson of it), so a clean manifest is read without its tree; NOT_QUICK wherever
// quickRead gives up, and the tree is then read and validated as before.
import { unresolvedPlaceholder } from '../read/placeholders.js';
import type { PValue } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import type { JsonValue } from '../types.js';
import { validateClean } from './validate.js';
import type { Field, Rec, Schema } from './schema.js';
import { NOT_QUICK, numberFits } from './validate-quick.js';

type JsonMap = { readonly [k: string]: JsonValue };

/** A map of the tree (a JSON object that is not an array). */
export function isJsonMap(v: JsonValue | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const EMPTY: JsonMap = Object.freeze(Object.create(null) as JsonMap);

/** quickRead(s, tree) for the tree whose toJson is `v`. Schemas with `src` (not noSrc) are NOT_QUICK: JSON has none. */
export function quickReadJson(s: Schema, v: JsonValue): unknown {
  switch (s.t) {
    case 'string': {
      if (typeof v !== 'string' || unresolvedPlaceholder(v) !== undefined) return NOT_QUICK;
      if (s.enum !== undefined && !s.enum.includes(v)) return NOT_QUICK;
      return s.check?.(v) === undefined ? v : NOT_QUICK;
    }
    case 'int':
    case 'number': {
      return typeof v === 'number' && numberFits(s, v) ? v : NOT_QUICK;
    }
    case 'bool':
      return typeof v === 'boolean' ? v : NOT_QUICK;
    case 'labels':
    case 'strings':
      return quickLabels(v);
    case 'list':
      return quickList(s.of, v);
    case 'object':
      return s.check === undefined && s.build === undefined && s.noSrc === true ? quickObject(s.fields, v) : NOT_QUICK;
    default:
      return NOT_QUICK;
  }
}

function quickLabels(v: JsonValue): Record<string, string> | typeof NOT_QUICK {
  if (!isJsonMap(v)) return NOT_QUICK;
  const out: Record<string, string> = {};
  for (const key in v) {
    const val = v[key] as JsonValue;
    if (val === null) {
      out[key] = '';
      continue;
    }
    if (typeof val !== 'string' || unresolvedPlaceholder(val) !== undefined) return NOT_QUICK;
    if (key !== '__proto__') out[key] = val;
  }
  return out;
}

function quickList(of: Schema, v: JsonValue): unknown[] | typeof NOT_QUICK {
  if (!Array.isArray(v)) return NOT_QUICK;
  const out: unknown[] = [];
  for (const item of v) {
    const r = quickReadJson(of, item);
    if (r === NOT_QUICK) return NOT_QUICK;
    out.push(r);
  }
  return out;
}

function quickObject(fields: Readonly<Record<string, Field>>, v: JsonValue): Rec | typeof NOT_QUICK {
  if (!isJsonMap(v)) return NOT_QUICK;
  const out: Rec = {};
  for (const name in fields) {
    const f = fields[name] as Field;
    const x = v[name];
    let value: unknown;
    if (x !== undefined && x !== null) {
      value = quickReadJson(f.s, x);
      if (value === NOT_QUICK) return NOT_QUICK;
    } else if (f.required === true) {
      return NOT_QUICK;
    } else if (f.empty === true) {
      value = quickReadJson(f.s, EMPTY);
      if (value === NOT_QUICK) return NOT_QUICK;
    } else {
      value = typeof f.def === 'function' ? (f.def as (o: Rec) => unknown)(out) : f.def;
    }
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** A document as its tree (read on first use when it stands behind `json`) and, when read JSON first, as JSON. */
export interface ObjectDoc {
  readonly node: PValue;
  readonly json?: JsonValue;
}

/**
 * validateClean(s, doc.node, path, ctx), taking its quick path on the JSON when there is one: the same record where
 * that path answers (validate.ts's readObject answers with quickRead then), so the tree is read only when it does not.
 */
export function validateDocClean(s: Schema, doc: ObjectDoc, path: string, ctx: Ctx): unknown {
  if (doc.json !== undefined && s.t === 'object' && s.unlocated === true && !ctx.strict) {
    const quick = quickReadJson(s, doc.json);
    if (quick !== NOT_QUICK) return quick;
  }
  return validateClean(s, doc.node, path, ctx);
}
