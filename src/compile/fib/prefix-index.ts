// compile: the shared FIB skeleton — one stride trie over the union of all prefixes that any node holds,
// mapping an address to the index of its longest prefix, plus each prefix's longest strictly shorter
// covering prefix. A node's FIB is then this index plus the node's value per prefix: when the node has no
// route for the longest prefix, the lookup falls back along `parent` (exact longest-prefix semantics).
import { StrideTrieBuilder, type StrideTrie, lpmLookup } from './stride-trie.js';

/** Longest-prefix index over a prefix table. */
export interface PrefixIndex {
  readonly trie: StrideTrie;
  /** Longest strictly shorter prefix containing prefix i, or -1. */
  readonly parent: Int32Array;
  /** Index of the longest prefix containing `ip`, or -1. */
  lookup(ip: number): number;
}

/** Builds the index; duplicate prefixes are not allowed (each must appear once). */
export function buildPrefixIndex(bases: ArrayLike<number>, lens: ArrayLike<number>, count = lens.length): PrefixIndex {
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (x, y) => (lens[x] as number) - (lens[y] as number) || x - y,
  );
  const parent = new Int32Array(count).fill(-1);
  const b = new StrideTrieBuilder(count);
  let i = 0;
  while (i < count) {
    // All prefixes of one length find their parent among strictly shorter ones, then are inserted.
    const len = lens[order[i] as number] as number;
    let j = i;
    while (j < count && lens[order[j] as number] === len) {
      const p = order[j] as number;
      parent[p] = b.lookup(bases[p] as number) - 1;
      j++;
    }
    for (let k = i; k < j; k++) {
      const p = order[k] as number;
      b.insert(bases[p] as number, len, p + 1);
    }
    i = j;
  }
  const trie = b.build();
  return {
    trie,
    parent,
    lookup: (ip: number): number => lpmLookup(trie.root, trie.chunks2, trie.chunks3, ip) - 1,
  };
}
