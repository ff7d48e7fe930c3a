// engine/bgp: a node's first best paths — the first `cap` prefixes of nodeRoutes' order (address, then
// length) with their best path's next hop and peer, without building every path of every prefix (the page
// lists a few per node for thousands of nodes).
import { formatCidr, formatIpv4 } from '../../../lib/ipv4.js';
import type { BgpNetwork } from '../bgp-network.js';
import { bestOf } from '../decision/set-decision.js';
import { F_LOCAL } from '../tables/path-sets.js';

/** A prefix and its best path, as nodeRoutes marks it (`best: true`). */
export interface BestRoute {
  readonly prefix: string;
  readonly nextHop: string;
  readonly peer: string;
}

/** nodeRoutes(net, y).slice(0, cap), each prefix's best path only (a prefix without one is left out). */
export function nodeBestRoutes(net: BgpNetwork, y: number, cap: number): BestRoute[] {
  const core = net.core;
  const { sets, attrs, classes } = core;
  const row = core.rows[y] as Int32Array;
  const held: { base: number; len: number; set: number }[] = [];
  for (let c = 0; c < classes.count; c++) {
    const set = row[c] as number;
    if (set === 0) continue;
    for (const q of classes.members[c] as number[]) held.push({ base: classes.pBase[q] as number, len: classes.pLen[q] as number, set });
  }
  held.sort((a, b) => a.base - b.base || a.len - b.len);
  const out: BestRoute[] = [];
  for (const { base, len, set } of held.slice(0, cap)) {
    const best = bestOf(core, set);
    const o = sets.off[set] as number;
    for (let i = 0; i < (sets.len[set] as number); i++) {
      const e = sets.pool[o + i] as number;
      if (e !== best) continue;
      const peer = ((sets.elemFlags[e] as number) & F_LOCAL) !== 0 ? 'local' : net.nameOf(sets.fromOf(e));
      out.push({ prefix: formatCidr({ base, len }), nextHop: formatIpv4(attrs.get(sets.elemAttr[e] as number).nextHop), peer });
    }
  }
  return out;
}
