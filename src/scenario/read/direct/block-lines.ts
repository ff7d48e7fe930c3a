// scenario: the line scanner both direct block-YAML readers share (block-yaml-reader.ts builds positioned trees,
// block-json-reader.ts plain JSON) — lines, indentation, `---` markers, keys, plain scalar ends and block scalars —
// throwing DECLINED for anything outside their common subset, which read-yaml.ts then reads the older way.
import type { SourceRef } from '../../../lib/diagnostics.js';
import { blockScalarBody, blockScalarValue } from './block-scalar.js';
import { Declined, DECLINED } from './declined.js';
import { FlowLineReader } from './flow-line-reader.js';
import { checkPlainStart, isQuote, quotedEnd, type LineSource } from './line-scalars.js';
import { PlainScalars } from './plain-scalars.js';

/** Deepest nesting read here: deeper input goes to the `yaml` path and its own limit (500 levels). */
export const MAX_DEPTH = 400;
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
export const GT = 62;
const PLUS = 43;
/** What the current line is: content at `ind` columns, a `---` line, or past the text's end. */
export const CONTENT = 0;
const MARKER = 1;
export const END = 2;

/** What `read` gives, or undefined when it declines `text` (or `text` holds characters the readers leave alone). */
export function readCovered<T>(text: string, read: () => T): T | undefined {
  if (UNCOVERED_CHARS.test(text) || hasLoneCr(text)) return undefined;
  try {
    return read();
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

export abstract class BlockLines implements LineSource {
  protected state = END;
  /** The current line: its start, end (its `\n` or the text's end), content end (before a CRLF's CR), number. */
  protected ls = 0;
  protected le = 0;
  protected ce = 0;
  protected lineNo = 0;
  /** The current line's indentation (-1 at a `---` line or the end, so every open collection ends there). */
  protected ind = -1;
  protected readonly plains = new PlainScalars();
  protected readonly flow: FlowLineReader;

  constructor(
    protected readonly text: string,
    protected readonly file: string,
  ) {
    this.flow = new FlowLineReader(text, this, this.plains, MAX_DEPTH);
  }

  /** Calls `top` at the first line of each document (empty ones skipped), which must read it whole. */
  protected eachDocument(top: () => void): void {
    this.seek(0, 1);
    while (this.state !== END) {
      if (this.state === MARKER) {
        this.next();
        continue;
      }
      // A document's top level starts at column 0 and is a block map or sequence; anything else goes to `yaml`.
      if (this.ind !== 0) throw DECLINED;
      top();
      if (this.state === CONTENT) throw DECLINED;
    }
  }

  srcAt(p: number): SourceRef {
    return { file: this.file, line: this.lineNo, col: p - this.ls + 1 };
  }

  protected next(): void {
    this.seek(this.le + 1, this.lineNo + 1);
  }

  /** Moves to the first line from offset `s` (line `lineNo`) holding content or a `---`, past blanks and comments. */
  protected seek(s: number, lineNo: number): void {
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

  protected isDash(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === this.ce || this.text.charCodeAt(p + 1) === SPACE);
  }

  /** The colon of the implicit key starting at `p` (`key: ...`, `"key": ...`), or -1 when the line holds none. */
  protected keyColon(p: number): number {
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

  protected trimEnd(e: number): number {
    while (this.text.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }

  /** After a value ending at `e` on the current line: only spaces or a comment may follow; moves to the next line. */
  protected endLine(e: number): void {
    const text = this.text;
    let i = e;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < this.ce && (i === e || text.charCodeAt(i) !== HASH)) throw DECLINED;
    this.next();
  }

  /**
   * The value of the `|` or `>` block scalar whose indicator is at `p` (chomping `-` or `+` at most, nothing else
   * on its header line), in a collection at column `ind`; moves past it.
   */
  protected blockScalarText(p: number, ind: number): string {
    const text = this.text;
    let i = p + 1;
    const c = text.charCodeAt(i);
    const chomp = c === DASH ? '-' : c === PLUS ? '+' : '';
    if (chomp !== '') i++;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i !== this.le || this.ce !== this.le) throw DECLINED;
    const body = blockScalarBody(text, this.le + 1, ind);
    const value = blockScalarValue(text.slice(this.le + 1, body.end), body.trim, text.charCodeAt(p) === GT, chomp);
    this.seek(body.end, this.lineNo + 1 + body.lines);
    return value;
  }

  /** Where a one-line plain scalar in block context ends (before a ` #` comment and trailing spaces). */
  protected plainEnd(p: number): number {
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
