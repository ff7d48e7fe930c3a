// Test helper: positioned trees in their public shape — every node a plain object with its `src` (and every entry
// its `keySrc`) as a {file, line, col} value — so trees built with positions packed into the nodes (the direct
// block reader's) compare field for field with the reference readers' plain trees.
import type { PEntry, PValue } from '../../../src/scenario/read/positioned.js';

export function publicTree(v: PValue): PValue {
  const src = { ...v.src };
  if (v.kind === 'seq') return { kind: 'seq', items: v.items.map(publicTree), src };
  if (v.kind === 'map') return { kind: 'map', entries: v.entries.map(publicEntry), src };
  return { kind: 'scalar', value: v.value, src, ...(v.raw === undefined ? {} : { raw: v.raw }), ...(v.generated === undefined ? {} : { generated: v.generated }) };
}

function publicEntry(e: PEntry): PEntry {
  return { key: e.key, keySrc: { ...e.keySrc }, value: publicTree(e.value) };
}

/** The documents in their public shape (undefined stays undefined). */
export function publicTrees(docs: readonly PValue[] | undefined): PValue[] | undefined {
  return docs?.map(publicTree);
}
