// engine/bgp: the route one node's forwarding takes to one address, read straight from its RIB row — what
// `nodeFib(net, name).lookup(ip)` answers (the next-hop group of the longest installed prefix containing the
// address) and the longest prefix the node holds any path for (nodeRoutes' prefixes), without materialising a
// FIB (a 1 MB stride trie per lookup when a page traces hundreds of packets in one state).
import { NHG_NONE } from '../tables/next-hop-groups.js';
import { nhOf } from '../decision/set-decision.js';
import type { BgpNetwork } from '../bgp-network.js';
import { maskOf } from '../../../lib/ipv4.js';

/** The group (0 none, 1 blackhole, 2 local, >= 3 `core.groups.hops`) and the longest held prefix, if any. */
export interface NodeRoute {
  readonly group: number;
  readonly held: { readonly base: number; readonly len: number } | undefined;
}

/** The route of speaker y to `ip` in its current RIB. */
export function nodeRoute(net: BgpNetwork, y: number, ip: number): NodeRoute {
  const core = net.core;
  const { classes } = core;
  const row = core.rows[y] as Int32Array;
  let group = NHG_NONE;
  let groupLen = -1;
  let heldQ = -1;
  for (let c = 0; c < classes.count; c++) {
    const set = row[c] as number;
    // Every class's group is decided, as materialising the FIB does (deciding interns next-hop groups).
    const g = nhOf(core, set);
    if (set === 0) continue;
    for (const q of classes.members[c] as number[]) {
      const len = classes.pLen[q] as number;
      const mask = maskOf(len);
      if (((ip & mask) >>> 0) !== (classes.pBase[q] as number)) continue;
      if (heldQ < 0 || len > (classes.pLen[heldQ] as number)) heldQ = q;
      if (g !== NHG_NONE && len > groupLen) {
        group = g;
        groupLen = len;
      }
    }
  }
  return { group, held: heldQ < 0 ? undefined : { base: classes.pBase[heldQ] as number, len: classes.pLen[heldQ] as number } };
}
