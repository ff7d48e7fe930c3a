// scenario: YAML (or JSON) text into positioned trees, one per document — with hard limits on file size,
// document count and alias expansion, so a hostile or absurd input is refused with a diagnostic, not a hang.
import {
  Alias,
  isAlias,
  isMap as isYamlMap,
  isPair,
  isScalar,
  isSeq as isYamlSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { DiagnosticSink, SourceRef } from '../lib/diagnostics.js';
import { DEFAULT_LIMITS as GLOBAL_LIMITS } from '../lib/limits.js';
import { readRegularFile, ReadError } from '../lib/read-regular-file.js';
import type { PEntry, PValue } from './positioned.js';

export interface ReadLimits {
  /** Largest file read (bytes). */
  readonly maxFileBytes: number;
  /** Most documents in one file. */
  readonly maxDocuments: number;
  /** Most value nodes produced through aliases in one file (bounds the expanded size). */
  readonly maxAliasNodes: number;
  /** yaml's own `maxAliasCount` (references × size of each anchor). */
  readonly maxAliasCount: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: GLOBAL_LIMITS.maxFileBytes,
  maxDocuments: 100_000,
  maxAliasNodes: 100_000,
  maxAliasCount: 1_000,
};

const MAX_DEPTH = 500;
/** Characters either side of a syntax error searched for a placeholder hint. */
const HINT_WINDOW = 200;
/** `{i+1}` read as a flow map with one key: turned back into the placeholder text. */
const PLACEHOLDER_KEY = /^(i([+\-*]\d+)?(:\d+)?|tenant)$/;

/** Reads a file into documents; reports problems to `sink` and returns undefined when unreadable. */
export function readYamlFile(file: string, sink: DiagnosticSink, limits: ReadLimits, budget: InputBudget): PValue[] | undefined {
  const max = Math.min(limits.maxFileBytes, budget.left);
  let text: string;
  try {
    text = readRegularFile(file, max);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    const message = e.size === undefined ? `cannot read: ${e.message}` : tooBig(e.size, limits.maxFileBytes, budget);
    sink.error({ file, line: 0, col: 0 }, '', message);
    return undefined;
  }
  budget.left -= Buffer.byteLength(text, 'utf8');
  return parseYamlText(text, file, sink, limits);
}

/** Bytes every file of one load may still take together (`--max-input-bytes`). */
export interface InputBudget {
  left: number;
  readonly total: number;
}

function tooBig(size: number, perFile: number, budget: InputBudget): string {
  if (size > perFile) return `file is ${size} bytes; the limit is ${perFile} bytes (raise it with --max-file-bytes N)`;
  const read = budget.total - budget.left;
  return `file is ${size} bytes; with the ${read} bytes read before it the inputs pass the limit of ${budget.total} bytes (raise it with --max-input-bytes N)`;
}

/** Parses YAML text into documents (empty documents skipped). */
export function parseYamlText(text: string, file: string, sink: DiagnosticSink, limits: ReadLimits): PValue[] | undefined {
  const origin: SourceRef = { file, line: 1, col: 1 };
  if (text.length > limits.maxFileBytes) {
    sink.error({ file, line: 0, col: 0 }, '', `input is ${text.length} characters; the limit is ${limits.maxFileBytes} (raise it with --max-file-bytes N)`);
    return undefined;
  }
  if (countDocumentMarkers(text, limits.maxDocuments) > limits.maxDocuments) {
    sink.error(origin, '', `more than ${limits.maxDocuments} YAML documents in one file`);
    return undefined;
  }
  let parsed = parseText(text, file);
  if (parsed.firstErrors.length > 0 && /^\t/m.test(text)) {
    // go-yaml (kubectl) accepts tab-indented lines inside flow collections; read them as spaces (same columns).
    const retry = parseText(text.replace(/^\t+/gm, (tabs) => ' '.repeat(tabs.length)), file);
    if (retry.firstErrors.length === 0) {
      sink.warn(origin, '', 'tabs used as indentation were read as spaces');
      parsed = retry;
    }
  }
  const { docs, at } = parsed;
  for (const e of parsed.firstErrors) sink.error(at(e.offset), '', `YAML syntax error: ${e.message}${flowPlaceholderHint(text, e.offset)}`);
  for (const doc of docs) for (const w of doc.warnings) sink.warn(at(w.pos[0]), '', `YAML: ${w.message}`);
  if (parsed.firstErrors.length > 0) return undefined;
  const out: PValue[] = [];
  const budget = { left: limits.maxAliasNodes };
  // Once per file: searched per document, a 4.6 MB file of 12,000 documents spent a second here.
  const mayAlias = text.includes('*');
  for (const doc of docs) {
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    if (mayAlias && !aliasCountOk(doc, limits.maxAliasCount)) {
      sink.error(at(doc.contents.range?.[0] ?? 0), '', 'too many YAML alias references (a resource exhaustion attack?)');
      return undefined;
    }
    const conv = new Converter(doc, at, budget);
    const v = conv.convert(doc.contents, 0, false);
    if (conv.problem !== undefined) {
      sink.error(conv.problem.src, '', conv.problem.message);
      return undefined;
    }
    if (v !== undefined) out.push(v);
  }
  return out;
}

interface Parsed {
  readonly docs: Document.Parsed[];
  readonly at: (offset: number) => SourceRef;
  /** The first syntax error of each failed document (the rest are usually its echoes). */
  readonly firstErrors: { offset: number; message: string }[];
}

function parseText(text: string, file: string): Parsed {
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lc, merge: true, prettyErrors: false, uniqueKeys: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const at = (offset: number): SourceRef => {
    const p = lc.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  const firstErrors: { offset: number; message: string }[] = [];
  for (const doc of docs) {
    const e = doc.errors[0];
    if (e !== undefined) firstErrors.push({ offset: e.pos[0], message: e.message });
  }
  return { docs, at, firstErrors };
}

/** A placeholder glued to text inside `{ ... }` (`name: acme-{i}`) is YAML flow syntax: suggest quoting. */
function flowPlaceholderHint(text: string, offset: number): string {
  // Only the 200 characters either side of the error: the pattern backtracks, quadratic on a long line.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - HINT_WINDOW);
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, Math.min(lineEnd < 0 ? text.length : lineEnd, offset + HINT_WINDOW));
  const m = /([^\s"'{[,:]+\{(?:i(?:[+\-*]\d+)?(?::\d+)?|tenant)\}[^\s,}\]]*)/.exec(line);
  return m === null ? '' : ` (inside { } or [ ], quote values with placeholders: "${m[1] ?? ''}")`;
}

/** Number of `---` document starts, counted up to `cap + 1`. */
function countDocumentMarkers(text: string, cap: number): number {
  let n = 1;
  for (let i = text.indexOf('---'); i >= 0 && n <= cap; i = text.indexOf('---', i + 3)) {
    if (i === 0 || text.charCodeAt(i - 1) === 10) n++;
  }
  return n;
}

/** yaml's own alias-count guard (`toJS({ maxAliasCount })`), run only when the document has aliases. */
function aliasCountOk(doc: Document.Parsed, maxAliasCount: number): boolean {
  try {
    doc.toJS({ maxAliasCount });
    return true;
  } catch (e) {
    if (e instanceof ReferenceError) return false;
    throw e;
  }
}

class Converter {
  problem: { src: SourceRef; message: string } | undefined;
  constructor(
    private readonly doc: Document.Parsed,
    private readonly at: (offset: number) => SourceRef,
    private readonly budget: { left: number },
  ) {}

  convert(node: unknown, depth: number, viaAlias: boolean): PValue | undefined {
    if (this.problem !== undefined) return undefined;
    if (depth > MAX_DEPTH) return this.fail(node, `YAML nested deeper than ${MAX_DEPTH} levels`);
    if (viaAlias && --this.budget.left < 0) return this.fail(node, 'YAML aliases expand to too many values');
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      if (target === undefined) return this.fail(node, `unknown YAML alias *${(node as Alias).source}`);
      return this.convert(target, depth + 1, true);
    }
    const src = this.at((node as YamlNode).range?.[0] ?? 0);
    if (isScalar(node)) {
      const value = node.value;
      const v = typeof value === 'bigint' ? Number(value) : value;
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        return { kind: 'scalar', value: String(v), src };
      }
      const plain = node.type === 'PLAIN' && typeof node.source === 'string';
      return plain ? { kind: 'scalar', value: v, src, raw: node.source } : { kind: 'scalar', value: v, src };
    }
    if (isYamlSeq(node)) {
      const items: PValue[] = [];
      for (const item of node.items) {
        const v = this.convert(item, depth + 1, viaAlias);
        if (v !== undefined) items.push(v);
      }
      return { kind: 'seq', items, src };
    }
    if (isYamlMap(node)) return this.convertMap(node.items, node.flow === true, src, depth, viaAlias);
    return this.fail(node, 'unsupported YAML node');
  }

  private convertMap(pairs: readonly unknown[], flow: boolean, src: SourceRef, depth: number, viaAlias: boolean): PValue | undefined {
    const entries: PEntry[] = [];
    const merged: PEntry[] = [];
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<') {
        this.mergeInto(merged, pair.value, depth, viaAlias);
        continue;
      }
      if (key !== null && !isScalar(key)) return this.fail(key, 'map keys must be plain strings');
      const keySrc = key === null ? src : this.at(key.range?.[0] ?? 0);
      const keyText = key === null || key.value === null ? '' : String(key.value);
      // Copied into a plain object, `__proto__` would become its prototype (a deny-all policy judged ALLOW).
      if (keyText === '__proto__') return this.fail(key, 'a `__proto__` key is not allowed');
      const value: PValue | undefined =
        pair.value === null || pair.value === undefined
          ? { kind: 'scalar', value: null, src: keySrc }
          : this.convert(pair.value, depth + 1, viaAlias);
      if (value === undefined) return undefined;
      entries.push({ key: keyText, keySrc, value });
    }
    if (flow && entries.length === 1 && merged.length === 0) {
      const only = entries[0] as PEntry;
      if (only.value.kind === 'scalar' && only.value.value === null && PLACEHOLDER_KEY.test(only.key)) {
        return { kind: 'scalar', value: `{${only.key}}`, src };
      }
    }
    for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
    return { kind: 'map', entries, src };
  }

  /** YAML 1.1 merge keys (`<<: *base` or `<<: [*a, *b]`): earlier sources win, explicit keys win over all. */
  private mergeInto(merged: PEntry[], source: unknown, depth: number, viaAlias: boolean): void {
    const sources = isYamlSeq(source) ? source.items : [source];
    for (const s of sources) {
      const v = this.convert(s, depth + 1, viaAlias);
      if (v === undefined) return;
      if (v.kind !== 'map') {
        this.fail(s, 'a merge key (<<) must refer to a map');
        return;
      }
      for (const e of v.entries) if (!merged.some((m) => m.key === e.key)) merged.push(e);
    }
  }

  private fail(node: unknown, message: string): undefined {
    if (this.problem === undefined) {
      const range = (node as YamlNode | null)?.range;
      this.problem = { src: this.at(range?.[0] ?? 0), message };
    }
    return undefined;
  }
}
