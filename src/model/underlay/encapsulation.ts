// model: which tunnel a packet between two nodes takes — Calico's per-pool IPIP/VXLAN modes (Always,
// CrossSubnet, Never; felix/calc/l3_route_resolver.go and encapsulation_resolver.go) and flannel's VXLAN
// between management hosts — with the header overhead and the outer addresses.
import { maskOf } from '../../lib/ipv4.js';
import type { EncapMode } from '../../scenario/types.js';

/** Header bytes each tunnel adds, counted against the underlay IP MTU (VXLAN includes the inner Ethernet header). */
export const IPIP_OVERHEAD = 20;
export const VXLAN_OVERHEAD = 50;

export type EncapKind = 'ipip' | 'vxlan' | 'none';

/**
 * The tunnel a packet takes from one node to another. `outerSrc`/`outerDst` are the underlay addresses of
 * the two ends: the outer header's addresses when encapsulated, the routing next hop's ends otherwise.
 */
export interface EncapDecision {
  readonly encap: EncapKind;
  readonly overhead: 0 | 20 | 50;
  readonly outerSrc: number;
  readonly outerDst: number;
}

/** A node's underlay interface address and prefix length (its `bgp.ipv4Address`). */
export interface NodeAddress {
  readonly ip: number;
  readonly prefixLen: number;
}

/** Felix's CrossSubnet test: the remote node's address lies inside the local node's interface subnet. */
export function sameSubnet(local: NodeAddress, remoteIp: number): boolean {
  const m = maskOf(local.prefixLen);
  return ((local.ip & m) >>> 0) === ((remoteIp & m) >>> 0);
}

/**
 * Calico's encapsulation for a packet from node `src` to a workload on the node at `dstIp`, decided by the
 * pool of the destination's block (Felix programs the route to each remote block from that block's pool).
 * Always → tunnel; CrossSubnet → tunnel only when dstIp is outside src's subnet; Never → plain route. A
 * packet to a workload on the same node is delivered locally.
 */
export function calicoEncapsulation(pool: { readonly ipipMode: EncapMode; readonly vxlanMode: EncapMode }, src: NodeAddress, dstIp: number): EncapDecision {
  if ((src.ip >>> 0) === (dstIp >>> 0)) return decision('none', src.ip, dstIp);
  const crosses = !sameSubnet(src, dstIp);
  if (pool.vxlanMode === 'Always' || (pool.vxlanMode === 'CrossSubnet' && crosses)) return decision('vxlan', src.ip, dstIp);
  if (pool.ipipMode === 'Always' || (pool.ipipMode === 'CrossSubnet' && crosses)) return decision('ipip', src.ip, dstIp);
  return decision('none', src.ip, dstIp);
}

/**
 * flannel's VXLAN between the management hosts carrying two VMs (host public addresses): VMs on the same
 * host talk over the host bridge; across hosts the frame goes through flannel.<VNI> (DirectRouting off, the
 * default).
 */
export function flannelEncapsulation(srcHostIp: number, dstHostIp: number): EncapDecision {
  return decision((srcHostIp >>> 0) === (dstHostIp >>> 0) ? 'none' : 'vxlan', srcHostIp, dstHostIp);
}

function decision(encap: EncapKind, src: number, dst: number): EncapDecision {
  const overhead = encap === 'ipip' ? IPIP_OVERHEAD : encap === 'vxlan' ? VXLAN_OVERHEAD : 0;
  return { encap, overhead, outerSrc: src >>> 0, outerDst: dst >>> 0 };
}
