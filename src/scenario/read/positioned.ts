// scenario: YAML values that remember where they were written (file, line, column) — the tree every
// scenario step reads, so any value can be reported at file:line:col — and conversions out of it.
import type { FieldPart, SourceRef } from '../../lib/diagnostics.js';
import { isToken } from '../../lib/quote-token.js';
import type { JsonValue, Locator } from '../types.js';

export interface PScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly src: SourceRef;
  /** The text as written, for plain (unquoted) scalars: `1.10` stays `1.10` although it reads as 1.1. */
  readonly raw?: string;
  /** True when placeholder substitution produced this string (it may then stand for a number). */
  readonly generated?: boolean;
}

export interface PEntry {
  readonly key: string;
  readonly keySrc: SourceRef;
  readonly value: PValue;
}

export interface PMap {
  readonly kind: 'map';
  readonly entries: readonly PEntry[];
  readonly src: SourceRef;
}

export interface PSeq {
  readonly kind: 'seq';
  readonly items: readonly PValue[];
  readonly src: SourceRef;
}

export type PValue = PScalar | PMap | PSeq;

export function isMap(v: PValue | undefined): v is PMap {
  return v !== undefined && v.kind === 'map';
}

export function isSeq(v: PValue | undefined): v is PSeq {
  return v !== undefined && v.kind === 'seq';
}

/** The entry of `key` in a map. */
export function entryOf(map: PMap, key: string): PEntry | undefined {
  for (const e of map.entries) if (e.key === key) return e;
  return undefined;
}

/** The value of `key` in a map (undefined when absent or when `map` is not a map). */
export function fieldOf(map: PValue | undefined, key: string): PValue | undefined {
  return map?.kind === 'map' ? entryOf(map, key)?.value : undefined;
}

/** The string value of `key` when it is a string scalar. */
export function stringOf(map: PValue | undefined, key: string): string | undefined {
  const v = fieldOf(map, key);
  return v !== undefined && v.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

/** Short description of a value for type errors: `a list`, `a map`, `the number 5`, `the string "x"`. */
export function describe(v: PValue): string {
  if (v.kind === 'map') return 'a map';
  if (v.kind === 'seq') return 'a list';
  if (v.value === null) return 'nothing (null)';
  if (typeof v.value === 'string') return isToken(v.value) ? `the string ${JSON.stringify(v.value)}` : `a string of ${v.value.length} characters`;
  return `the ${typeof v.value} ${String(v.value)}`;
}

/** The plain JSON value. */
export function toJson(v: PValue): JsonValue {
  if (v.kind === 'scalar') return v.value;
  if (v.kind === 'seq') return v.items.map(toJson);
  // Without a prototype, a key such as `constructor` or `toString` is only ever the input's own value.
  const out = Object.create(null) as { [k: string]: JsonValue };
  for (const e of v.entries) out[e.key] = toJson(e.value);
  return out;
}

/** Appends a key or index to a field path: `a.b`, `a[0]`, `labels["app.kubernetes.io/name"]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (isPathName(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** True for a key written bare in a path (`/^[A-Za-z_$][\w$-]*$/`), tested without a regular expression. */
function isPathName(key: string): boolean {
  if (key.length === 0 || !isNameChar(key.charCodeAt(0), false)) return false;
  for (let i = 1; i < key.length; i++) if (!isNameChar(key.charCodeAt(i), true)) return false;
  return true;
}

function isNameChar(c: number, inside: boolean): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) return true;
  return inside && ((c >= 48 && c <= 57) || c === 45);
}

/** Splits `spec.ingress[0].ports[1]` or `labels["a.b/c"]` into keys and indices. */
export function splitPath(path: string): (string | number)[] {
  return path.includes('"') ? splitQuotedPath(path) : splitPlainPath(path);
}

/**
 * splitQuotedPath's answer for a path without a `"` (no quoted key can match then), by one scan of character codes:
 * the policy readers locate every rule they read (B1: 2,000 policies), and the regular expression was most of it.
 * Runs of characters other than `.[]` are keys, `[digits]` an index, and any other character is skipped.
 */
function splitPlainPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const n = path.length;
  let i = 0;
  while (i < n) {
    const c = path.charCodeAt(i);
    if (c !== DOT && c !== LBRACKET && c !== RBRACKET) {
      const start = i;
      while (i < n && !isPathBreak(path.charCodeAt(i))) i++;
      out.push(path.slice(start, i));
      continue;
    }
    let j = i + 1;
    if (c === LBRACKET) while (j < n && path.charCodeAt(j) >= 48 && path.charCodeAt(j) <= 57) j++;
    if (c === LBRACKET && j > i + 1 && path.charCodeAt(j) === RBRACKET) {
      out.push(Number(path.slice(i + 1, j)));
      i = j + 1;
    } else i++;
  }
  return out;
}

const DOT = 46;
const LBRACKET = 91;
const RBRACKET = 93;

function isPathBreak(c: number): boolean {
  return c === DOT || c === LBRACKET || c === RBRACKET;
}

/** A path's keys and indices, quoted keys (`["a.b/c"]`) included, by the regular expression (splitPath's
 *  reference for unquoted paths, in its property test). */
export function splitQuotedPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(`"${m[3] ?? ''}"`) as string);
  }
  return out;
}

/** A Locator over a tree: the position of a field path, or of its nearest existing ancestor.
 *  A dotted key that holds dots itself (`metadata.labels.app.kubernetes.io/name`) is found too. */
export function locatorOf(root: PValue): Locator {
  return (path, part) => locateIn(root, path, part);
}

/** The position of a field path in a tree (its value's, or its key's for `part` 'key'), or of its nearest existing
 *  ancestor (see locatorOf). */
export function locateIn(root: PValue, path: string, part: FieldPart = 'value'): SourceRef {
  const parts = splitPath(path);
  let node: PValue = root;
  let src = root.src;
  for (let i = 0; i < parts.length; i++) {
    const step = parts[i] as string | number;
    let next: PValue | undefined;
    if (typeof step === 'number') {
      next = node.kind === 'seq' ? node.items[step] : undefined;
    } else if (node.kind === 'map') {
      let key = step;
      let e = entryOf(node, key);
      for (let j = i + 1; e === undefined && j < parts.length && typeof parts[j] === 'string'; j++) {
        key = `${key}.${parts[j] as string}`;
        e = entryOf(node, key);
        if (e !== undefined) i = j;
      }
      if (e !== undefined) src = e.keySrc;
      if (e !== undefined && part === 'key' && i === parts.length - 1) return src;
      next = e?.value;
    }
    if (next === undefined) return src;
    node = next;
    src = node.src;
  }
  return src;
}
