// cli: where a field path (`[2].headers.a`) sits in a JSON file given by an option (`request --requests`,
// `reach --probes`), as a line and column — its key where the path ends at a member, else the deepest node that
// exists. The readers of those files name a field by its path alone; a member's key is where an unknown field
// was written, and the line of its member for the other problems.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourceRef } from '../../lib/diagnostics.js';

/** The positions of paths in `text`, read once (JSON is YAML: the yaml library keeps each node's range). */
export function jsonPositions(text: string, file: string): (path: string) => SourceRef {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return (path) => {
    const { line, col } = lc.linePos(offsetOf(doc.contents, path));
    return { file, line, col };
  };
}

function offsetOf(root: Node | null, path: string): number {
  let at = root;
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
  return offset;
}
