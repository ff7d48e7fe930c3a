// scenario: js-yaml's flat event stream (parseEvents) → positioned trees, the fast path of read-yaml.ts. It gives
// exactly the values, kinds, positions and raw text of the `yaml` library path, or undefined for any input outside
// what it reads identically (syntax errors, anchors, aliases, tags, directives, merge or duplicate keys, tabs, empty
// keys or items...), which the `yaml` path then reads and reports on.
import { COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type MappingEvent, type ScalarEvent, type SequenceEvent } from 'js-yaml';
import type { SourceRef } from '../../../lib/diagnostics.js';
import { DIFFERS, isMergeKey, resolvePlain } from './core-scalar.js';
import { flowPlaceholder } from '../flow-placeholder.js';
import { OffsetPositions } from './offset-positions.js';
import type { PEntry, PScalar, PValue } from '../positioned.js';

/** Deepest collection nesting read here: deeper input goes to the `yaml` path and its own limit (500 levels). */
const MAX_DEPTH = 400;
/** Tabs, a CR outside CRLF, BOM, control characters, Unicode line breaks: where the libraries' rules differ in detail. */
const UNCOVERED_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;
/** `yaml` refuses an implicit key whose `:` is over 1024 characters from its start (YAML 1.2 §7.4.2). */
const MAX_KEY_CHARS = 1000;
const NL = 10;
const CR = 13;
const SPACE = 32;
const COMMA = 44;
const COLON = 58;
const HASH = 35;

/** Thrown inside the builder when the input is outside the fast path. */
class Uncovered {}

interface Open {
  readonly map: boolean;
  readonly flow: boolean;
  readonly src: SourceRef;
  /** A map's entries (NO_ENTRIES for a sequence). */
  readonly entries: PEntry[];
  /** A sequence's items (NO_ITEMS for a map). */
  readonly items: PValue[];
  /** A large map's keys, for the duplicate test (a linear scan of `entries` below LINEAR_KEYS). */
  keys: Set<string> | undefined;
  key: string | undefined;
  keySrc: SourceRef;
  keyEnd: number;
}

const NO_ENTRIES: PEntry[] = [];
const NO_ITEMS: PValue[] = [];
/** Entries a map's duplicate-key test scans one by one before it keeps a Set of them. */
const LINEAR_KEYS = 16;

