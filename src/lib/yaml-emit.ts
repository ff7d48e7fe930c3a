// lib: a JSON-like value (plain objects, arrays, strings, finite numbers, booleans, null) → one YAML document,
// byte for byte what the `yaml` library's stringify(value, { lineWidth: 0 }) writes (YAML 1.2 core schema, block
// style, two-space indent, sequences indented under their key), without building its node tree; anything else
// (multi-line or control-character strings, shared objects that `yaml` would anchor, exotic values) goes to `yaml`.
import { stringify } from 'yaml';

/** The document `yaml`'s stringify(value, { lineWidth: 0, sortMapEntries: false }) gives, ending in a newline. */
export function emitYaml(value: unknown): string {
  return fastYaml(value) ?? stringify(value, { lineWidth: 0, sortMapEntries: false });
}

/** The fast path alone: the document, or undefined for a value it leaves to `yaml` (exported for its test). */
export function fastYaml(value: unknown): string | undefined {
  const seen = new Set<object>();
  try {
    if (isPlainObject(value)) return `${mapBody(value, '', seen) || '{}'}\n`;
    if (isPlainArray(value)) return `${value.length === 0 ? '[]' : seqBody(value, '', seen)}\n`;
    return undefined;
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

/** Thrown inside the walk when a value needs `yaml` itself. */
const UNSUPPORTED = new Error('value left to the yaml library');

/** An object literal, or one without a prototype (how the readers build objects from YAML maps). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isPlainArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;
}

/**
 * A collection seen twice in one document is written once with an anchor and then as an alias
 * (`aliasDuplicateObjects`, yaml's doc/createNode.js): left to `yaml`.
 */
function enter(v: object, seen: Set<object>): void {
  if (seen.has(v)) throw UNSUPPORTED;
  seen.add(v);
}

/** A map's pairs, the first without indentation, the others on lines starting with `indent`; '' when none. */
function mapBody(obj: Record<string, unknown>, indent: string, seen: Set<object>): string {
  enter(obj, seen);
  const inner = indent + '  ';
  let out = '';
  let first = true;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    // Undefined values are dropped (keepUndefined: false, nodes/YAMLMap.js).
    if (v === undefined) continue;
    const k = scalarText(key, true);
    // A key longer than 1024 characters is written as an explicit `? key` (stringify/stringifyPair.js).
    if (k.length > 1024) throw UNSUPPORTED;
    out += `${first ? '' : `\n${indent}`}${k}:${pairValue(v, inner, seen)}`;
    first = false;
  }
  return out;
}

/** What follows `key:`: ` scalar`, ` {}` / ` []`, or a nested block on the next lines at `inner`. */
function pairValue(v: unknown, inner: string, seen: Set<object>): string {
  if (isPlainObject(v)) {
    const body = mapBody(v, inner, seen);
    return body === '' ? ' {}' : `\n${inner}${body}`;
  }
  if (isPlainArray(v)) return v.length === 0 ? (enter(v, seen), ' []') : `\n${inner}${seqBody(v, inner, seen)}`;
  return ` ${scalar(v)}`;
}

/** A non-empty sequence's items (`- item`), the first without indentation, the others at `indent`. */
function seqBody(arr: readonly unknown[], indent: string, seen: Set<object>): string {
  enter(arr, seen);
  const inner = indent + '  ';
  let out = '';
  for (let i = 0; i < arr.length; i++) {
    // A hole or undefined item becomes a null node in `yaml`: left to it.
    if (!(i in arr)) throw UNSUPPORTED;
    out += `${i === 0 ? '' : `\n${indent}`}- ${itemText(arr[i], inner, seen)}`;
  }
  return out;
}

function itemText(v: unknown, inner: string, seen: Set<object>): string {
  if (isPlainObject(v)) return mapBody(v, inner, seen) || '{}';
  if (isPlainArray(v)) return v.length === 0 ? (enter(v, seen), '[]') : seqBody(v, inner, seen);
  return scalar(v);
}

/** null, booleans and numbers as stringify/stringifyNumber.js writes them; strings by scalarText. */
function scalar(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return scalarText(v, false);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v < 0 ? '-.inf' : '.inf';
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  throw UNSUPPORTED;
}

// The rules of stringify/stringifyString.js for a one-line string outside flow collections:
/** Characters forcing double quotes with escapes (control characters, lone surrogates): left to `yaml`. */
const ESCAPED = /[\n\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Text a plain scalar cannot hold: an indicator first, `- `, `: `, ` #`, a trailing space or colon... */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
/** Text a plain scalar would resolve to null, a boolean or a number under the core schema (schema/core/*.js). */
const CORE_SCALAR =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** A document marker at the start, which `yaml` quotes in a top-level key: left to it. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;

/** A string plain when it reads back as itself, else quoted: single quotes when it holds `"` and no `'`. */
function scalarText(s: string, isKey: boolean): string {
  if (ESCAPED.test(s) || (isKey && DOCUMENT_MARKER.test(s))) throw UNSUPPORTED;
  if (!NOT_PLAIN.test(s) && !CORE_SCALAR.test(s)) return s;
  return s.includes('"') && !s.includes("'") ? `'${s}'` : JSON.stringify(s);
}
