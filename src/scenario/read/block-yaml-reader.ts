// scenario: block YAML (what Kubernetes manifests and kubectl dumps are made of) → positioned trees in one pass over
// the text, with no event layer between: the `yaml` library path's exact trees, positions and raw text, or
// undefined for anything outside its subset, which read-yaml.ts then reads whole the older way.
import type { SourceRef } from '../../lib/diagnostics.js';
import { blockScalarBody, blockScalarValue } from './block-scalar.js';
import { Declined, DECLINED } from './declined.js';
import { FlowLineReader } from './flow-line-reader.js';
import { checkKey, checkPlainStart, isQuote, keyText, quotedEnd, quotedValue, type LineSource } from './line-scalars.js';
import type { PEntry, PValue } from './positioned.js';
import { PlainScalars } from './plain-scalars.js';

/** Deepest nesting read here: deeper input goes to the `yaml` path and its own limit (500 levels). */
const MAX_DEPTH = 400;
/** Tabs, a CR outside CRLF, BOM, control characters, Unicode line breaks: left to the `yaml` path. */
const UNCOVERED_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const LBRACKET = 91;
const LBRACE = 123;
const PIPE = 124;
const GT = 62;
const PLUS = 43;
/** What the current line is: content at `ind` columns, a `---` line, or past the text's end. */
const CONTENT = 0;
const MARKER = 1;
const END = 2;

