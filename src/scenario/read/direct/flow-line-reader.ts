// scenario: a flow collection written on one line (`[a, "b"]`, `{k: v, n: 1}`, `{}`, a bare `{tenant}`) → a
// positioned tree, for the direct reader (block-yaml-reader.ts); DECLINED for one over several lines, a trailing
// comma, a pair inside a sequence, a comment, or any scalar outside the reader's subset.
import { DECLINED } from './declined.js';
import { flowPlaceholder } from '../flow-placeholder.js';
import { checkKey, checkPlainStart, isQuote, keyText, quotedEnd, quotedValue, type LineSource } from './line-scalars.js';
import type { PEntry, PValue } from '../positioned.js';
import type { PlainScalars } from './plain-scalars.js';

const SPACE = 32;
const COMMA = 44;
const COLON = 58;
const HASH = 35;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

export class FlowLineReader {
  /** The index past the collection last read. */
  pos = 0;
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly line: LineSource,
    private readonly plains: PlainScalars,
    private readonly maxDepth: number,
  ) {}

  /** The collection opening at `p` (`[` or `{`), closed before `end`, the end of its line. */
  read(p: number, end: number, depth: number): PValue {
    this.pos = p;
    this.end = end;
    return this.collection(depth);
  }

  private peek(): number {
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1;
  }

  private spaces(): void {
    while (this.peek() === SPACE) this.pos++;
  }

  /** After an item: true when a `,` leads to another one, false at `close`. */
  private more(close: number): boolean {
    this.spaces();
    const c = this.peek();
    this.pos++;
    if (c === close) return false;
    if (c !== COMMA) throw DECLINED;
    this.spaces();
    if (this.peek() === close) throw DECLINED;
    return true;
  }

  private collection(depth: number): PValue {
    if (depth > this.maxDepth) throw DECLINED;
    const seq = this.text.charCodeAt(this.pos) === LBRACKET;
    const src = this.line.srcAt(this.pos);
    this.pos++;
    this.spaces();
    if (seq) {
      const items: PValue[] = [];
      if (this.peek() === RBRACKET) this.pos++;
      else do items.push(this.item(depth)); while (this.more(RBRACKET));
      return { kind: 'seq', items, src };
    }
    const entries: PEntry[] = [];
    if (this.peek() === RBRACE) this.pos++;
    else {
      let seen: Set<string> | undefined;
      do {
        const entry = this.entry(depth);
        seen = checkKey(entries, 0, entry.key, seen);
        entries.push(entry);
      } while (this.more(RBRACE));
    }
    return flowPlaceholder(entries, src) ?? { kind: 'map', entries, src };
  }

  /** `key: value`, `key:` (a null past the colon, raw ''), or a bare `key` (a null at the key, as `yaml` places it). */
  private entry(depth: number): PEntry {
    const start = this.pos;
    const keySrc = this.line.srcAt(start);
    const quoted = isQuote(this.peek());
    const e = quoted ? quotedEnd(this.text, start, this.end) : this.plainEnd();
    if (quoted) this.pos = e;
    const key = keyText(this.text, start, e, quoted, this.plains);
    this.spaces();
    const c = this.peek();
    if (c === COMMA || c === RBRACE) return { key, keySrc, value: { kind: 'scalar', value: null, src: keySrc } };
    if (c !== COLON) throw DECLINED;
    this.pos++;
    const after = this.peek();
    if (after !== SPACE && after !== COMMA && after !== RBRACE) throw DECLINED;
    this.spaces();
    const d = this.peek();
    if (d === COMMA || d === RBRACE) return { key, keySrc, value: { kind: 'scalar', value: null, src: this.line.srcAt(this.pos), raw: '' } };
    return { key, keySrc, value: this.item(depth) };
  }

  private item(depth: number): PValue {
    const c = this.peek();
    const start = this.pos;
    if (c === LBRACKET || c === LBRACE) return this.collection(depth + 1);
    if (isQuote(c)) {
      this.pos = quotedEnd(this.text, start, this.end);
      return { kind: 'scalar', value: quotedValue(this.text, start, this.pos), src: this.line.srcAt(start) };
    }
    this.plains.read(this.text, start, this.plainEnd());
    return { kind: 'scalar', value: this.plains.value, src: this.line.srcAt(start), raw: this.plains.raw };
  }

  /** Moves past a plain scalar in flow context; returns where its text ends (trailing spaces dropped). */
  private plainEnd(): number {
    const text = this.text;
    const start = this.pos;
    checkPlainStart(text, start, this.end);
    let i = start;
    for (; i < this.end; i++) {
      const c = text.charCodeAt(i);
      if (isFlowIndicator(c)) break;
      if (c === COLON && (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE || isFlowIndicator(text.charCodeAt(i + 1)))) break;
      // A comment inside a flow collection: the collection goes on over the next lines.
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) throw DECLINED;
    }
    this.pos = i;
    let e = i;
    while (text.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }
}
