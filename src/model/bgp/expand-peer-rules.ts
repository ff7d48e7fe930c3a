// model: BGPPeer rules into concrete peerings — a port of confd's updatePeersV1 (client.go): global
// peerings first, then node-specific ones (skipped when a global peering to the same IP:port exists),
// then the automatic reverse peerings; the first peering emitted under a key wins.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { BgpGlobals } from './bgp-globals.js';
import type { NodeBgpState } from './node-bgp-state.js';
import type { NextHopMode, PeerRule } from './peer-rule.js';

/** One peering as confd stores it under `/bgp/v1/global/peer_v4/…` or `/bgp/v1/host/<node>/peer_v4/…`. */
export interface PeerData {
  readonly peerIp: string;
  /** 0 = no port (BIRD uses 179). */
  readonly port: number;
  readonly asNumber: number;
  readonly localAs?: number;
  readonly sourceAddr: 'UseNodeIP' | 'None';
  readonly keepNextHop: boolean;
  readonly nextHopMode?: NextHopMode;
  /** peerIP peers whose address is a Calico node's (enables the passive rule for global peers). */
  readonly calicoNode: boolean;
  readonly ttlSecurity: number;
  readonly numAllowLocalAs: number;
  readonly reachableBy?: string;
  /** The remote node's route reflector cluster ID (peerSelector and reverse peerings only). */
  readonly rrClusterId: string;
  readonly restartTime?: number;
  readonly keepaliveTime?: number;
  readonly remoteName: string;
  readonly remoteIsNode: boolean;
  readonly origin: SourceRef;
}

export interface ExpandedPeers {
  /** Peerings every node has (`Global_…`), in emission order. */
  readonly global: readonly PeerData[];
  /** Node-specific peerings (`Node_…`) by local node name. */
  readonly byNode: ReadonlyMap<string, readonly PeerData[]>;
}

/** Runs confd's peering expansion over sorted rules and nodes. */
export function expandPeerRules(rules: readonly PeerRule[], nodes: readonly NodeBgpState[], globals: BgpGlobals): ExpandedPeers {
  const emitted = new Set<string>();
  const global: PeerData[] = [];
  const byNode = new Map<string, PeerData[]>();
  const emit = (local: string | undefined, p: PeerData): void => {
    const globalKey = `global|${p.peerIp}|${p.port}`;
    const key = local === undefined ? globalKey : `host|${local}|${p.peerIp}|${p.port}`;
    if (emitted.has(key)) return;
    if (local !== undefined && emitted.has(globalKey)) return;
    emitted.add(key);
    if (local === undefined) global.push(p);
    else {
      const list = byNode.get(local);
      if (list === undefined) byNode.set(local, [p]);
      else list.push(p);
    }
  };
  const matching = (rule: PeerRule, which: 'local' | 'peer'): NodeBgpState[] => {
    if (which === 'peer') return rule.peerSelector ? nodes.filter((n) => rule.peerSelector?.matches(n.labels)) : [];
    if (rule.nodeSelector) return nodes.filter((n) => rule.nodeSelector?.matches(n.labels));
    if (rule.node !== undefined) return nodes.filter((n) => n.name === rule.node);
    return [...nodes];
  };
  for (const globalPass of [true, false]) {
    for (const rule of rules) {
      const isGlobal = rule.nodeSelector === undefined && rule.node === undefined;
      if (globalPass !== isGlobal) continue;
      const peers = rule.peerSelector
        ? matching(rule, 'peer').map((n) => nodeAsPeer(n, rule, globals))
        : [ipPeer(rule, nodes, globals)];
      const locals = globalPass ? [] : matching(rule, 'local');
      for (const p of peers) {
        if (globalPass) emit(undefined, p);
        else for (const local of locals) emit(local.name, p);
      }
    }
  }
  // Reverse peerings: the nodes a rule points at peer back with the nodes the rule is on.
  for (const rule of rules) {
    if (rule.reverseManual) continue;
    const locals = rule.peerSelector
      ? matching(rule, 'peer')
      : nodesWithIpPortAndAs(nodes, globals, rule.peerIp ?? '', rule.asNumber, rule.peerPort);
    if (locals.length === 0) continue;
    const peers = matching(rule, 'local').map((n) => nodeAsPeer(n, rule, globals));
    for (const p of peers) for (const local of locals) emit(local.name, p);
  }
  return { global, byNode };
}

