// engine: BGP of every cluster on the platform's timeline — one BgpNetwork over all clusters' Calico
// nodes (configured as confd does, with the IPAM blocks each node holds) and their external peers;
// node, link and peer events reach it, and IPAM changes re-announce the blocks a node holds.
import { deriveBgpConfigs, type BgpDerivation, type NodeIpam } from '../../model/bgp/derive-bgp-configs.js';
import type { SourceRef } from '../../lib/diagnostics.js';
import type { Model } from '../../model/types.js';
import type { ClusterSpec, NodeDownMode } from '../../scenario/types.js';
import { BgpNetwork } from '../bgp/bgp-network.js';
import type { Simulation } from '../simulation.js';
import type { IpamRuntime } from './ipam-runtime.js';

/**
 * Blackhole windows need a scan of every node's FIB after each failure; above this many Calico nodes the
 * scan would dominate the run, so windows are not tracked (the report says so).
 */
export const BLACKHOLE_TRACKING_MAX_NODES = 500;

/** The BGP side of a platform run. */
export class BgpRuntime {
  readonly net: BgpNetwork;
  /** False when the platform is too large for blackhole-window tracking. */
  readonly tracksBlackholes: boolean;
  /** Each cluster's spec as BGP currently sees it (a route-reflectors event changes its Calico settings). */
  private readonly specs: ClusterSpec[];
  /** Last blocks/borrowed announced per model node id (`blocks|borrowed`), to send only changes. */
  private readonly announced = new Map<number, string>();

  constructor(
    private readonly model: Model,
    private readonly ipam: IpamRuntime,
    sim: Simulation,
    seed: number,
  ) {
    this.specs = model.clusters.map((c) => c.spec);
    // Each node's blocks are read once: the configurations announce them and `announced` keys them.
    const held = model.nodes.map((n) => nodeIpamOf(model, ipam, n.id));
    const configs = model.clusters.flatMap((c, ci) => configsOf(model, ipam, ci, c.spec, held).configs);
    const externals = model.clusters.flatMap((c) => c.spec.calico.peers.map((spec) => ({ tenant: c.name, spec })));
    this.tracksBlackholes = model.nodes.length <= BLACKHOLE_TRACKING_MAX_NODES;
    this.net = new BgpNetwork(sim, configs, externals, { trackBlackholes: this.tracksBlackholes }, seed);
    for (const n of model.nodes) this.announced.set(n.id, ipamKey(held[n.id]!));
  }

  /** The BGP speaker name of a model node. */
  speakerOf(node: number): string {
    const n = this.model.nodes[node]!;
    return this.model.clusters.length > 1 ? `${this.model.clusters[n.cluster]!.name}/${n.shortName}` : n.shortName;
  }

  nodeDown(node: number, mode: NodeDownMode): void {
    this.net.apply({ kind: 'node-down', node: this.speakerOf(node), mode });
  }

  nodeUp(node: number): void {
    this.net.apply({ kind: 'node-up', node: this.speakerOf(node) });
  }

  link(a: number, b: number, up: boolean): void {
    const [x, y] = [this.speakerOf(a), this.speakerOf(b)];
    this.net.apply(up ? { kind: 'link-up', a: x, b: y } : { kind: 'link-down', a: x, b: y });
  }

  /** Session of `node` to `peer` (a node of its cluster or an external peer's name) administratively down/up. */
  peer(node: number, peer: string, up: boolean): void {
    const cluster = this.model.clusters[this.model.nodes[node]!.cluster]!;
    const name = this.model.clusters.length > 1 ? `${cluster.name}/${peer}` : peer;
    const speaker = this.speakerOf(node);
    this.net.apply(up ? { kind: 'peer-up', node: speaker, peer: name } : { kind: 'peer-down', node: speaker, peer: name });
  }

  /** The cluster's spec as BGP sees it now. */
  specOf(cluster: number): ClusterSpec {
    return this.specs[cluster]!;
  }

  /**
   * Moves a cluster to route reflectors (or changes them): confd re-renders every node's BIRD config and BIRD
   * reconfigures — sessions that disappear are closed with Cease, new ones start.
   */
  routeReflectors(cluster: number, nodes: readonly string[], clusterId: string, mesh: boolean, src: SourceRef): void {
    const spec = this.specs[cluster]!;
    this.specs[cluster] = { ...spec, calico: { ...spec.calico, nodeToNodeMeshEnabled: mesh, routeReflectors: { nodes, clusterId, src } } };
    const configs = this.model.clusters.flatMap((_, ci) => configsOf(this.model, this.ipam, ci, this.specs[ci]).configs);
    this.net.apply({ kind: 'reconfigure', configs });
  }

  /** Re-announces the blocks of every node of a cluster whose IPAM blocks or borrowed addresses changed. */
  syncBlocks(cluster: number): void {
    const c = this.model.clusters[cluster]!;
    const st = this.ipam.states[cluster]!;
    for (const id of c.nodes) {
      const key = this.blocksKey(id);
      if (this.announced.get(id) === key) continue;
      this.announced.set(id, key);
      const i = this.ipam.localIndex[id]!;
      this.net.apply({ kind: 'blocks', node: this.speakerOf(id), blocks: st.blocksOf(i), borrowed: st.borrowedBy(i) });
    }
  }

  private blocksKey(id: number): string {
    return ipamKey(nodeIpamOf(this.model, this.ipam, id));
  }
}

/** The blocks and borrowed addresses model node `id` holds now. */
function nodeIpamOf(model: Model, ipam: IpamRuntime, id: number): NodeIpam {
  const st = ipam.states[model.nodes[id]!.cluster]!;
  const i = ipam.localIndex[id]!;
  return { blocks: st.blocksOf(i), borrowed: st.borrowedBy(i) };
}

function ipamKey(held: NodeIpam): string {
  return `${held.blocks.join(',')}|${held.borrowed.join(',')}`;
}

/** confd's BGP configuration of every node of cluster `ci`, with the IPAM blocks each node holds now
 *  (`held`, by model node id, when the caller has just read them). */
export function configsOf(model: Model, ipam: IpamRuntime, ci: number, spec: ClusterSpec = model.clusters[ci]!.spec, held?: readonly NodeIpam[]): BgpDerivation {
  const c = model.clusters[ci]!;
  const nodes = c.nodes.map((id) => {
    const n = model.nodes[id]!;
    return { name: n.shortName, ip: n.ipText, prefixLen: n.prefixLen, labels: n.labels };
  });
  const blocks = new Map(c.nodes.map((id) => [model.nodes[id]!.shortName, held?.[id] ?? nodeIpamOf(model, ipam, id)]));
  return deriveBgpConfigs(spec, nodes, blocks);
}
