// scenario: the text of a literal (`|`) or folded (`>`) block scalar → its value, as yaml/dist/compose/
// resolve-block-scalar.js computes it (YAML 1.2 §8.1: folding, chomping), for the direct reader's subset: no
// indentation indicator, no tab, no CR, no whitespace-only line (the reader declines those before).

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
