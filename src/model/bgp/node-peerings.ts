// model: one node's BIRD peerings — confd's processMeshPeers and buildPeerFromData (bgp_processor.go):
// the node-to-node mesh, then the global and node-specific peerings, sorted by protocol name.
import type { BgpGlobals } from './bgp-globals.js';
import type { ExpandedPeers, PeerData } from './expand-peer-rules.js';
import type { NodeBgpState } from './node-bgp-state.js';
import type { BgpPeering } from './types.js';

/** Nodes that take part in the mesh (not reflectors), sorted by their `Mesh_` protocol name. */
export interface MeshMember {
  readonly node: NodeBgpState;
  readonly protocolName: string;
}

/** The mesh members of a cluster in protocol-name order, computed once for all nodes. */
export function meshMembers(nodes: readonly NodeBgpState[]): MeshMember[] {
  return nodes
    .filter((n) => n.ip !== '' && n.clusterId === '')
    .map((n) => ({ node: n, protocolName: protocolName('Mesh', n.ip) }))
    .sort((a, b) => byName(a.protocolName, b.protocolName));
}

/** Every peering of `node`, sorted by protocol name (Go string order, as confd sorts). */
export function nodePeerings(
  node: NodeBgpState,
  mesh: readonly MeshMember[],
  expanded: ExpandedPeers,
  globals: BgpGlobals,
): BgpPeering[] {
  const explicit: BgpPeering[] = [];
  for (const p of expanded.global) pushDefined(explicit, buildPeering(p, 'Global', node));
  for (const p of expanded.byNode.get(node.name) ?? []) pushDefined(explicit, buildPeering(p, 'Node', node));
  const meshed = meshPeerings(node, mesh, globals);
  if (explicit.length === 0) return meshed;
  explicit.sort((a, b) => byName(a.protocolName, b.protocolName));
  if (meshed.length === 0) return explicit;
  // Both lists are sorted: merge them.
  const out: BgpPeering[] = [];
  let i = 0;
  let j = 0;
  while (i < meshed.length || j < explicit.length) {
    const a = meshed[i];
    const b = explicit[j];
    if (b === undefined || (a !== undefined && byName(a.protocolName, b.protocolName) <= 0)) {
      out.push(a as BgpPeering);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pushDefined(out: BgpPeering[], p: BgpPeering | undefined): void {
  if (p !== undefined) out.push(p);
}

/** BIRD protocol name: `<Prefix>_<ip with dots as _>`, plus `_port_<n>` for explicit peers with a port. */
export function protocolName(prefix: string, ip: string, port = 0): string {
  const base = `${prefix}_${ip.replaceAll('.', '_')}`;
  return port > 0 ? `${base}_port_${port}` : base;
}

/**
 * The full mesh: a reflector (cluster ID set) skips it entirely; other nodes peer with every node that
 * is not a reflector. The remote AS is the remote's own AS if set, else THIS node's AS (confd falls back
 * to config.ASNumber). Passive on the side whose peer IP string is greater (Go string compare).
 * Hot for large meshes (n² peerings): one fixed-shape object per peering, names precomputed.
 */
export function meshPeerings(node: NodeBgpState, mesh: readonly MeshMember[], globals: BgpGlobals): BgpPeering[] {
  if (node.clusterId !== '' || !globals.meshEnabled) return [];
  const out: BgpPeering[] = [];
  const restart = globals.nodeMeshMaxRestartTime;
  for (const m of mesh) {
    const peer = m.node;
    if (peer.ip === node.ip) continue;
    out.push({
      protocolName: m.protocolName,
      kind: 'mesh',
      peerName: peer.name,
      peerIsNode: true,
      peerIp: peer.ip,
      peerPort: peer.listenPort > 0 ? peer.listenPort : undefined,
      peerAs: peer.explicitAs ?? node.asNumber,
      localAs: node.asNumber,
      passive: peer.ip > node.ip,
      rrClient: false,
      sourceAddress: node.ip,
      gracefulRestartTime: restart,
      nextHopMode: 'Auto',
    });
  }
  return out;
}

/** confd buildPeerFromData for a `Global_` or `Node_` peering; undefined for a peering to itself. */
export function buildPeering(p: PeerData, prefix: 'Global' | 'Node', node: NodeBgpState): BgpPeering | undefined {
  if (p.peerIp === node.ip) return undefined;
  const localAs = p.localAs ?? node.asNumber;
  const sameAs = p.asNumber === localAs;
  // On a reflector, every iBGP peer without the same cluster ID is a client (bgp_processor.go).
  const rrClient = sameAs && node.clusterId !== '' && p.rrClusterId !== node.clusterId;
  // Legacy keepOriginalNextHop only applies to eBGP peers.
  const keep = p.nextHopMode === 'Keep' || (p.keepNextHop && !sameAs);
  const nextHopMode = keep ? 'Keep' : p.nextHopMode === 'Self' ? 'Self' : 'Auto';
  return {
    protocolName: protocolName(prefix, p.peerIp, p.port),
    kind: prefix === 'Global' ? 'global' : 'node',
    peerName: p.remoteName,
    peerIsNode: p.remoteIsNode,
    peerIp: p.peerIp,
    ...(p.port > 0 ? { peerPort: p.port } : {}),
    peerAs: p.asNumber,
    localAs,
    ...(p.localAs !== undefined ? { localAsSet: true } : {}),
    // Global peers that are Calico nodes follow the mesh's string rule.
    passive: prefix === 'Global' && p.calicoNode && p.peerIp > node.ip,
    rrClient,
    ...(rrClient ? { rrClusterId: node.clusterId } : {}),
    ...(p.sourceAddr === 'UseNodeIP' ? { sourceAddress: node.ip } : {}),
    ...(p.restartTime !== undefined ? { gracefulRestartTime: p.restartTime } : {}),
    ...(p.keepaliveTime !== undefined ? { keepaliveTime: p.keepaliveTime } : {}),
    ...(p.ttlSecurity > 0 ? { ttlSecurity: p.ttlSecurity } : {}),
    nextHopMode,
    ...(p.numAllowLocalAs > 0 ? { numAllowedLocalASNumbers: p.numAllowLocalAs } : {}),
    ...(p.reachableBy !== undefined ? { reachableBy: p.reachableBy } : {}),
    origin: p.origin,
  };
}
