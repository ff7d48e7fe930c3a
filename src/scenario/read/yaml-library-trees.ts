// scenario: YAML text → positioned trees through the `yaml` library: the reference reader and the fallback of the
// fast path (yaml-event-trees.ts), and the source of every YAML diagnostic (syntax errors, warnings, limits).
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
import type { DiagnosticSink, SourceRef } from '../../lib/diagnostics.js';
import { flowPlaceholder } from './flow-placeholder.js';
import type { PEntry, PValue } from './positioned.js';
import type { ReadLimits } from './read-yaml.js';

const MAX_DEPTH = 500;
/** Characters either side of a syntax error searched for a placeholder hint. */
const HINT_WINDOW = 200;

/** Reads YAML text (already within the file-size and document-count limits) into documents, empty ones skipped. */
export function readWithYamlLibrary(text: string, file: string, sink: DiagnosticSink, limits: ReadLimits): PValue[] | undefined {
  const origin: SourceRef = { file, line: 1, col: 1 };
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

/** yaml's own alias-count guard (`toJS({ maxAliasCount })`), run only when the document has aliases. */
function aliasCountOk(doc: Document.Parsed, maxAliasCount: number): boolean {
  try {
    doc.toJS({ maxAliasCount });
    return true;
  } catch (e) {
    // Only the guard's ReferenceError is about aliases; any other (`<<: 1`, a merge of a scalar) is the
    // document's own error, which the conversion below reports at its place.
    return !(e instanceof ReferenceError);
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
    const placeholder = flow && merged.length === 0 ? flowPlaceholder(entries, src) : undefined;
    if (placeholder !== undefined) return placeholder;
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
