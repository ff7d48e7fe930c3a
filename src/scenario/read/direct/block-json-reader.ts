// scenario: block YAML → each document as plain JSON (toJson of the tree block-yaml-reader.ts would give) with where
// it starts, building no positioned nodes: manifest folders are read this way, and a document's tree is read from
// its place only when something asks for a position (lazy-manifest-doc.ts). Undefined where the tree reader declines.
import { BlockLines, GT, MAX_DEPTH, readCovered } from './block-lines.js';
import { DECLINED } from './declined.js';
import { isQuote, keyText, quotedEnd, quotedValue } from './line-scalars.js';
import { toJson } from '../positioned.js';
import type { JsonValue } from '../../types.js';

const SPACE = 32;
const HASH = 35;
const PIPE = 124;
const LBRACKET = 91;
const LBRACE = 123;

/** A document as JSON, and the offset and number of its first line. */
export interface JsonDocument {
  readonly json: JsonValue;
  readonly offset: number;
  readonly line: number;
}

/** The documents of `text` (empty ones skipped), or undefined when the older path must read it. */
export function readBlockJson(text: string, file: string): JsonDocument[] | undefined {
  return readCovered(text, () => new JsonReader(text, file).documents());
}

type JsonMap = { [k: string]: JsonValue };

class JsonReader extends BlockLines {
  /** The items of the open sequences, as a stack (copied out at each sequence's end, as the tree reader does). */
  private readonly items: JsonValue[] = [];

  documents(): JsonDocument[] {
    const out: JsonDocument[] = [];
    this.eachDocument(() => {
      const offset = this.ls;
      const line = this.lineNo;
      out.push({ json: this.block(0, offset, 0), offset, line });
    });
    return out;
  }

  private block(ind: number, p: number, depth: number): JsonValue {
    if (depth > MAX_DEPTH) throw DECLINED;
    return this.isDash(p) ? this.seq(ind, p, depth) : this.map(ind, p, depth);
  }

  /** As the tree reader's map; a key already in the map (its duplicate test, on key texts) or `<<`, `__proto__`
   *  are declined. The prototype is dropped once the map is filled, as manifest-record.ts's body walk does. */
  private map(ind: number, p: number, depth: number): JsonValue {
    const out: JsonMap = {};
    for (;;) {
      const colon = this.keyColon(p);
      if (colon < 0) throw DECLINED;
      const quoted = isQuote(this.text.charCodeAt(p));
      const key = keyText(this.text, p, quoted ? quotedEnd(this.text, p, this.ce) : this.trimEnd(colon), quoted, this.plains);
      if (key === '<<' || key === '__proto__' || Object.hasOwn(out, key)) throw DECLINED;
      out[key] = this.mapValue(ind, colon + 1, depth);
      if (this.ind < ind) break;
      p = this.ls + ind;
      if (this.ind > ind || this.isDash(p)) throw DECLINED;
    }
    return Object.setPrototypeOf(out, null) as JsonMap;
  }

  private mapValue(ind: number, q: number, depth: number): JsonValue {
    const text = this.text;
    let p = q;
    while (text.charCodeAt(p) === SPACE) p++;
    if (p < this.ce && text.charCodeAt(p) !== HASH) return this.inline(p, depth + 1, ind);
    this.next();
    if (this.ind > ind) return this.block(this.ind, this.ls + this.ind, depth + 1);
    if (this.ind === ind && this.isDash(this.ls + ind)) return this.seq(ind, this.ls + ind, depth + 1);
    return null;
  }

  private seq(ind: number, p: number, depth: number): JsonValue {
    if (depth > MAX_DEPTH) throw DECLINED;
    const items = this.items;
    const from = items.length;
    const text = this.text;
    for (;;) {
      let q = p + 1;
      while (text.charCodeAt(q) === SPACE) q++;
      if (q === this.ce || text.charCodeAt(q) === HASH) {
        this.next();
        items.push(this.ind > ind ? this.block(this.ind, this.ls + this.ind, depth + 1) : null);
      } else {
        items.push(this.isDash(q) ? this.seq(q - this.ls, q, depth + 1) : this.keyColon(q) >= 0 ? this.map(q - this.ls, q, depth + 1) : this.inline(q, depth + 1, ind));
      }
      if (this.ind < ind) break;
      p = this.ls + ind;
      if (this.ind > ind) throw DECLINED;
      if (!this.isDash(p)) break;
    }
    const own = items.slice(from);
    items.length = from;
    return own;
  }

  private inline(p: number, depth: number, ind: number): JsonValue {
    const text = this.text;
    const c = text.charCodeAt(p);
    let v: JsonValue;
    let e: number;
    if (c === PIPE || c === GT) return this.blockScalarText(p, ind);
    if (c === LBRACKET || c === LBRACE) {
      // One-line flow collections (`ports: []`) are few: read as the tree reader reads them, then made JSON.
      v = toJson(this.flow.read(p, this.ce, depth));
      e = this.flow.pos;
    } else if (isQuote(c)) {
      e = quotedEnd(text, p, this.ce);
      v = quotedValue(text, p, e);
    } else {
      e = this.plainEnd(p);
      this.plains.read(text, p, e);
      v = this.plains.value;
    }
    this.endLine(e);
    return v;
  }
}
