// scenario: the lines of a literal (`|`) or folded (`>`) block scalar → where it ends and its value, as
// yaml/dist/compose/resolve-block-scalar.js computes it (YAML 1.2 §8.1: folding, chomping), for the direct reader's
// subset: no indentation indicator, tab, CR or whitespace-only line (DECLINED), and a body of at least one line.
import { DECLINED } from './declined.js';

const SPACE = 32;
const CR = 13;
const HASH = 35;

/** Where a block scalar's body ends (the start of the line after it), its lines, and its content's indentation. */
export interface BlockScalarBody {
  readonly end: number;
  readonly lines: number;
  readonly trim: number;
}

/**
 * The body starting at `start` of a block scalar in a collection at column `ind`: its lines run to the first
 * non-empty line indented less than its first one, which must be at or left of `ind` and not a comment.
 */
export function blockScalarBody(text: string, start: number, ind: number): BlockScalarBody {
  const n = text.length;
  let s = start;
  let lines = 0;
  let trim = -1;
  while (s < n) {
    let le = text.indexOf('\n', s);
    if (le < 0) le = n;
    if (le > s) {
      let k = s;
      while (text.charCodeAt(k) === SPACE) k++;
      // A line of spaces only, a CRLF line: their treatment differs in detail; left to `yaml`.
      if (k === le || text.charCodeAt(le - 1) === CR) throw DECLINED;
      const indent = k - s;
      if (indent < (trim < 0 ? ind + 1 : trim)) {
        if (indent > ind || text.charCodeAt(k) === HASH) throw DECLINED;
        break;
      }
      if (trim < 0) trim = indent;
    }
    s = le + 1;
    lines++;
  }
  if (trim < 0) throw DECLINED;
  return { end: Math.min(s, n), lines, trim };
}

/**
 * The value of the block scalar whose lines after the header are `source` (up to the line that ends it), its
 * content indented `trim` columns; `folded` for `>`, `chomp` '-' (strip), '+' (keep) or '' (clip).
 */
export function blockScalarValue(source: string, trim: number, folded: boolean, chomp: string): string {
  const lines = source.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  let value = '';
  let sep = '';
  let moreIndented = false;
  let i = 0;
  // Empty lines before the first content line are kept as line breaks.
  for (; i < end && lines[i] === ''; i++) value += '\n';
  for (; i < end; i++) {
    const line = lines[i] as string;
    const body = line.slice(trim);
    if (!folded) {
      value += sep + body;
      sep = '\n';
    } else if (line === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else if (body.charCodeAt(0) === 32) {
      // A more-indented line keeps its line breaks.
      if (sep === ' ') sep = '\n';
      else if (!moreIndented && sep === '\n') sep = '\n\n';
      value += sep + body;
      sep = '\n';
      moreIndented = true;
    } else {
      value += sep + body;
      sep = ' ';
      moreIndented = false;
    }
  }
  if (chomp === '-') return value;
  if (chomp === '') return `${value}\n`;
  value += '\n'.repeat(lines.length - end);
  return value.endsWith('\n') ? value : `${value}\n`;
}