/** The documents of `text` (empty ones skipped), or undefined when the older path must read it. */
export function readBlockYaml(text: string, file: string): PValue[] | undefined {
  if (UNCOVERED_CHARS.test(text) || hasLoneCr(text)) return undefined;
  try {
    return new BlockReader(text, file).documents();
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
}

/** A CR not followed by LF (the check is apart from UNCOVERED_CHARS: with it there the scan was twice as slow). */
function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

class BlockReader implements LineSource {
  private state = END;
  /** The current line: its start, end (its `\n` or the text's end), content end (before a CRLF's CR), number. */
  private ls = 0;
  private le = 0;
  private ce = 0;
  private lineNo = 0;
  /** The current line's indentation (-1 at a `---` line or the end, so every open collection ends there). */
  private ind = -1;
  private readonly plains = new PlainScalars();
  /**
   * The entries and items of the open collections, as stacks: each collection is copied out at its end into an
   * array of its own size (an array grown by push keeps room for 17, 150 bytes for a map of two entries).
   */
  private readonly entries: PEntry[] = [];
  private readonly items: PValue[] = [];
  private readonly flow: FlowLineReader;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.flow = new FlowLineReader(text, this, this.plains, MAX_DEPTH);
  }

  documents(): PValue[] {
    const out: PValue[] = [];
    this.seek(0, 1);
    while (this.state !== END) {
      if (this.state === MARKER) {
        this.next();
        continue;
      }
      // A document's top level starts at column 0 and is a block map or sequence; anything else goes to `yaml`.
      if (this.ind !== 0) throw DECLINED;
      out.push(this.block(0, this.ls, 0));
      if (this.state === CONTENT) throw DECLINED;
    }
    return out;
  }

  srcAt(p: number): SourceRef {
    return { file: this.file, line: this.lineNo, col: p - this.ls + 1 };
  }

  private next(): void {
    this.seek(this.le + 1, this.lineNo + 1);
  }

  /** Moves to the first line from offset `s` (line `lineNo`) holding content or a `---`, past blanks and comments. */
  private seek(s: number, lineNo: number): void {
    const text = this.text;
    const n = text.length;
    for (; s < n; lineNo++) {
      let le = text.indexOf('\n', s);
      if (le < 0) le = n;
      const ce = le > s && text.charCodeAt(le - 1) === CR ? le - 1 : le;
      let i = s;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i < ce && text.charCodeAt(i) !== HASH) {
        this.ls = s;
        this.le = le;
        this.ce = ce;
        this.lineNo = lineNo;
        const marker = i === s && this.isMarker(s, ce);
        this.state = marker ? MARKER : CONTENT;
        this.ind = marker ? -1 : i - s;
        return;
      }
      s = le + 1;
    }
    this.state = END;
    this.ind = -1;
  }

  /** A `---` line (only a comment may follow); any other line at column 0 starting `---` or `...` is declined. */
  private isMarker(s: number, ce: number): boolean {
    const text = this.text;
    if (text.startsWith('...', s)) throw DECLINED;
    if (!text.startsWith('---', s)) return false;
    let i = s + 3;
    if (i < ce && text.charCodeAt(i) !== SPACE) throw DECLINED;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < ce && text.charCodeAt(i) !== HASH) throw DECLINED;
    return true;
  }

  private isDash(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === this.ce || this.text.charCodeAt(p + 1) === SPACE);
  }

  /** The block collection starting at `p` on the current line, its entries at column `ind`. */
  private block(ind: number, p: number, depth: number): PValue {
    if (depth > MAX_DEPTH) throw DECLINED;
    return this.isDash(p) ? this.seq(ind, p, depth) : this.map(ind, p, depth);
  }

  private map(ind: number, p: number, depth: number): PValue {
    const entries = this.entries;
    const from = entries.length;
    const src = this.srcAt(p);
    let seen: Set<string> | undefined;
    for (;;) {
      const colon = this.keyColon(p);
      if (colon < 0) throw DECLINED;
      const keySrc = this.srcAt(p);
      const quoted = isQuote(this.text.charCodeAt(p));
      const key = keyText(this.text, p, quoted ? quotedEnd(this.text, p, this.ce) : this.trimEnd(colon), quoted, this.plains);
      seen = checkKey(entries, from, key, seen);
      const value = this.mapValue(ind, colon + 1, depth);
      entries.push({ key, keySrc, value });
      if (this.ind < ind) break;
      p = this.ls + ind;
      // Deeper: a plain scalar going on over lines, or bad indentation; a `- ` here: not in a map.
      if (this.ind > ind || this.isDash(p)) throw DECLINED;
    }
    const own = entries.slice(from);
    entries.length = from;
    return { kind: 'map', entries: own, src };
  }

  /** The value after a key's colon: on its line, below it (deeper, or a sequence at the key's column), or a null. */
  private mapValue(ind: number, q: number, depth: number): PValue {
    const text = this.text;
    let p = q;
    while (text.charCodeAt(p) === SPACE) p++;
    if (p < this.ce && text.charCodeAt(p) !== HASH) return this.inline(p, depth + 1, ind);
    // `yaml` places an absent value past the colon and its spaces, with raw text ''.
    const src = this.srcAt(p);
    this.next();
    if (this.ind > ind) return this.block(this.ind, this.ls + this.ind, depth + 1);
    if (this.ind === ind && this.isDash(this.ls + ind)) return this.seq(ind, this.ls + ind, depth + 1);
    return { kind: 'scalar', value: null, src, raw: '' };
  }

  private seq(ind: number, p: number, depth: number): PValue {
    if (depth > MAX_DEPTH) throw DECLINED;
    const items = this.items;
    const from = items.length;
    const src = this.srcAt(p);
    const text = this.text;
    for (;;) {
      let q = p + 1;
      while (text.charCodeAt(q) === SPACE) q++;
      if (q === this.ce || text.charCodeAt(q) === HASH) {
        // As after a key: the item below, deeper, or a null past the dash and its spaces (raw '').
        const at = this.srcAt(q);
        this.next();
        const item: PValue = this.ind > ind ? this.block(this.ind, this.ls + this.ind, depth + 1) : { kind: 'scalar', value: null, src: at, raw: '' };
        items.push(item);
      } else {
        const item = this.isDash(q) ? this.seq(q - this.ls, q, depth + 1) : this.keyColon(q) >= 0 ? this.map(q - this.ls, q, depth + 1) : this.inline(q, depth + 1, ind);
        items.push(item);
      }
      if (this.ind < ind) break;
      p = this.ls + ind;
      if (this.ind > ind) throw DECLINED;
      if (!this.isDash(p)) break;
    }
    const own = items.slice(from);
    items.length = from;
    return { kind: 'seq', items: own, src };
  }

  /** The colon of the implicit key starting at `p` (`key: ...`, `"key": ...`), or -1 when the line holds none. */
  private keyColon(p: number): number {
    const text = this.text;
    const ce = this.ce;
    const c = text.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE || c === PIPE || c === GT) return -1;
    if (isQuote(c)) {
      let i = quotedEnd(text, p, ce);
      while (text.charCodeAt(i) === SPACE) i++;
      return text.charCodeAt(i) === COLON && (i + 1 === ce || text.charCodeAt(i + 1) === SPACE) ? i : -1;
    }
    checkPlainStart(text, p, ce);
    for (let i = p; i < ce; i++) {
      const d = text.charCodeAt(i);
      if (d === COLON && (i + 1 === ce || text.charCodeAt(i + 1) === SPACE)) return i;
      if (d === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private trimEnd(e: number): number {
    while (this.text.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }

  /** A value written on the rest of the current line (a scalar or a flow collection), or a block scalar below it,
   *  in a collection at column `ind`; moves past it. */
  private inline(p: number, depth: number, ind: number): PValue {
    const text = this.text;
    const c = text.charCodeAt(p);
    let v: PValue;
    let e: number;
    if (c === PIPE || c === GT) return this.blockScalar(p, ind);
    if (c === LBRACKET || c === LBRACE) {
      v = this.flow.read(p, this.ce, depth);
      e = this.flow.pos;
    } else if (isQuote(c)) {
      e = quotedEnd(text, p, this.ce);
      v = { kind: 'scalar', value: quotedValue(text, p, e), src: this.srcAt(p) };
    } else {
      e = this.plainEnd(p);
      this.plains.read(text, p, e);
      v = { kind: 'scalar', value: this.plains.value, src: this.srcAt(p), raw: this.plains.raw };
    }
    let i = e;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < this.ce && (i === e || text.charCodeAt(i) !== HASH)) throw DECLINED;
    this.next();
    return v;
  }

  /**
   * A `|` or `>` block scalar (chomping `-` or `+` at most, nothing else on its header line) in a collection at
   * column `ind`. `yaml` places the scalar at its indicator and keeps no raw text.
   */
  private blockScalar(p: number, ind: number): PValue {
    const text = this.text;
    let i = p + 1;
    const c = text.charCodeAt(i);
    const chomp = c === DASH ? '-' : c === PLUS ? '+' : '';
    if (chomp !== '') i++;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i !== this.le || this.ce !== this.le) throw DECLINED;
    const src = this.srcAt(p);
    const body = blockScalarBody(text, this.le + 1, ind);
    const value = blockScalarValue(text.slice(this.le + 1, body.end), body.trim, text.charCodeAt(p) === GT, chomp);
    this.seek(body.end, this.lineNo + 1 + body.lines);
    return { kind: 'scalar', value, src };
  }

  /** Where a one-line plain scalar in block context ends (before a ` #` comment and trailing spaces). */
  private plainEnd(p: number): number {
    const text = this.text;
    const ce = this.ce;
    checkPlainStart(text, p, ce);
    let i = p;
    for (; i < ce; i++) {
      const c = text.charCodeAt(i);
      // `a: b: c` (a map in a compact map) is an error to `yaml`.
      if (c === COLON && (i + 1 === ce || text.charCodeAt(i + 1) === SPACE)) throw DECLINED;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
    }
    return this.trimEnd(i);
  }
}
