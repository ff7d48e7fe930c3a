// test fixtures: clusters reproducing inputs of Calico's confd template tests (confd/tests/mock_data:
// three nodes kube-master 10.192.0.2/16, kube-node-1 .3, kube-node-2 .4; kube-master's standard blocks)
// plus the mesh, route-reflector and external-peer cases the BIRD parse test renders.
import { deriveBgpConfigs } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { NodeBgpConfig } from '../../../src/model/bgp/types.js';
import type { CalicoSpec, ClusterSpec } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, manifests, numberedNodes, pool, SRC, type TestNode } from '../../model/bgp/fixtures.js';

export const KUBE_NODES: TestNode[] = [
  { name: 'kube-master', ip: '10.192.0.2', labels: { routeReflector: 'true' } },
  { name: 'kube-node-1', ip: '10.192.0.3' },
  { name: 'kube-node-2', ip: '10.192.0.4' },
];

/** confd's standard affinities for kube-master (the pending 192.168.221.0/26 is not the node's yet). */
export const KUBE_MASTER_BLOCKS = ['10.0.0.0/30', '10.1.0.0/24', '10.2.0.1/32', '192.168.221.192/26', '192.168.221.64/26'];

/** Derives a cluster and returns the config of `node`, failing on any error diagnostic. */
export function configOf(c: ClusterSpec, nodes: readonly TestNode[], node: string, prefixLen = 16): NodeBgpConfig {
  const d = deriveBgpConfigs(c, bgpNodes(nodes, prefixLen), new Map([[node, { blocks: KUBE_MASTER_BLOCKS, borrowed: [] }]]));
  const errors = d.diagnostics.filter((x) => x.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  const cfg = d.configs.find((x) => x.node === node);
  if (cfg === undefined) throw new Error(`no config for ${node}`);
  return cfg;
}

/** confd explicit_peering/route_reflector: kube-master is a reflector (10.0.0.1) with an eBGP peer. */
export function routeReflectorCase(): NodeBgpConfig {
  const resources = manifests(
    [
      'kind: BGPConfiguration\nmetadata: {name: default}\nspec: {asNumber: 64532, nodeToNodeMeshEnabled: false}',
      'kind: BGPPeer\nmetadata: {name: bgppeer-1}\nspec: {peerIP: 172.19.4.87, asNumber: 64533, nodeSelector: has(routeReflector)}',
      'kind: BGPPeer\nmetadata: {name: bgppeer-other-nodes}\nspec: {nodeSelector: has(routeReflector), peerSelector: "!has(routeReflector)"}',
      'kind: Node\napiVersion: projectcalico.org/v3\nmetadata: {name: kube-master}\nspec: {bgp: {routeReflectorClusterID: 10.0.0.1}}',
    ].join('\n---\n'),
  );
  return configOf(cluster(KUBE_NODES, { resources }), KUBE_NODES, 'kube-master');
}

/** confd mesh/ipip-cross-subnet: full mesh, one CrossSubnet IPIP pool. */
export function meshCase(): NodeBgpConfig {
  const c = cluster(KUBE_NODES, { ipPools: [pool('192.168.0.0/16', { ipipMode: 'CrossSubnet' })] });
  return configOf(c, KUBE_NODES, 'kube-master');
}

/** Ten nodes with two reflectors (the calico.routeReflectors recipe), seen from a reflector and a client. */
export function recipeCases(): NodeBgpConfig[] {
  const nodes = numberedNodes(10);
  const calico: Partial<CalicoSpec> = {
    nodeToNodeMeshEnabled: false,
    routeReflectors: { nodes: ['node-1', 'node-2'], clusterId: '244.0.0.1', src: SRC },
    serviceExternalIPs: ['203.0.113.0/24'],
    serviceLoadBalancerIPs: ['198.51.100.0/24'],
  };
  return [configOf(cluster(nodes, calico), nodes, 'node-1', 24), configOf(cluster(nodes, calico), nodes, 'node-5', 24)];
}

/** External ToR peers plus every optional directive: services, communities, timers, ttl, ports. */
export function externalPeerCase(): NodeBgpConfig {
  const resources = manifests(
    [
      'kind: BGPConfiguration\nmetadata: {name: default}',
      'spec:',
      '  listenPort: 1790',
      '  bindMode: NodeIP',
      '  logSeverityScreen: Debug',
      '  nodeMeshMaxRestartTime: 5m',
      '  ignoredInterfaces: [eth9, "vxlan*"]',
      '  serviceClusterIPs: [{cidr: 10.96.0.0/12}]',
      '  communities: [{name: mine, value: "65000:100"}]',
      '  prefixAdvertisements: [{cidr: 192.168.0.0/16, communities: [mine, "65000:1:2"]}]',
      '---',
      'kind: BGPPeer\nmetadata: {name: tuned}',
      'spec: {node: kube-master, peerIP: "172.19.4.9:1179", asNumber: 65009, keepaliveTime: 20s, maxRestartTime: 300s,',
      '  ttlSecurity: 1, nextHopMode: Keep, localASNumber: 65100, numAllowedLocalASNumbers: 2, reachableBy: 10.192.0.1}',
    ].join('\n'),
  );
  const peers = [
    { name: 'tor-a', peerIP: '10.192.255.1', asNumber: 65001, node: 'kube-master', announce: [], src: SRC },
    { name: 'tor-b', peerIP: '10.192.255.2', asNumber: 65001, nodeSelector: 'has(routeReflector)', announce: [], src: SRC },
    { name: 'core', peerIP: '172.30.0.1', asNumber: 64512, announce: [], src: SRC },
  ];
  const pools = [
    pool('192.168.0.0/16', { ipipMode: 'CrossSubnet' }),
    pool('172.16.0.0/16', { vxlanMode: 'Always' }),
    pool('10.50.0.0/16', { disableBGPExport: true }),
  ];
  return configOf(cluster(KUBE_NODES, { resources, peers, ipPools: pools }), KUBE_NODES, 'kube-master');
}