/** confd nodeAsBGPPeers (+ setPeerConfigFieldsFromV3Resource): a Calico node as the remote. */
function nodeAsPeer(n: NodeBgpState, rule: PeerRule, globals: BgpGlobals): PeerData {
  return {
    peerIp: n.ip,
    port: n.listenPort,
    asNumber: n.explicitAs ?? globals.asNumber,
    ...common(rule),
    ...nextHop(rule),
    calicoNode: false,
    ttlSecurity: rule.ttlSecurity,
    numAllowLocalAs: 0,
    ...(rule.reachableBy !== undefined ? { reachableBy: rule.reachableBy } : {}),
    rrClusterId: n.clusterId,
    remoteName: n.name,
    remoteIsNode: true,
    origin: rule.origin,
  };
}

/** confd's peerIP branch: the port of a matching Calico node is used when none is given. */
function ipPeer(rule: PeerRule, nodes: readonly NodeBgpState[], globals: BgpGlobals): PeerData {
  const ip = rule.peerIp ?? '';
  let port = rule.peerPort;
  if (port === 0) {
    const same = nodesWithIpPortAndAs(nodes, globals, ip, rule.asNumber, 0);
    if (same.length > 0) port = (same[0] as NodeBgpState).listenPort;
  }
  const node = nodes.find((n) => n.ip === ip);
  return {
    peerIp: ip,
    port,
    asNumber: rule.asNumber,
    ...(rule.localAs !== undefined ? { localAs: rule.localAs } : {}),
    ...common(rule),
    ...nextHop(rule),
    calicoNode: node !== undefined,
    ttlSecurity: rule.ttlSecurity,
    numAllowLocalAs: rule.numAllowedLocalAs,
    ...(rule.reachableBy !== undefined ? { reachableBy: rule.reachableBy } : {}),
    rrClusterId: '',
    remoteName: node?.name ?? rule.remoteName,
    remoteIsNode: node !== undefined,
    origin: rule.origin,
  };
}

function common(rule: PeerRule): Pick<PeerData, 'sourceAddr' | 'restartTime' | 'keepaliveTime'> {
  return {
    sourceAddr: rule.sourceAddress,
    ...(rule.maxRestartTime !== undefined ? { restartTime: rule.maxRestartTime } : {}),
    ...(rule.keepaliveTime !== undefined ? { keepaliveTime: rule.keepaliveTime } : {}),
  };
}

/** confd getNextHopMode: nextHopMode, when set, overrides the deprecated keepOriginalNextHop. */
function nextHop(rule: PeerRule): Pick<PeerData, 'keepNextHop' | 'nextHopMode'> {
  if (rule.nextHopMode !== undefined) return { keepNextHop: false, nextHopMode: rule.nextHopMode };
  return { keepNextHop: rule.keepOriginalNextHop };
}

/** confd nodesWithIPPortAndAS, including its else-if on the listen ports. */
function nodesWithIpPortAndAs(
  nodes: readonly NodeBgpState[],
  globals: BgpGlobals,
  ip: string,
  asNumber: number,
  port: number,
): NodeBgpState[] {
  const as = asNumber === 0 ? globals.asNumber : asNumber;
  return nodes.filter((n) => {
    if (n.ip !== ip || n.asNumber !== as) return false;
    if (port === 0) return true;
    const nodePort = globals.nodeListenPorts.get(n.name);
    if (nodePort !== undefined && port !== nodePort) return false;
    // Go's `else if`: reached also when the node's own port matches.
    return globals.listenPort === 0 || globals.listenPort === port;
  });
}
