// scenario: YAML (or JSON) text into positioned trees, one per document — with hard limits on file size,
// document count and alias expansion, so a hostile or absurd input is refused with a diagnostic, not a hang.
import type { DiagnosticSink } from '../../lib/diagnostics.js';
import { DEFAULT_LIMITS as GLOBAL_LIMITS } from '../../lib/limits.js';
import { readRegularFile, ReadError } from '../../lib/read-regular-file.js';
import { readBlockYaml } from './direct/block-yaml-reader.js';
import type { PValue } from './positioned.js';
import { readEventTrees } from './events/yaml-event-trees.js';
import { readWithYamlLibrary } from './yaml-library-trees.js';

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

/** Reads a file into documents; reports problems to `sink` and returns undefined when unreadable. */
export function readYamlFile(file: string, sink: DiagnosticSink, limits: ReadLimits, budget: InputBudget): PValue[] | undefined {
  const text = readYamlText(file, sink, limits, budget);
  return text === undefined ? undefined : parseYamlText(text, file, sink, limits);
}

/** A file's text, its bytes taken from `budget`; reports problems to `sink` and returns undefined when unreadable. */
export function readYamlText(file: string, sink: DiagnosticSink, limits: ReadLimits, budget: InputBudget): string | undefined {
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
  return text;
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
  if (!withinLimits(text, file, sink, limits)) return undefined;
  // The direct block-YAML reader, one pass with no event layer, for the subset manifests are written in; else
  // js-yaml's event stream when it reads the text exactly as the `yaml` library would (about 9x faster on
  // large manifest sets); otherwise, and for every diagnostic, the `yaml` library itself. All three give the
  // same trees wherever they answer.
  return readBlockYaml(text, file) ?? readOtherwise(text, file, sink, limits);
}

/** The trees of a text the direct block reader declines (js-yaml's events, else the `yaml` library). */
export function readOtherwise(text: string, file: string, sink: DiagnosticSink, limits: ReadLimits): PValue[] | undefined {
  return readEventTrees(text, file) ?? readWithYamlLibrary(text, file, sink, limits);
}

/** False (after reporting) for a text over the size or document-count limit. */
export function withinLimits(text: string, file: string, sink: DiagnosticSink, limits: ReadLimits): boolean {
  if (text.length > limits.maxFileBytes) {
    sink.error({ file, line: 0, col: 0 }, '', `input is ${text.length} characters; the limit is ${limits.maxFileBytes} (raise it with --max-file-bytes N)`);
    return false;
  }
  if (countDocumentMarkers(text, limits.maxDocuments) > limits.maxDocuments) {
    sink.error({ file, line: 1, col: 1 }, '', `more than ${limits.maxDocuments} YAML documents in one file`);
    return false;
  }
  return true;
}

/** Number of `---` document starts, counted up to `cap + 1`. */
function countDocumentMarkers(text: string, cap: number): number {
  let n = 1;
  for (let i = text.indexOf('---'); i >= 0 && n <= cap; i = text.indexOf('---', i + 3)) {
    if (i === 0 || text.charCodeAt(i - 1) === 10) n++;
  }
  return n;
}
