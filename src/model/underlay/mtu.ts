// model: MTU arithmetic — Felix's tunnel and pod MTUs from the host MTU (int_dataplane.go
// ConfigureDefaultMTUs / determinePodMTU), the MTU of a path of nested layers, and what happens to a packet
// larger than a hop's MTU (routing-ingress-semantics.md §2.5).
import { IPIP_OVERHEAD, VXLAN_OVERHEAD, type EncapKind } from './encapsulation.js';

/** Felix's overheads (int_dataplane.go). */
export const VXLAN_V6_OVERHEAD = 70;
export const WIREGUARD_OVERHEAD = 60;
export const WIREGUARD_V6_OVERHEAD = 80;

/** Which encapsulations are enabled on a node (IPIP/VXLAN: some pool has a non-Never mode). */
export interface EncapFlags {
  readonly ipip: boolean;
  readonly vxlan: boolean;
  readonly vxlanV6?: boolean;
  readonly wireguard?: boolean;
}

/** Felix's MTUs: each tunnel device's, and the pod MTU written to /var/lib/calico/mtu for the CNI plugin. */
export interface CalicoMtus {
  readonly ipip: number;
  readonly vxlan: number;
  readonly vxlanV6: number;
  readonly wireguard: number;
  readonly pod: number;
}

/**
 * Tunnel MTUs default to host MTU − overhead; `vethMtu` > 0 (the manifest's veth_mtu, which sets
 * FELIX_IPINIPMTU/VXLANMTU/WIREGUARDMTU and the CNI mtu) replaces them all and is the pod MTU. Otherwise
 * the pod MTU is the smallest MTU among enabled encapsulations, or the host MTU when none is enabled.
 */
export function calicoMtus(hostMtu: number, flags: EncapFlags, vethMtu = 0): CalicoMtus {
  const fixed = vethMtu > 0;
  const ipip = fixed ? vethMtu : hostMtu - IPIP_OVERHEAD;
  const vxlan = fixed ? vethMtu : hostMtu - VXLAN_OVERHEAD;
  const vxlanV6 = fixed ? vethMtu : hostMtu - VXLAN_V6_OVERHEAD;
  const wireguard = fixed ? vethMtu : hostMtu - WIREGUARD_OVERHEAD;
  if (fixed) return { ipip, vxlan, vxlanV6, wireguard, pod: vethMtu };
  let pod = 0;
  const consider = (enabled: boolean | undefined, mtu: number): void => {
    if (enabled === true && (pod === 0 || mtu < pod)) pod = mtu;
  };
  consider(flags.ipip, ipip);
  consider(flags.vxlan, vxlan);
  consider(flags.vxlanV6, vxlanV6);
  consider(flags.wireguard, wireguard);
  return { ipip, vxlan, vxlanV6, wireguard, pod: pod === 0 ? hostMtu : pod };
}

/** The pod MTU Calico gives workloads on a node whose NIC MTU is `hostMtu`. */
export function calicoPodMtu(hostMtu: number, flags: EncapFlags, vethMtu = 0): number {
  return calicoMtus(hostMtu, flags, vethMtu).pod;
}

/** One hop of a path: its link MTU and the tunnel headers the packet carries on it. */
export interface MtuLayer {
  readonly mtu: number;
  readonly overhead: number;
}

/** Largest inner packet that crosses every hop unfragmented: min over hops of (link MTU − headers carried). */
export function pathMtu(layers: readonly MtuLayer[]): number {
  let m = Infinity;
  for (const l of layers) m = Math.min(m, l.mtu - l.overhead);
  return m;
}

export type MtuOutcome = 'ok' | 'fragmented' | 'dropped-icmp-frag-needed' | 'dropped-silently';

/**
 * A packet of `packetSize` bytes (as on that hop, headers included) meets a hop of `mtu`. Not
 * encapsulated (plain forwarding, or the inner packet at a tunnel entry): DF → dropped with ICMP
 * frag-needed to the sender, no DF → fragmented. Inside IPIP (tunl0 does path-MTU discovery, outer DF
 * set): the encapsulator learns the PMTU and reports frag-needed to the inner sender when the inner packet
 * has DF, else fragments it. Inside VXLAN (Linux leaves the outer DF unset): the underlay fragments the
 * outer packet and the receiving VTEP may discard fragments (RFC 7348 §4.3) — modelled as a silent drop.
 */
export function overMtu(packetSize: number, mtu: number, df: boolean, encap: EncapKind): MtuOutcome {
  if (packetSize <= mtu) return 'ok';
  if (encap === 'vxlan') return 'dropped-silently';
  return df ? 'dropped-icmp-frag-needed' : 'fragmented';
}
