// engine/bgp: the state of every configured session end, without the route counters sessionReports
// computes (a pass over the speaker's RIB per session): what a check of session states needs.
import type { IntList } from '../../../lib/containers/int-list.js';
import { formatIpv4 } from '../../../lib/ipv4.js';
import type { BgpNetwork } from '../bgp-network.js';
import { C_CONFIGURED, EB_CFG, EB_ST, EI_SPK, END_B, END_I, STATE_NAMES } from '../tables/end-table.js';

/** A session end's node, peer, protocol name, state and last error, as in its SessionReport. */
export interface SessionState {
  readonly node: string;
  readonly peer: string;
  readonly protocol: string;
  readonly state: string;
  readonly lastError: string;
}

/** Every configured session end of the Calico nodes, in sessionReports' order. */
export function sessionStates(net: BgpNetwork): SessionState[] {
  const { ends, spk } = net.core;
  const out: SessionState[] = [];
  for (let y = 0; y < spk.count; y++) {
    if (spk.isNode[y] !== 1) continue;
    for (const n of (spk.ends[y] as IntList).view()) {
      if (((ends.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
      const r = ends.i32[(n ^ 1) * END_I + EI_SPK] as number;
      const unknown = ends.unknownPeer.get(n);
      const peerIp = r >= 0 ? formatIpv4(spk.ip[r] as number) : (unknown?.ip ?? '?');
      out.push({
        node: net.nameOf(y),
        peer: r >= 0 ? net.nameOf(r) : (unknown?.name ?? '?'),
        protocol: ends.protocolName(n, peerIp),
        state: spk.alive[y] === 1 ? (STATE_NAMES[ends.u8[n * END_B + EB_ST] as number] as string) : 'Down',
        lastError: ends.lastError.get(n) ?? '',
      });
    }
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => cmp(a.node, b.node) || cmp(a.peer, b.peer) || cmp(a.protocol, b.protocol));
}
