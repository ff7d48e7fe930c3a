// model: one node's BIRD peerings — confd's processMeshPeers and buildPeerFromData (bgp_processor.go):
// the node-to-node mesh, then the global and node-specific peerings, sorted by protocol name. The mesh is
// kept as one shared member list (NodeBgpConfig.mesh); `nodePeerings` expands it where a consumer needs
// every protocol of a node (BIRD configuration, reports, reconfiguration).
import type { BgpGlobals } from './bgp-globals.js';
import type { ExpandedPeers, PeerData } from './expand-peer-rules.js';
import type { NodeBgpState } from './node-bgp-state.js';
import type { BgpMesh, BgpMeshMember, BgpPeering, NodeBgpConfig } from './types.js';

/** The cluster's mesh: nodes that take part (not reflectors) in protocol-name order, computed once. */
export function clusterMesh(nodes: readonly NodeBgpState[], globals: BgpGlobals): BgpMesh {
  const members: BgpMeshMember[] = nodes
    .filter((n) => n.ip !== '' && n.clusterId === '')
    .map((n) => ({
      name: n.name,
      ip: n.ip,
      protocolName: protocolName('Mesh', n.ip),
      ...(n.listenPort > 0 ? { port: n.listenPort } : {}),
      ...(n.explicitAs !== undefined ? { asNumber: n.explicitAs } : {}),
    }))
    .sort((a, b) => byName(a.protocolName, b.protocolName));
  return { members, ...(globals.nodeMeshMaxRestartTime !== undefined ? { gracefulRestartTime: globals.nodeMeshMaxRestartTime } : {}) };
}

/** Whether a node takes part in the mesh: a reflector (cluster ID set) skips it entirely. */
export function inMesh(node: NodeBgpState, globals: BgpGlobals): boolean {
  return node.clusterId === '' && globals.meshEnabled;
}

/** A node's `Global_` and `Node_` peerings, sorted by protocol name (Go string order, as confd sorts). */
export function explicitPeerings(node: NodeBgpState, expanded: ExpandedPeers): BgpPeering[] {
  const out: BgpPeering[] = [];
  for (const p of expanded.global) pushDefined(out, buildPeering(p, 'Global', node));
  for (const p of expanded.byNode.get(node.name) ?? []) pushDefined(out, buildPeering(p, 'Node', node));
  return out.sort((a, b) => byName(a.protocolName, b.protocolName));
}

/** The address part of a node's `ipv4Address`. */
function nodeAddress(cfg: NodeBgpConfig): string {
  const i = cfg.ipv4Address.indexOf('/');
  return i < 0 ? cfg.ipv4Address : cfg.ipv4Address.slice(0, i);
}

/**
 * The `Mesh_` peering of the node configured by `cfg` towards mesh member m. The remote AS is the
 * member's own AS if set, else this node's AS (confd falls back to config.ASNumber); passive on the side
 * whose peer IP string is greater (Go string compare).
 */
export function meshPeering(cfg: NodeBgpConfig, mesh: BgpMesh, m: BgpMeshMember, ip: string): BgpPeering {
  return {
    protocolName: m.protocolName,
    kind: 'mesh',
    peerName: m.name,
    peerIsNode: true,
    peerIp: m.ip,
    peerPort: m.port,
    peerAs: m.asNumber ?? cfg.asNumber,
    localAs: cfg.asNumber,
    passive: m.ip > ip,
    rrClient: false,
    sourceAddress: ip,
    gracefulRestartTime: mesh.gracefulRestartTime,
    nextHopMode: 'Auto',
  };
}

/**
 * Walks every BIRD protocol of a node in protocol-name order, as confd renders them: its explicit peerings
 * merged with its mesh peerings (every member but the node itself), calling `peer` for an explicit one and
 * `member(m, i, ip)` for mesh member i (`ip`: the node's own address) — without building mesh peerings.
 */
export function forEachProtocol(
  cfg: NodeBgpConfig,
  peer: (q: BgpPeering) => void,
  member: (m: BgpMeshMember, i: number, ip: string) => void,
): void {
  const peers = cfg.peers;
  let j = 0;
  const mesh = cfg.mesh;
  if (mesh !== undefined) {
    const ip = nodeAddress(cfg);
    for (let i = 0; i < mesh.members.length; i++) {
      const m = mesh.members[i] as BgpMeshMember;
      if (m.ip === ip) continue;
      while (j < peers.length && byName((peers[j] as BgpPeering).protocolName, m.protocolName) < 0) peer(peers[j++] as BgpPeering);
      member(m, i, ip);
    }
  }
  while (j < peers.length) peer(peers[j++] as BgpPeering);
}

/** Every BIRD protocol of a node, the mesh expanded, in protocol-name order. */
export function nodePeerings(cfg: NodeBgpConfig): BgpPeering[] {
  const out: BgpPeering[] = [];
  forEachProtocol(
    cfg,
    (q) => out.push(q),
    (m, _i, ip) => out.push(meshPeering(cfg, cfg.mesh as BgpMesh, m, ip)),
  );
  return out;
}

/** Go string order. */
export function byName(a: string, b: string): number {
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
