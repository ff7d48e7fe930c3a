// emit: a cluster's Calico networking resources as projectcalico.org/v3 objects `calicoctl apply`
// takes — IPPools, BGPConfigurations, BGPPeers (recipe, external peers, the user's own) and Nodes.
import { readBgpGlobals } from '../../model/bgp/bgp-globals.js';
import { RR_LABEL } from '../../model/bgp/node-bgp-state.js';
import { RR_NODE_SELECTOR, RR_PEER_NAME, RR_PEER_SELECTOR } from '../../model/bgp/peer-rules.js';
import type { NodeBgpConfig } from '../../model/bgp/types.js';
import type { ClusterSpec, IpPoolSpec, JsonObject, JsonValue, Manifest } from '../../scenario/types.js';

export const CALICO_API_VERSION = 'projectcalico.org/v3';

/** The objects of one cluster, each list sorted by name. */
export interface CalicoObjects {
  readonly ipPools: JsonObject[];
  readonly bgpConfigurations: JsonObject[];
  readonly bgpPeers: JsonObject[];
  readonly nodes: JsonObject[];
}

/** Builds every object; `configs` gives the nodes' BGP addresses, AS numbers and cluster IDs. */
export function buildCalicoObjects(cluster: ClusterSpec, configs: readonly NodeBgpConfig[]): CalicoObjects {
  const calico = cluster.calico;
  const byName = (a: JsonObject, b: JsonObject): number => compare(nameOf(a), nameOf(b));
  return {
    ipPools: calico.ipPools.map(ipPoolObject).sort(byName),
    bgpConfigurations: bgpConfigurationObjects(cluster).sort(byName),
    bgpPeers: bgpPeerObjects(cluster).sort(byName),
    nodes: nodeObjects(cluster, configs).sort(byName),
  };
}

function object(kind: string, name: string, spec: JsonObject, labels?: Readonly<Record<string, string>>): JsonObject {
  const metadata: JsonObject = { name };
  if (labels !== undefined && Object.keys(labels).length > 0) metadata['labels'] = sortKeys({ ...labels });
  return { apiVersion: CALICO_API_VERSION, kind, metadata, spec: sortKeys(spec) };
}

function ipPoolObject(p: IpPoolSpec): JsonObject {
  const spec: JsonObject = {
    cidr: p.cidr,
    blockSize: p.blockSize,
    ipipMode: p.ipipMode,
    vxlanMode: p.vxlanMode,
    natOutgoing: p.natOutgoing,
    nodeSelector: p.nodeSelector,
    allowedUses: [...p.allowedUses],
  };
  if (p.disabled) spec['disabled'] = true;
  if (p.disableBGPExport) spec['disableBGPExport'] = true;
  return object('IPPool', p.name, spec);
}

/** `default` from the scenario's calico block overlaid by the user's own `default`; `node.*` as given. */
function bgpConfigurationObjects(cluster: ClusterSpec): JsonObject[] {
  const calico = cluster.calico;
  const spec: JsonObject = {
    asNumber: calico.asNumber,
    nodeToNodeMeshEnabled: calico.nodeToNodeMeshEnabled,
    logSeverityScreen: 'Info',
  };
  const ranges: [string, readonly string[]][] = [
    ['serviceClusterIPs', calico.serviceClusterIPs],
    ['serviceExternalIPs', calico.serviceExternalIPs],
    ['serviceLoadBalancerIPs', calico.serviceLoadBalancerIPs],
  ];
  for (const [field, cidrs] of ranges) if (cidrs.length > 0) spec[field] = cidrs.map((cidr) => ({ cidr }));
  const out: JsonObject[] = [];
  for (const m of calico.resources) {
    if (m.kind !== 'BGPConfiguration') continue;
    if (m.name === 'default') Object.assign(spec, specOf(m));
    else out.push(passThrough(m));
  }
  out.push(object('BGPConfiguration', 'default', spec));
  return out;
}

/** The route-reflector recipe, one BGPPeer per external peer, and the user's BGPPeers as written. */
function bgpPeerObjects(cluster: ClusterSpec): JsonObject[] {
  const calico = cluster.calico;
  const out = new Map<string, JsonObject>();
  for (const m of calico.resources) if (m.kind === 'BGPPeer' && !out.has(m.name)) out.set(m.name, passThrough(m));
  if (calico.routeReflectors !== undefined && !out.has(RR_PEER_NAME)) {
    out.set(RR_PEER_NAME, object('BGPPeer', RR_PEER_NAME, { nodeSelector: RR_NODE_SELECTOR, peerSelector: RR_PEER_SELECTOR }));
  }
  for (const p of calico.peers) {
    if (out.has(p.name) || p.peerIP === '') continue;
    const spec: JsonObject = { peerIP: p.peerIP, asNumber: p.asNumber };
    if (p.node !== undefined && p.node !== '') spec['node'] = p.node;
    if (p.nodeSelector !== undefined && p.nodeSelector !== '') spec['nodeSelector'] = p.nodeSelector;
    if (p.keepaliveTime !== undefined) spec['keepaliveTime'] = `${Math.round(p.keepaliveTime / 1000)}s`;
    out.set(p.name, object('BGPPeer', p.name, spec));
  }
  return [...out.values()];
}

/** Node objects with spec.bgp: address with prefix, AS when not the global one, RR cluster ID. */
function nodeObjects(cluster: ClusterSpec, configs: readonly NodeBgpConfig[]): JsonObject[] {
  const globalAs = readBgpGlobals(cluster.calico, []).asNumber;
  const reflectors = new Set(cluster.calico.routeReflectors?.nodes ?? []);
  const labelsOf = new Map(cluster.nodes.map((n) => [n.name, n.labels]));
  return configs.map((c) => {
    const bgp: JsonObject = { ipv4Address: c.ipv4Address };
    if (c.asNumber !== globalAs) bgp['asNumber'] = c.asNumber;
    if (c.routeReflectorClusterId !== undefined) bgp['routeReflectorClusterID'] = c.routeReflectorClusterId;
    const labels = { ...(labelsOf.get(c.node) ?? {}), ...(reflectors.has(c.node) ? { [RR_LABEL]: 'true' } : {}) };
    return object('Node', c.node, { bgp: sortKeys(bgp) }, labels);
  });
}

/** A user's manifest re-emitted as projectcalico.org/v3 with only name, labels and annotations kept. */
function passThrough(m: Manifest): JsonObject {
  const metadata: JsonObject = { name: m.name };
  if (Object.keys(m.labels).length > 0) metadata['labels'] = sortKeys({ ...m.labels });
  if (Object.keys(m.annotations).length > 0) metadata['annotations'] = sortKeys({ ...m.annotations });
  return { apiVersion: CALICO_API_VERSION, kind: m.kind, metadata, spec: sortKeys(specOf(m)) };
}

function specOf(m: Manifest): JsonObject {
  const spec = m.body['spec'];
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? spec : {};
}

/** A copy of `o` with its keys in byte order (nested objects too), for deterministic output. */
function sortKeys(o: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o).sort(compare)) out[k] = sortValue(o[k] as JsonValue);
  return out;
}

function sortValue(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortValue);
  if (typeof v === 'object' && v !== null) return sortKeys(v);
  return v;
}

function nameOf(o: JsonObject): string {
  const meta = o['metadata'];
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? String(meta['name']) : '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
