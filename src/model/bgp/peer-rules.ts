// model: every BGPPeer of a cluster — the BGPPeer resources, the route-reflector recipe of
// `calico.routeReflectors` and the external peers of `calico.peers[]` — normalised and sorted by name.
import type { Diagnostic } from '../../lib/diagnostics.js';
import { diagnosticAt } from '../../lib/diagnostics.js';
import type { ClusterSpec, ExternalPeerSpec, JsonObject, RouteReflectorSpec } from '../../scenario/types.js';
import { parseSelector } from '../../lib/selector/parse.js';
import { SelectorParseError } from '../../lib/selector/types.js';
import { isIpv4, parseAsNumber, parsePeerAddress } from './bgp-values.js';
import { isObject } from './manifest-fields.js';
import { RR_LABEL } from './node-bgp-state.js';
import { bgpPeerRule, type PeerRule } from './peer-rule.js';

/** Name of the BGPPeer the route-reflector recipe creates (Calico docs, "Configure BGP peering"). */
export const RR_PEER_NAME = 'peer-with-route-reflectors';
/** Its selectors: every node peers with every reflector. */
export const RR_NODE_SELECTOR = 'all()';
export const RR_PEER_SELECTOR = `${RR_LABEL} == 'true'`;

/** All peer rules of a cluster, sorted by name (first definition of a name wins). */
export function collectPeerRules(cluster: ClusterSpec, nodeNames: ReadonlySet<string>, out: Diagnostic[]): PeerRule[] {
  const rules: PeerRule[] = [];
  for (const m of cluster.calico.resources) {
    if (m.kind !== 'BGPPeer') continue;
    const rule = bgpPeerRule(m, out);
    if (rule !== undefined) rules.push(rule);
  }
  // The recipe's BGPPeer, unless the user's manifests already define it.
  const rr = cluster.calico.routeReflectors;
  const userRecipe = cluster.calico.resources.some((m) => m.kind === 'BGPPeer' && m.name === RR_PEER_NAME);
  if (rr !== undefined && !userRecipe && isIpv4(rr.clusterId) && rr.nodes.some((n) => nodeNames.has(n))) {
    rules.push(routeReflectorRule(rr));
  }
  // The scenario reader also lists each peerIP BGPPeer manifest in calico.peers (port stripped); the
  // manifest itself is the complete definition, so its twin is dropped without a warning.
  const manifestPeers = new Map(
    cluster.calico.resources.filter((m) => m.kind === 'BGPPeer').map((m) => [m.name, peerHost(m.body)]),
  );
  cluster.calico.peers.forEach((p, i) => {
    if (manifestPeers.has(p.name) && manifestPeers.get(p.name) === p.peerIP) return;
    const rule = externalPeerRule(p, i, nodeNames, out);
    if (rule !== undefined) rules.push(rule);
  });
  const byName = new Map<string, PeerRule>();
  for (const rule of rules) {
    const first = byName.get(rule.name);
    if (first === undefined) byName.set(rule.name, rule);
    else {
      const msg = `BGPPeer name ${rule.name} is already used (${first.origin.file}:${first.origin.line}); this one is ignored`;
      out.push(diagnosticAt(rule.origin, 'metadata.name', msg, 'warning'));
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The host part of a BGPPeer manifest's spec.peerIP ('' when absent or malformed). */
function peerHost(body: JsonObject): string {
  const spec = body['spec'];
  const ip = isObject(spec) ? spec['peerIP'] : undefined;
  return typeof ip === 'string' ? (parsePeerAddress(ip)?.ip ?? '') : '';
}

/** The recipe's BGPPeer: nodeSelector all(), peerSelector on the reflector label. */
export function routeReflectorRule(rr: RouteReflectorSpec): PeerRule {
  return {
    name: RR_PEER_NAME,
    nodeSelector: parseSelector(RR_NODE_SELECTOR),
    peerSelector: parseSelector(RR_PEER_SELECTOR),
    peerPort: 0,
    asNumber: 0,
    sourceAddress: 'UseNodeIP',
    keepOriginalNextHop: false,
    ttlSecurity: 0,
    numAllowedLocalAs: 0,
    reverseManual: false,
    remoteName: RR_PEER_NAME,
    origin: rr.src,
  };
}

/** An external router as a BGPPeer with peerIP + asNumber, on one node, a selection, or all nodes. */
export function externalPeerRule(
  p: ExternalPeerSpec,
  i: number,
  nodeNames: ReadonlySet<string>,
  out: Diagnostic[],
): PeerRule | undefined {
  const at = (field: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
    out.push(diagnosticAt(p.src, `calico.peers[${i}].${field}`, `peer ${p.name}: ${message}`, severity));
  };
  let ok = true;
  const addr = p.peerIP === '' ? undefined : parsePeerAddress(p.peerIP);
  if (addr === undefined || addr.family !== 4) {
    at('peerIP', p.peerIP === '' ? 'a peer needs peerIP' : `peerIP ${p.peerIP} must be an IPv4 address (or ip:port)`);
    ok = false;
  }
  if (parseAsNumber(p.asNumber) === undefined) {
    at('asNumber', `AS number ${p.asNumber} is out of range 1..4294967295`);
    ok = false;
  }
  const hasNode = p.node !== undefined && p.node !== '';
  const hasSelector = p.nodeSelector !== undefined && p.nodeSelector !== '';
  if (hasNode && hasSelector) {
    at('nodeSelector', 'node and nodeSelector cannot both be set');
    ok = false;
  }
  if (hasNode && !nodeNames.has(p.node as string)) at('node', `unknown node ${p.node}; no node peers with it`, 'warning');
  let nodeSelector;
  if (hasSelector) {
    try {
      nodeSelector = parseSelector(p.nodeSelector as string);
    } catch (e) {
      if (!(e instanceof SelectorParseError)) throw e;
      at('nodeSelector', e.message);
      ok = false;
    }
  }
  if (!ok || addr === undefined) return undefined;
  return {
    name: p.name,
    ...(hasNode ? { node: p.node as string } : {}),
    ...(nodeSelector !== undefined ? { nodeSelector } : {}),
    peerIp: addr.ip,
    peerPort: addr.port,
    asNumber: p.asNumber,
    // keepaliveTime is read as the BGPPeer field of that name (BIRD `keepalive time` on the Calico
    // side); holdTime has no BGPPeer equivalent and stays the router's own (BIRD keeps its 240 s).
    ...(p.keepaliveTime !== undefined ? { keepaliveTime: Math.round(p.keepaliveTime / 1000) } : {}),
    sourceAddress: 'UseNodeIP',
    keepOriginalNextHop: false,
    ttlSecurity: 0,
    numAllowedLocalAs: 0,
    reverseManual: false,
    remoteName: p.name,
    origin: p.src,
  };
}
