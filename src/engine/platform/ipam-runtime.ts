// engine: IPAM of every cluster on the timeline — one IpamState per cluster, tunnel addresses claimed
// at start as calico-node does, pod addresses assigned as pods start and released once a stopped pod
// has exited (its grace period).
import { parseIpv4 } from '../../lib/ipv4.js';
import { IpamState } from '../../model/ipam/ipam-state.js';
import type { Model } from '../../model/types.js';
import type { LivePod } from './pod-table.js';

/** Per-cluster IPAM plus the node index of every model node inside its cluster. */
export class IpamRuntime {
  readonly states: IpamState[];
  /** Model node id → index of the node within its cluster's IpamState. */
  readonly localIndex: Int32Array;
  /** Model node id → its tunnel address (-1 when its pools need none). */
  readonly tunnelIp: Float64Array;
  /** Why a cluster's IPAM cannot allocate now (set by the PKI: etcd client certificate broken), if so. */
  blocked: (cluster: number) => string | undefined = () => undefined;

  constructor(
    private readonly model: Model,
    seed: number,
  ) {
    this.localIndex = new Int32Array(model.nodes.length);
    this.tunnelIp = new Float64Array(model.nodes.length).fill(-1);
    this.states = model.clusters.map((c) => {
      c.nodes.forEach((id, i) => (this.localIndex[id] = i));
      const calico = c.spec.calico;
      return new IpamState(
        calico.ipPools,
        c.nodes.map((id) => ({ name: model.nodes[id]!.shortName, labels: model.nodes[id]!.labels })),
        { strictAffinity: calico.strictAffinity, maxBlocksPerHost: calico.maxBlocksPerHost },
        seed,
      );
    });
  }

  /** calico-node start-up: a tunnel address for every node whose pools use IPIP or VXLAN. */
  claimTunnelAddresses(): void {
    this.model.clusters.forEach((c, ci) => {
      const pools = c.spec.calico.ipPools.filter((p) => !p.disabled);
      const kind = pools.some((p) => p.vxlanMode !== 'Never') ? 'vxlan' : pools.some((p) => p.ipipMode !== 'Never') ? 'ipip' : undefined;
      if (!kind) return;
      for (const id of c.nodes) this.tunnelIp[id] = this.states[ci]!.tunnelAddress(this.localIndex[id]!, kind);
    });
  }

  /** Gives a starting pod its address: the node's for hostNetwork pods, the given one, or one from IPAM. */
  assign(pod: LivePod, now: number): void {
    if (pod.base.hostNetwork) {
      pod.ip = this.model.nodes[pod.node]!.ip;
      return;
    }
    if (pod.base.fixedIp !== undefined) {
      pod.ip = parseIpv4(pod.base.fixedIp);
      return;
    }
    const why = this.blocked(pod.cluster);
    if (why !== undefined) {
      pod.ip = -1;
      pod.reason = `no IP address: ${why}`;
      return;
    }
    const st = this.states[pod.cluster]!;
    st.now = now;
    const ip = st.assign(this.localIndex[pod.node]!, pod.id);
    pod.ip = ip;
    if (ip < 0) pod.reason = `no IP address: ${st.lastFailure}`;
  }

  /** CNI DEL for a stopped pod: the address it held while terminating goes back to its block. */
  release(pod: LivePod, now: number): void {
    const ip = pod.lastIp ?? -1;
    if (ip >= 0 && pod.releasedAt === undefined && !pod.base.hostNetwork && pod.base.fixedIp === undefined) {
      const st = this.states[pod.cluster]!;
      st.now = now;
      st.release(ip);
    }
    pod.releasedAt = now;
  }
}
