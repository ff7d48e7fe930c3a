// scenario: block YAML (what Kubernetes manifests and kubectl dumps are made of) → positioned trees in one pass over
// the text, with no event layer between: the `yaml` library path's exact trees, positions and raw text, or
// undefined for anything outside its subset, which read-yaml.ts then reads whole the older way.
import { BlockLines, CONTENT, GT, MAX_DEPTH, readCovered } from './block-lines.js';
import { DECLINED } from './declined.js';
import { checkKey, isQuote, keyText, quotedEnd, quotedValue } from './line-scalars.js';
import type { PEntry, PValue } from '../positioned.js';

const SPACE = 32;
const HASH = 35;
const PIPE = 124;
const LBRACKET = 91;
const LBRACE = 123;

/** The documents of `text` (empty ones skipped), or undefined when the older path must read it. */
export function readBlockYaml(text: string, file: string): PValue[] | undefined {
  return readCovered(text, () => new BlockReader(text, file).documents());
}

/**
 * Single documents of a text the direct readers take whole (block-json-reader.ts read it first), each the tree
 * readBlockYaml gives for it, read from where it starts: one reader for all of a file's documents.
 */
export class DocumentRereader {
  private reader: BlockReader | undefined = undefined;

  constructor(
    private readonly text: string,
    readonly file: string,
  ) {}

  /** The document whose first line (number `line`) starts at `offset`. */
  at(offset: number, line: number): PValue {
    this.reader ??= new BlockReader(this.text, this.file);
    return this.reader.documentAt(offset, line);
  }
}

class BlockReader extends BlockLines {
  /**
   * The entries and items of the open collections, as stacks: each collection is copied out at its end into an
   * array of its own size (an array grown by push keeps room for 17, 150 bytes for a map of two entries).
   */
  private readonly entries: PEntry[] = [];
  private readonly items: PValue[] = [];

  documents(): PValue[] {
    const out: PValue[] = [];
    this.eachDocument(() => out.push(this.block(0, this.ls, 0)));
    return out;
  }

  documentAt(offset: number, line: number): PValue {
    this.seek(offset, line);
    if (this.state !== CONTENT || this.ind !== 0) throw new Error(`no document starts at line ${line} of ${this.file}`);
    return this.block(0, this.ls, 0);
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

  /** A value written on the rest of the current line (a scalar or a flow collection), or a block scalar below it,
   *  in a collection at column `ind`; moves past it. */
  private inline(p: number, depth: number, ind: number): PValue {
    const text = this.text;
    const c = text.charCodeAt(p);
    let v: PValue;
    let e: number;
    if (c === PIPE || c === GT) {
      // `yaml` places a block scalar at its indicator and keeps no raw text.
      const src = this.srcAt(p);
      return { kind: 'scalar', value: this.blockScalarText(p, ind), src };
    }
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
    this.endLine(e);
    return v;
  }
}
