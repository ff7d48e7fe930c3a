// engine/bgp: the prefixes a speaker holds a path for, as (base, length) pairs and in no particular
// order — what a scan for misplaced prefixes needs, without building nodeRoutes' paths.
import type { BgpNetwork } from '../bgp-network.js';

/** Calls `visit` with each prefix speaker `name` holds a path for; stops when it returns true. */
export function somePrefix(net: BgpNetwork, name: string, visit: (base: number, len: number) => boolean): boolean {
  const core = net.core;
  const { classes } = core;
  const row = core.rows[net.speaker(name)] as Int32Array;
  for (let c = 0; c < classes.count; c++) {
    if (row[c] === 0) continue;
    for (const q of classes.members[c] as number[]) if (visit(classes.pBase[q] as number, classes.pLen[q] as number)) return true;
  }
  return false;
}
