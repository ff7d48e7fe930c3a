// cli: where a field path (`[2].headers.a`) sits in a JSON file given by an option (`request --requests`),
// as a line and column — its key where the path ends at a member, else the deepest node that exists.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourceRef } from '../../lib/diagnostics.js';

/** The position of `path` in `text` (JSON is YAML: the yaml library keeps each node's range). */
export function jsonPosition(text: string, file: string, path: string): SourceRef {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  let at: Node | null = doc.contents;
  let offset = at?.range?.[0] ?? 0;
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined && isSeq(at)) at = (at.items[Number(m[1])] as Node | undefined) ?? null;
    else if (m[2] !== undefined && isMap(at)) {
      const pair = at.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === m[2]);
      // A member is reported at its key; the walk goes on into its value.
      if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      at = pair ? (pair.value as Node | null) : null;
      if (pair) continue;
    } else at = null;
    if (!at) break;
    offset = at.range?.[0] ?? offset;
  }
  const { line, col } = lc.linePos(offset);
  return { file, line, col };
}
