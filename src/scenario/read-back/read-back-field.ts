// scenario: one value of a manifest-set object read back (a MetalLB BGPPeer's ASN, flannel's VNI, an AS3 member's
// port or ratio) checked by the scenario's own schema for it, so a hand-edited bad value is an error
// naming the object's file, line and field, as the scenario reader gives.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { Ctx } from '../provenance.js';
import type { PValue } from '../read/positioned.js';
import { jsonAt } from './read-back-objects.js';
import type { Schema } from '../schema/schema.js';
import type { JsonValue, Manifest } from '../types.js';
import { validate } from '../schema/validate.js';

/** `v` as a positioned value at `src` (objects and lists as their JSON text: no schema of a read-back field takes them). */
function positioned(v: JsonValue, src: SourceRef): PValue {
  return { kind: 'scalar', value: v !== null && typeof v === 'object' ? JSON.stringify(v) : v, src };
}

/** JSON value `v`, found at `src` (`path` names it), read by schema `s`: undefined, after an error there, when it does not fit. */
export function readBackValue(s: Schema, v: JsonValue, src: SourceRef, path: string, ctx: Ctx): unknown {
  return validate(s, positioned(v, src), path, ctx);
}

/**
 * The value at `field` of `m` (a dotted path, or a list of keys for keys holding dots) read by schema `s`;
 * `fallback` when the field is absent; undefined (after an error at the field) when it does not fit.
 */
export function readBackField<T>(s: Schema, m: Manifest, field: string | readonly string[], fallback: T, ctx: Ctx): T | undefined {
  const v = jsonAt(m.body, field);
  if (v === undefined) return fallback;
  const path = typeof field === 'string' ? field : field.join('.');
  const r = validate(s, positioned(v, m.locate(path)), `${m.kind} ${m.name}: ${path}`, ctx);
  return r as T | undefined;
}

/** A value of a JSON document held in `field` of `m` (flannel's net-conf.json), read by `s` and reported at that field (as readBackField). */
export function readBackJsonValue<T>(s: Schema, body: JsonValue | undefined, key: string, m: Manifest, field: readonly string[], fallback: T, ctx: Ctx): T | undefined {
  const v = jsonAt(body, key);
  if (v === undefined) return fallback;
  const path = `${field.join('.')}: ${key}`;
  const r = validate(s, positioned(v, m.locate(field.join('.'))), `${m.kind} ${m.name}: ${path}`, ctx);
  return r as T | undefined;
}

/** The schema of field `name` of object schema `s` (a scenario record's field, for its read-back). */
export function fieldSchema(s: Schema, name: string): Schema {
  if (s.t !== 'object' || s.fields[name] === undefined) throw new Error(`no field ${name} in the schema`);
  return s.fields[name].s;
}
