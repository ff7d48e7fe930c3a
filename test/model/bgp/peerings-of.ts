// test helper: every BIRD protocol of a derived node configuration, the mesh expanded ([] for no node).
import { nodePeerings } from '../../../src/model/bgp/node-peerings.js';
import type { BgpPeering, NodeBgpConfig } from '../../../src/model/bgp/types.js';

export function peeringsOf(c: NodeBgpConfig | undefined): BgpPeering[] {
  return c === undefined ? [] : nodePeerings(c);
}
