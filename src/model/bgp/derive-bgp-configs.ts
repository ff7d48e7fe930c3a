// model: a cluster (scenario ClusterSpec + node addresses from the model + IPAM blocks) into the BGP
// configuration calico-node's confd gives BIRD on each node (NodeBgpConfig), with input diagnostics.
import type { Diagnostic } from '../../lib/diagnostics.js';
import { diagnosticAt } from '../../lib/diagnostics.js';
import { parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import { sortByKey } from './bgp-values.js';
import type { ClusterSpec } from '../../scenario/types.js';
import { readBgpGlobals, type BgpGlobals } from './bgp-globals.js';
import { expandPeerRules } from './expand-peer-rules.js';
import { readNodeStates, type BgpNodeInput, type NodeBgpState } from './node-bgp-state.js';
import { clusterMesh, explicitPeerings, inMesh } from './node-peerings.js';
import { collectPeerRules } from './peer-rules.js';
import type { BgpMesh, BgpPool, NodeBgpConfig } from './types.js';

export type { BgpNodeInput } from './node-bgp-state.js';

/** IPAM result for one node: affine blocks and borrowed /32s. */
export interface NodeIpam {
  readonly blocks: readonly string[];
  readonly borrowed: readonly string[];
}

/** Per-node configurations (sorted by node name) and the problems found on the way. */
export interface BgpDerivation {
  readonly configs: NodeBgpConfig[];
  readonly diagnostics: Diagnostic[];
}

/** Node label that stops a node advertising service ranges (confd ExcludeServiceAdvertisement). */
export const EXCLUDE_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** Derives each node's BGP configuration the way confd does (bgp_processor.go, client.go). */
export function deriveBgpConfigs(
  cluster: ClusterSpec,
  nodes: readonly BgpNodeInput[],
  ipam: ReadonlyMap<string, NodeIpam>,
): BgpDerivation {
  const diagnostics: Diagnostic[] = [];
  const globals = readBgpGlobals(cluster.calico, diagnostics);
  const valid = nodes.filter((n) => {
    if (parseIpv4(n.ip) >= 0 && Number.isInteger(n.prefixLen) && n.prefixLen >= 0 && n.prefixLen <= 32) return true;
    diagnostics.push(diagnosticAt(cluster.src, 'nodes', `node ${n.name} has no usable IPv4 address (${n.ip}/${n.prefixLen})`));
    return false;
  });
  const states = readNodeStates(cluster, valid, globals, diagnostics);
  const rules = collectPeerRules(cluster, new Set(states.map((s) => s.name)), diagnostics);
  const expanded = expandPeerRules(rules, states, globals);
  const pools: BgpPool[] = cluster.calico.ipPools
    .filter((p) => parseCidr(p.cidr) !== undefined)
    .map((p) => ({
      cidr: p.cidr,
      ipipMode: p.ipipMode,
      vxlanMode: p.vxlanMode,
      disableBGPExport: p.disableBGPExport,
      disabled: p.disabled,
    }));
  const services = globalServiceRoutes(globals);
  const mesh = clusterMesh(states, globals);
  const configs = states.map((s) => nodeConfig(cluster.name, s, mesh, expanded, globals, pools, services, ipam.get(s.name)));
  return { configs, diagnostics };
}

function nodeConfig(
  tenant: string,
  s: NodeBgpState,
  mesh: BgpMesh,
  expanded: ReturnType<typeof expandPeerRules>,
  globals: BgpGlobals,
  pools: readonly BgpPool[],
  services: readonly string[],
  ipam: NodeIpam | undefined,
): NodeBgpConfig {
  const isRr = s.clusterId !== '';
  const excluded = s.labels[EXCLUDE_LB_LABEL] === 'true';
  const communities = globals.nodeCommunities.get(s.name) ?? globals.communities;
  return {
    tenant,
    node: s.name,
    ipv4Address: `${s.ip}/${s.prefixLen}`,
    routerId: s.ip,
    asNumber: s.asNumber,
    ...(isRr ? { routeReflectorClusterId: s.clusterId } : {}),
    listenPort: s.listenPort > 0 ? s.listenPort : 179,
    peers: explicitPeerings(s, expanded),
    ...(inMesh(s, globals) ? { mesh } : {}),
    blocks: sortByAddress(ipam?.blocks ?? []),
    borrowed: sortByAddress(ipam?.borrowed ?? []),
    pools,
    serviceCidrs: excluded ? [] : services,
    serviceRejectCidrs: services,
    ...(isRr ? { reflectedLoadBalancerIPs: ipv4Only(globals.serviceLoadBalancerIPs) } : {}),
    ...(isRr ? { reflectedExternalIPs: ipv4Only(globals.serviceExternalIPs) } : {}),
    ...(globals.bindMode === 'NodeIP' ? { listenAddress: s.ip } : {}),
    ignoredInterfaces: globals.ignoredInterfaces,
    normalRoutePriority: globals.normalRoutePriority,
    programClusterRoutes: globals.programClusterRoutes,
    logLevel: globals.nodeLogLevels.get(s.name) ?? globals.logLevel ?? 'info',
    communities: communities ?? [],
  };
}

/**
 * Service ranges every (non-excluded) node advertises as blackhole statics: all cluster IP ranges,
 * external and LoadBalancer ranges except single /32 entries (those are per-service, routes.go), LB
 * ranges only with serviceLoadBalancerAggregation Enabled. Ordered like confd's `ls /staticroutes`.
 */
function globalServiceRoutes(g: BgpGlobals): string[] {
  const notSingle = (c: string): boolean => !c.endsWith('/32');
  const all = [
    ...ipv4Only(g.serviceClusterIPs),
    ...ipv4Only(g.serviceExternalIPs).filter(notSingle),
    ...(g.lbAggregation ? ipv4Only(g.serviceLoadBalancerIPs).filter(notSingle) : []),
  ];
  return sortByKey([...new Set(all)]);
}

function ipv4Only(cidrs: readonly string[]): string[] {
  return cidrs.filter((c) => parseCidr(c) !== undefined);
}

function sortByAddress(cidrs: readonly string[]): string[] {
  const num = (c: string): number => parseIpv4(c.split('/')[0] as string);
  return [...cidrs].sort((a, b) => num(a) - num(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}
