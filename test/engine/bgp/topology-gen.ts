// test helper (also used by bench/b05..b07): synthetic Calico BGP configurations — a node-to-node mesh
// or route reflectors with clients — as calico-node would render them (NodeBgpConfig per node).
import { formatIpv4 } from '../../../src/lib/ipv4.js';
import { byName, protocolName } from '../../../src/model/bgp/node-peerings.js';
import type { BgpMesh, BgpPeering, BgpPool, NodeBgpConfig } from '../../../src/model/bgp/types.js';

export interface TopologyOptions {
  readonly tenant?: string;
  readonly asNumber?: number;
  /** Blocks per node (/26 each). */
  readonly blocks?: number;
  readonly serviceCidrs?: readonly string[];
}

const NODE_BASE = 0xac100000; // 172.16.0.0/12
const POOL_BASE = 0x40000000; // 64.0.0.0

/** Address of node i. */
export function nodeIp(i: number): string {
  return formatIpv4(NODE_BASE + i + 1);
}

/** The i-th /26 block of the synthetic pool. */
export function blockCidr(k: number): string {
  return `${formatIpv4(POOL_BASE + k * 64)}/26`;
}

function pool(totalBlocks: number): BgpPool {
  let len = 26;
  while (2 ** (26 - len) < totalBlocks) len--;
  return { cidr: `${formatIpv4(POOL_BASE)}/${len}`, ipipMode: 'Never', vxlanMode: 'Never', disableBGPExport: false, disabled: false };
}

/** A `Node_` peering (BGPPeer with node/peerSelector), as a client towards a reflector or back. */
function peering(me: string, peerIp: string, peerName: string, as: number, rr?: string): BgpPeering {
  return {
    protocolName: protocolName('Node', peerIp),
    kind: 'node',
    peerName,
    peerIsNode: true,
    peerIp,
    peerAs: as,
    localAs: as,
    // The mesh's rule (string comparison of the addresses), so no connections cross and B6/B7 keep their
    // timings; Calico renders these Node_ peerings with no passive side (collision.test.ts builds those).
    passive: peerIp > me,
    rrClient: rr !== undefined,
    rrClusterId: rr,
    nextHopMode: 'Auto',
  };
}

function node(i: number, name: string, o: TopologyOptions, peers: BgpPeering[], total: number, rr?: string): NodeBgpConfig {
  const k = o.blocks ?? 1;
  return {
    tenant: o.tenant ?? 't1',
    node: name,
    ipv4Address: `${nodeIp(i)}/12`,
    routerId: nodeIp(i),
    asNumber: o.asNumber ?? 64512,
    routeReflectorClusterId: rr,
    listenPort: 179,
    peers,
    blocks: Array.from({ length: k }, (_, j) => blockCidr(i * k + j)),
    borrowed: [],
    pools: [pool(total * k)],
    serviceCidrs: [...(o.serviceCidrs ?? [])],
  };
}

/** n nodes `node-0..` in a full node-to-node mesh (every configuration shares the member list). */
export function meshConfigs(n: number, o: TopologyOptions = {}): NodeBgpConfig[] {
  const members = Array.from({ length: n }, (_, i) => ({ name: `node-${i}`, ip: nodeIp(i), protocolName: protocolName('Mesh', nodeIp(i)) }));
  const mesh: BgpMesh = { members: members.sort((a, b) => byName(a.protocolName, b.protocolName)) };
  return Array.from({ length: n }, (_, i) => ({ ...node(i, `node-${i}`, o, [], n), mesh }));
}

/** `reflectors` route reflectors `rr-0..` (one cluster id, as Calico's recipe) and `clients` clients
 *  `node-0..`; every node peers with every reflector, reflectors with each other as non-clients. */
export function reflectorConfigs(clients: number, reflectors: number, o: TopologyOptions = {}, clusterId = '224.0.0.1'): NodeBgpConfig[] {
  const as = o.asNumber ?? 64512;
  const total = clients + reflectors;
  const ips = Array.from({ length: total }, (_, i) => nodeIp(i));
  const names = Array.from({ length: total }, (_, i) => (i < reflectors ? `rr-${i}` : `node-${i - reflectors}`));
  return names.map((name, i) => {
    const me = ips[i] as string;
    const ps: BgpPeering[] = [];
    if (i < reflectors) {
      for (let j = 0; j < total; j++) {
        if (j === i) continue;
        ps.push(peering(me, ips[j] as string, names[j] as string, as, j < reflectors ? undefined : clusterId));
      }
    } else {
      for (let j = 0; j < reflectors; j++) ps.push(peering(me, ips[j] as string, names[j] as string, as));
    }
    return node(i, name, o, ps, total, i < reflectors ? clusterId : undefined);
  });
}
