// emit: what a cluster's Calico install is rendered from — read off the model once, so the manifest and the
// operator forms cannot disagree about pools, MTU, address autodetection or the number of nodes.
import type { ModelCluster } from '../../model/types.js';
import { formatCidr } from '../../lib/ipv4.js';
import type { IpPoolSpec } from '../../scenario/types.js';

/** The scenario facts a Calico install depends on. */
export interface CalicoInstallInput {
  readonly cluster: string;
  readonly nodeCount: number;
  readonly pools: readonly IpPoolSpec[];
  /** veth_mtu: 0 lets Felix auto-detect (the scenario's `vethMtu`). */
  readonly vethMtu: number;
  /** The network node addresses come from: calico-node autodetects its IP inside it (`cidr=` method). */
  readonly nodeNetwork: string;
  readonly asNumber: number;
  readonly meshEnabled: boolean;
}

/** Reads the install facts of one model cluster. */
export function calicoInstallInput(c: ModelCluster): CalicoInstallInput {
  return {
    cluster: c.name,
    nodeCount: c.nodes.length,
    pools: c.spec.calico.ipPools,
    vethMtu: c.spec.calico.vethMtu,
    nodeNetwork: formatCidr(c.underlay.network),
    asNumber: c.spec.calico.asNumber,
    meshEnabled: c.spec.calico.nodeToNodeMeshEnabled,
  };
}

/**
 * Typha replicas as the Tigera operator scales them (pkg/common GetExpectedTyphaScale): 1 for up to two
 * nodes, 2 for three or four, else floor(n/200)+2 with at least 3.
 */
export function operatorTyphaReplicas(nodes: number): number {
  if (nodes <= 2) return 1;
  if (nodes <= 4) return 2;
  return Math.max(3, Math.floor(nodes / 200) + 2);
}

/** Calico's documented cap for a manifest install's Typha Deployment ("no more than 20 replicas"). */
export const TYPHA_DOCUMENTED_CAP = 20;

/** The manifest install's Typha replicas: the operator's formula within the documented cap. */
export function manifestTyphaReplicas(nodes: number): number {
  return Math.min(TYPHA_DOCUMENTED_CAP, operatorTyphaReplicas(nodes));
}
