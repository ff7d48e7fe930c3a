// engine/bgp: forwarding tables from the RIB. `nodeFib` materialises one node's FIB as a stride trie
// (prefix → ECMP next-hop group). `sharedFib` is the design for thousands of nodes: one longest-prefix
// index over every prefix any node holds, and per node only its RIB row — a lookup finds the longest
// prefix, then falls back along covering prefixes while the node has no route for it (exact LPM).
import { buildPrefixIndex, type PrefixIndex } from '../../../compile/fib/prefix-index.js';
import { buildStrideTrie, type StrideTrie } from '../../../compile/fib/stride-trie.js';
import type { BgpNetwork } from '../bgp-network.js';
import { NHG_NONE } from '../tables/next-hop-groups.js';
import { nhOf } from '../decision/set-decision.js';

/** A node's FIB: next-hop group per address (0 none, 1 blackhole, 2 local, ≥ 3 see `hops`). */
export interface NodeFib {
  readonly trie: StrideTrie;
  lookup(ip: number): number;
  /** Next-hop addresses of a group. */
  hops(group: number): readonly number[];
  /** Number of prefixes installed. */
  readonly size: number;
}

/** Materialises the FIB of node `name` from its Loc-RIB. */
export function nodeFib(net: BgpNetwork, name: string): NodeFib {
  const core = net.core;
  const y = net.speaker(name);
  const { classes } = core;
  const row = core.rows[y] as Int32Array;
  const bases: number[] = [];
  const lens: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < classes.count; c++) {
    const g = nhOf(core, row[c] as number);
    if (g === NHG_NONE) continue;
    for (const q of classes.members[c] as number[]) {
      bases.push(classes.pBase[q] as number);
      lens.push(classes.pLen[q] as number);
      values.push(g);
    }
  }
  const trie = buildStrideTrie(bases, lens, values);
  return { trie, lookup: (ip) => trie.lookup(ip), hops: (g) => core.groups.hops[g] ?? [], size: values.length };
}

/** One index shared by all nodes; per-node lookups read the node's RIB row. */
export interface SharedFib {
  readonly index: PrefixIndex;
  /** Next-hop group of `ip` at speaker y. */
  lookup(y: number, ip: number): number;
}

export function sharedFib(net: BgpNetwork): SharedFib {
  const core = net.core;
  const { classes } = core;
  const n = classes.pCount;
  const index = buildPrefixIndex(classes.pBase.subarray(0, n), classes.pLen.subarray(0, n), n);
  const parent = index.parent;
  return {
    index,
    lookup(y: number, ip: number): number {
      const row = core.rows[y] as Int32Array;
      let q = index.lookup(ip);
      while (q >= 0) {
        const g = nhOf(core, row[classes.pCls[q] as number] as number);
        if (g !== NHG_NONE) return g;
        q = parent[q] as number;
      }
      return NHG_NONE;
    },
  };
}
