// scenario: the pieces of one line of YAML the direct reader (block-yaml-reader.ts, flow-line-reader.ts) shares —
// quoted scalars (where they end, their value as yaml/dist/compose/resolve-flow-scalar.js gives it), the start
// of a plain scalar, and map keys (duplicates, merge and `__proto__` keys) — throwing DECLINED outside its subset.
import type { SourceRef } from '../../../lib/diagnostics.js';
import { DECLINED } from './declined.js';
import type { PEntry } from '../positioned.js';
import type { PlainScalars } from './plain-scalars.js';

const SQ = 39;
const DQ = 34;
const BACKSLASH = 92;
const SPACE = 32;
/** `yaml` refuses an implicit key whose `:` is over 1024 characters from its start (YAML 1.2 §7.4.2). */
const MAX_KEY_CHARS = 1000;
/** Entries a map's duplicate-key test scans one by one before it keeps a Set of them. */
const LINEAR_KEYS = 16;
/** Characters that cannot start a plain scalar (YAML 1.2 §7.3.3 c-indicator), or that the reader leaves alone. */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`?:'].map((c) => c.charCodeAt(0)));
/** The `yaml` library's double-quoted escapes of one character (resolve-flow-scalar.js escapeCodes). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/** True when `c` opens a quoted scalar. */
export function isQuote(c: number): boolean {
  return c === SQ || c === DQ;
}

/** The index past the closing quote of the scalar quoted at `p`, which must close before `end` (one line). */
export function quotedEnd(text: string, p: number, end: number): number {
  const q = text.charCodeAt(p);
  for (let i = p + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (q === DQ) {
      if (c === BACKSLASH) i++;
      else if (c === DQ) return i + 1;
    } else if (c === SQ) {
      if (text.charCodeAt(i + 1) !== SQ) return i + 1;
      i++;
    }
  }
  throw DECLINED;
}

/** The value of the one-line quoted scalar `text[p, e)` (quotes included). */
export function quotedValue(text: string, p: number, e: number): string {
  const body = text.slice(p + 1, e - 1);
  if (text.charCodeAt(p) === SQ) return body.includes("''") ? body.replaceAll("''", "'") : body;
  return body.includes('\\') ? unescape(body) : body;
}

function unescape(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    const one = ESCAPES[next];
    const length = HEX_LENGTH[next];
    if (one !== undefined) out += one;
    else if (length !== undefined) {
      const hex = body.substr(i + 1, length);
      const code = hex.length === length && HEX.test(hex) ? parseInt(hex, 16) : -1;
      if (code < 0 || code > 0x10ffff) throw DECLINED;
      out += String.fromCodePoint(code);
      i += length;
    } else throw DECLINED;
  }
  return out;
}

/** Declines where a plain scalar cannot start at `p` or the reader leaves it alone (`- x`, `---`, `...`). */
export function checkPlainStart(text: string, p: number, end: number): void {
  const c = text.charCodeAt(p);
  if (NOT_PLAIN_START.has(c) || p >= end) throw DECLINED;
  const next = p + 1 < end ? text.charCodeAt(p + 1) : SPACE;
  if (c === 45 && (next === SPACE || NOT_PLAIN_START.has(next))) throw DECLINED;
  if ((c === 45 || c === 46) && (text.startsWith('---', p) || text.startsWith('...', p))) throw DECLINED;
}

/** A key's text: its core-schema value printed (`1.0` → "1", `~` → ""), or a quoted key's value. */
export function keyText(text: string, p: number, e: number, quoted: boolean, plains: PlainScalars): string {
  if (e - p > MAX_KEY_CHARS) throw DECLINED;
  if (quoted) return quotedValue(text, p, e);
  plains.read(text, p, e);
  const v = plains.value;
  return typeof v === 'string' ? v : v === null ? '' : String(v);
}

/**
 * Declines a key the `yaml` path treats apart: one already among `entries` from index `from` (its uniqueKeys error;
 * keys that only print alike, `1` and "1", are left to it too), the merge key `<<`, and `__proto__`. Returns the
 * Set of keys kept once a map is large.
 */
export function checkKey(entries: readonly PEntry[], from: number, key: string, seen: Set<string> | undefined): Set<string> | undefined {
  if (key === '<<' || key === '__proto__') throw DECLINED;
  if (seen !== undefined) {
    if (seen.has(key)) throw DECLINED;
    seen.add(key);
    return seen;
  }
  for (let i = from; i < entries.length; i++) if ((entries[i] as PEntry).key === key) throw DECLINED;
  if (entries.length - from < LINEAR_KEYS) return undefined;
  const keys = new Set<string>([key]);
  for (let i = from; i < entries.length; i++) keys.add((entries[i] as PEntry).key);
  return keys;
}

/** A source position factory over the line being read. */
export interface LineSource {
  srcAt(p: number): SourceRef;
}
