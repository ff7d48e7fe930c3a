// test: minimal ClusterSpec / NodeSpec / underlay records for the underlay tests.
import { parseIpv4 } from '../../../src/lib/ipv4.js';
import type { UnderlayHost } from '../../../src/model/underlay/types.js';
import type { CalicoSpec, ClusterSpec, FlannelSpec, NodeSpec, UnderlaySpec } from '../../../src/scenario/types.js';

export const SRC = { file: 'scenario.yaml', line: 7, col: 3 };

export function node(name: string, over: Partial<NodeSpec> = {}): NodeSpec {
  return { name, labels: {}, maxPods: 110, src: SRC, ...over };
}

export function flannel(over: Partial<FlannelSpec> = {}): UnderlaySpec {
  return { kind: 'flannel', flannel: { vni: 1, network: '10.244.0.0/16', subnetLen: 0, port: 0, mtu: 1450, ipMasq: true, src: SRC, ...over } };
}

const calico: CalicoSpec = {
  asNumber: 64512,
  nodeToNodeMeshEnabled: true,
  peers: [],
  ipPools: [],
  strictAffinity: false,
  maxBlocksPerHost: 0,
  serviceClusterIPs: [],
  serviceExternalIPs: [],
  serviceLoadBalancerIPs: [],
  vethMtu: 0,
  resources: [],
  src: SRC,
};

export function cluster(name: string, underlay: UnderlaySpec, nodes: NodeSpec[]): ClusterSpec {
  return { name, nodes, underlay, calico, namespaces: [], workloads: [], pods: [], services: [], ingresses: [], policies: [], ignored: [], src: SRC };
}

export function hosts(n: number, mtu = 1500): UnderlayHost[] {
  return Array.from({ length: n }, (_, i) => ({ name: `mgmt-${i + 1}`, ip: parseIpv4(`10.0.0.${11 + i}`), mtu }));
}
