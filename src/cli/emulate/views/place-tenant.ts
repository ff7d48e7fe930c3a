// cli/emulate: where each speaker of a tenant sits on the emulated underlay — a node at its model address
// in its subnet (flannel: the host lease, whose bridge .1 is the gateway; otherwise the subnet's first
// address), an external peer in the subnet of a node that contains its address, else in a /24 of its own.
import type { NodeBgpConfig } from '../../../model/bgp/types.js';
import type { ModelCluster, ModelNode } from '../../../model/types.js';
import { cidrContains, maskOf, parseIpv4 } from '../../../lib/ipv4.js';
import type { ExternalPeerSpec } from '../../../scenario/types.js';
import type { NodePlace } from './sim-view.js';

export interface PlacedSpeaker {
  /** Speaker name in the simulation. */
  readonly speaker: string;
  /** Short name, used for the namespace. */
  readonly short: string;
  readonly place: NodePlace;
  readonly config?: NodeBgpConfig;
  readonly external?: ExternalPeerSpec;
}

function gatewayOf(cluster: ModelCluster, ip: number, prefixLen: number): number {
  const lease = cluster.underlay.flannel?.leases.find((l) => cidrContains(l.subnet, ip));
  if (lease !== undefined) return lease.gateway;
  return (((ip & maskOf(prefixLen)) >>> 0) + 1) >>> 0;
}

export function placeNode(cluster: ModelCluster, node: ModelNode, speaker: string, config: NodeBgpConfig): PlacedSpeaker {
  return { speaker, short: node.shortName, config, place: { ip: node.ip, prefixLen: node.prefixLen, gateway: gatewayOf(cluster, node.ip, node.prefixLen) } };
}

export function placeExternal(nodes: readonly PlacedSpeaker[], spec: ExternalPeerSpec, speaker: string, index: number): PlacedSpeaker {
  const ip = parseIpv4(spec.peerIP);
  const home = nodes.find((n) => ((n.place.ip & maskOf(n.place.prefixLen)) >>> 0) === ((ip & maskOf(n.place.prefixLen)) >>> 0));
  if (home !== undefined) return { speaker, short: `x${index}`, external: spec, place: { ...home.place, ip } };
  const base = (ip & maskOf(24)) >>> 0;
  const gateway = (ip & 0xff) === 1 ? base + 254 : base + 1;
  return { speaker, short: `x${index}`, external: spec, place: { ip, prefixLen: 24, gateway } };
}
