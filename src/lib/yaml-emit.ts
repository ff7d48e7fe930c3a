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
  const w = new Writer();
  try {
    if (isPlainObject(value)) {
      if (hasPair(value)) w.map(value, 0);
      else w.empty(value, '{}');
    } else if (isPlainArray(value)) {
      if (value.length > 0) w.seq(value, 0);
      else w.empty(value, '[]');
    } else return undefined;
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
  w.parts.push('\n');
  return w.parts.join('');
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

/** Some key has a value: undefined values are dropped (keepUndefined: false, nodes/YAMLMap.js). */
function hasPair(obj: Record<string, unknown>): boolean {
  for (const key in obj) if (hasOwn(obj, key) && obj[key] !== undefined) return true;
  return false;
}

/** Own keys in the order of Object.keys, as `yaml` reads them (nodes/YAMLMap.js), not inherited ones. */
const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** Collections of a document remembered in a list before a set takes over. */
const SCANNED = 32;

/** A newline and the indentation of `depth` (two spaces a level), made once per depth. */
const NEWLINES: string[] = [];
function newline(depth: number): string {
  for (let d = NEWLINES.length; d <= depth; d++) NEWLINES.push(`\n${'  '.repeat(d)}`);
  return NEWLINES[depth]!;
}

/**
 * The document's text as pieces joined once at the end (most pieces are the value's own strings, so little
 * is allocated). A collection starts where the caller left the text (after `key:` and a newline with its
 * indentation, or after `- `); its later lines are indented to its depth.
 */
class Writer {
  readonly parts: string[] = [];
  /**
   * A collection seen twice in one document is written once with an anchor and then as an alias
   * (`aliasDuplicateObjects`, yaml's doc/createNode.js): left to `yaml`.
   */
  private readonly seen: object[] = [];
  /** `seen` as a set once the document has many collections (a scan of a short list is cheaper than hashing). */
  private seenSet: Set<object> | undefined;

  private enter(v: object): void {
    const seen = this.seen;
    if (this.seenSet !== undefined) {
      if (this.seenSet.has(v)) throw UNSUPPORTED;
      this.seenSet.add(v);
      return;
    }
    for (let i = 0; i < seen.length; i++) if (seen[i] === v) throw UNSUPPORTED;
    seen.push(v);
    if (seen.length > SCANNED) this.seenSet = new Set(seen);
  }

  empty(v: object, text: string): void {
    this.enter(v);
    this.parts.push(text);
  }

  /** A map with at least one pair. */
  map(obj: Record<string, unknown>, depth: number): void {
    this.enter(obj);
    const parts = this.parts;
    let first = true;
    for (const key in obj) {
      const v = obj[key];
      if (v === undefined || !hasOwn(obj, key)) continue;
      const k = scalarText(key, true);
      // A key longer than 1024 characters is written as an explicit `? key` (stringify/stringifyPair.js).
      if (k.length > 1024) throw UNSUPPORTED;
      if (!first) parts.push(newline(depth));
      first = false;
      // What follows `key:`: ` scalar`, ` {}` / ` []`, or a nested block on the next lines, a level deeper.
      if (isPlainObject(v)) {
        if (!hasPair(v)) {
          parts.push(k, ':');
          this.empty(v, ' {}');
        } else {
          parts.push(k, ':', newline(depth + 1));
          this.map(v, depth + 1);
        }
      } else if (isPlainArray(v)) {
        if (v.length === 0) {
          parts.push(k, ':');
          this.empty(v, ' []');
        } else {
          parts.push(k, ':', newline(depth + 1));
          this.seq(v, depth + 1);
        }
      } else parts.push(k, ': ', scalar(v));
    }
  }

  /** A non-empty sequence: `- item` lines, an item's own lines a level deeper. */
  seq(arr: readonly unknown[], depth: number): void {
    this.enter(arr);
    const parts = this.parts;
    for (let i = 0; i < arr.length; i++) {
      // A hole or undefined item becomes a null node in `yaml`: left to it.
      const v = arr[i];
      if (v === undefined) throw UNSUPPORTED;
      if (i > 0) parts.push(newline(depth));
      parts.push('- ');
      if (isPlainObject(v)) {
        if (hasPair(v)) this.map(v, depth + 1);
        else this.empty(v, '{}');
      } else if (isPlainArray(v)) {
        if (v.length > 0) this.seq(v, depth + 1);
        else this.empty(v, '[]');
      } else parts.push(scalar(v));
    }
  }
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

/** Most names, labels and images: a letter, then letters, digits and `_./-`; plain unless a core keyword. */
const NAME_LIKE = /^[A-Za-z][\w./-]*$/;
const KEYWORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** A string plain when it reads back as itself, else quoted: single quotes when it holds `"` and no `'`. */
function scalarText(s: string, isKey: boolean): string {
  if (NAME_LIKE.test(s) && !KEYWORDS.has(s)) return s;
  if (ESCAPED.test(s) || (isKey && DOCUMENT_MARKER.test(s))) throw UNSUPPORTED;
  if (!NOT_PLAIN.test(s) && !CORE_SCALAR.test(s)) return s;
  return s.includes('"') && !s.includes("'") ? `'${s}'` : JSON.stringify(s);
}