/** The documents of `text` (empty ones skipped), or undefined when the `yaml` path must read it. */
export function readEventTrees(text: string, file: string): PValue[] | undefined {
  // js-yaml takes the first line's indentation as 0, so it reads ` ---` there as a document start.
  if (text.charCodeAt(0) === SPACE || UNCOVERED_CHARS.test(text) || hasDirective(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    // js-yaml throws on any syntax error (its docs: catch every exception); the `yaml` path reports it.
    return undefined;
  }
  try {
    return new TreeBuilder(text, file).build(events);
  } catch (e) {
    if (e instanceof Uncovered) return undefined;
    throw e;
  }
}

/** True when a map already has an entry of `key` (a Set of its keys kept once it is large). */
function hasKey(top: Open, key: string): boolean {
  const entries = top.entries;
  if (top.keys !== undefined) return top.keys.has(key);
  for (const e of entries) if (e.key === key) return true;
  if (entries.length >= LINEAR_KEYS) top.keys = new Set(entries.map((e) => e.key));
  return false;
}

/** A line starting with `%` (a directive: js-yaml drops unknown ones silently, `yaml` warns). */
function hasDirective(text: string): boolean {
  return text.charCodeAt(0) === 37 || text.includes('\n%');
}

class TreeBuilder {
  private readonly at: OffsetPositions;
  private readonly stack: Open[] = [];
  private root: PValue | undefined;

  constructor(
    private readonly text: string,
    file: string,
  ) {
    this.at = new OffsetPositions(text, file);
  }

  build(events: readonly Event[]): PValue[] {
    const out: PValue[] = [];
    for (const e of events) {
      switch (e.type) {
        case EVENT_ID.DOCUMENT:
          this.root = undefined;
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          this.open(e);
          break;
        case EVENT_ID.SCALAR:
          this.scalar(e);
          break;
        case EVENT_ID.ALIAS:
          throw new Uncovered();
        case EVENT_ID.POP:
          if (this.stack.length > 0) this.close();
          else if (this.root !== undefined && !(this.root.kind === 'scalar' && this.root.value === null)) out.push(this.root);
          break;
      }
    }
    return out;
  }

  private open(e: MappingEvent | SequenceEvent): void {
    if (e.anchorStart !== -1 || e.tagStart !== -1 || this.expectsKey()) throw new Uncovered();
    const map = e.type === EVENT_ID.MAPPING;
    const flow = e.style === COLLECTION_STYLE.FLOW;
    const c = this.text[e.start];
    if (flow ? c !== (map ? '{' : '[') : !map && c !== '-') throw new Uncovered();
    const src = this.at.at(e.start);
    this.stack.push({ map, flow, src, entries: map ? [] : NO_ENTRIES, items: map ? NO_ITEMS : [], keys: undefined, key: undefined, keySrc: src, keyEnd: 0 });
  }

  private close(): void {
    const f = this.stack.pop() as Open;
    if (!f.map) return this.place({ kind: 'seq', items: f.items, src: f.src });
    if (f.key !== undefined) throw new Uncovered();
    const placeholder = f.flow ? flowPlaceholder(f.entries, f.src) : undefined;
    this.place(placeholder ?? { kind: 'map', entries: f.entries, src: f.src });
  }

  private scalar(e: ScalarEvent): void {
    if (e.anchorStart !== -1 || e.tagStart !== -1) throw new Uncovered();
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && this.expectsKey()) return this.setKey(top, e);
    this.place(e.valueStart === -1 ? this.empty(top) : this.value(e));
  }

  private place(v: PValue): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) this.root = v;
    else if (!top.map) top.items.push(v);
    else {
      const key = top.key as string;
      top.entries.push({ key, keySrc: top.keySrc, value: v });
      top.keys?.add(key);
      top.key = undefined;
    }
  }

  private expectsKey(): boolean {
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top.map && top.key === undefined;
  }

  private setKey(top: Open, e: ScalarEvent): void {
    const plain = e.style === SCALAR_STYLE.PLAIN;
    if (e.valueStart === -1 || !(plain || this.quoted(e))) throw new Uncovered();
    const text = getScalarValue(this.text, e);
    const value = plain ? resolvePlain(text) : text;
    if (value === DIFFERS || (plain && isMergeKey(text)) || e.valueEnd - e.valueStart > MAX_KEY_CHARS) throw new Uncovered();
    const key = value === null ? '' : String(value);
    // `__proto__` is refused by the `yaml` path. Equal key values are its duplicate-key error; keys that only
    // print alike (`1` and "1", null and "") are not, and are left to it too.
    if (key === '__proto__' || hasKey(top, key)) throw new Uncovered();
    top.key = key;
    top.keySrc = this.at.at(plain ? e.valueStart : e.valueStart - 1);
    top.keyEnd = plain ? e.valueEnd : e.valueEnd + 1;
  }

  private value(e: ScalarEvent): PScalar {
    const text = getScalarValue(this.text, e);
    if (e.style === SCALAR_STYLE.PLAIN) {
      const value = resolvePlain(text);
      if (value === DIFFERS) throw new Uncovered();
      return { kind: 'scalar', value, src: this.at.at(e.valueStart), raw: text };
    }
    if (this.quoted(e)) return { kind: 'scalar', value: text, src: this.at.at(e.valueStart - 1) };
    return { kind: 'scalar', value: text, src: this.at.at(this.blockIndicator(e.valueStart)) };
  }

  /** True for a quoted scalar whose quotes stand either side of its value's range. */
  private quoted(e: ScalarEvent): boolean {
    const q = e.style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : e.style === SCALAR_STYLE.DOUBLE_QUOTED ? '"' : '';
    return q !== '' && this.text[e.valueStart - 1] === q && this.text[e.valueEnd] === q;
  }

  /**
   * An absent value. After `key:` the `yaml` path places it past the colon and its spaces (with `raw` ''); a flow
   * map's key with no colon (`{a, b}`) has no value node, so it sits at the key. Empty keys and items are not covered.
   */
  private empty(top: Open | undefined): PScalar {
    if (top === undefined) return { kind: 'scalar', value: null, src: this.at.at(0) };
    if (!top.map) throw new Uncovered();
    const text = this.text;
    let i = top.keyEnd;
    while (text.charCodeAt(i) === SPACE) i++;
    const colon = text.charCodeAt(i) === COLON;
    if (colon) for (i++; text.charCodeAt(i) === SPACE; i++);
    const c = text.charCodeAt(i);
    const ends = top.flow ? c === COMMA || text[i] === '}' : colon && (c === NL || c === CR || c === HASH || i === text.length);
    if (!ends) throw new Uncovered();
    if (!colon) return { kind: 'scalar', value: null, src: top.keySrc };
    return { kind: 'scalar', value: null, src: this.at.at(i), raw: '' };
  }

  /** A block scalar's `|` or `>`: the `yaml` path places the scalar there, js-yaml gives the content's start. */
  private blockIndicator(contentStart: number): number {
    const text = this.text;
    const end = contentStart > 0 && text.charCodeAt(contentStart - 1) === NL ? contentStart - 1 : contentStart;
    if (end !== contentStart - 1 && contentStart !== text.length) throw new Uncovered();
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    // A comment on the header could hold `|` or `>` itself.
    for (let j = lineStart; j < end; j++) if (text.charCodeAt(j) === HASH) throw new Uncovered();
    let i = end;
    if (text.charCodeAt(i - 1) === CR) i--;
    while (i > lineStart && text.charCodeAt(i - 1) === SPACE) i--;
    // Chomping only: with an indentation indicator the libraries count a top-level scalar's indent differently.
    while (i > lineStart && (text[i - 1] === '-' || text[i - 1] === '+')) i--;
    i--;
    const c = text[i];
    if ((c !== '|' && c !== '>') || (i > lineStart && text.charCodeAt(i - 1) !== SPACE)) throw new Uncovered();
    return i;
  }
}
