// model: the graphology topology graph — clusters, hosts, VMs, underlay networks (a flannel VXLAN per
// tenant, a VPC, a physical L2/L3 network), load balancers, the ingress controller, external BGP peers,
// and links, tunnels and BGP sessions between them. The viz and the reports read it; nothing mutates it.
import { MultiGraph } from 'graphology';
import { formatCidr } from '../lib/ipv4.js';
import { nodePeerings } from './bgp/node-peerings.js';
import type { NodeBgpConfig } from './bgp/types.js';
import type { ModelCluster, ModelNode } from './types.js';
import type { LoadBalancerSpec, PlatformSpec } from '../scenario/types.js';

/** Node keys: `cluster:<name>`, `node:<qualified name>`, `net:<cluster>`, `lb:<name>`, `ingress`, `peer:<cluster>/<name>`. */
export function buildGraph(
  clusters: readonly ModelCluster[],
  nodes: readonly ModelNode[],
  bgp: ReadonlyMap<number, readonly NodeBgpConfig[]>,
  platform: PlatformSpec | undefined,
  loadBalancers: readonly LoadBalancerSpec[],
): MultiGraph {
  const g = new MultiGraph({ allowSelfLoops: false });
  for (const c of clusters) {
    g.addNode(`cluster:${c.name}`, { type: 'cluster', label: c.name, kind: c.kind, placement: c.placement });
    const u = c.underlay;
    g.addNode(`net:${c.name}`, {
      type: 'network',
      label: u.flannel ? `flannel VNI ${u.flannel.vni}` : u.kind === 'vpc' ? `VPC ${formatCidr(u.network)}` : formatCidr(u.network),
      kind: u.kind,
      cidr: formatCidr(u.network),
      mtu: u.mtu,
      cluster: c.name,
    });
    g.addDirectedEdge(`net:${c.name}`, `cluster:${c.name}`, { type: 'member-of' });
  }
  for (const n of nodes) {
    const key = `node:${n.name}`;
    g.addNode(key, { type: n.role, label: n.shortName, ip: n.ipText, cluster: clusters[n.cluster]!.name });
    g.addUndirectedEdge(key, `net:${clusters[n.cluster]!.name}`, { type: 'link' });
    if (n.host >= 0) g.addDirectedEdge(key, `node:${nodes[n.host]!.name}`, { type: 'runs-on' });
  }
  // A flannel network's VXLAN tunnels run between the management hosts that carry its VMs.
  for (const c of clusters) {
    if (c.underlay.kind !== 'flannel') continue;
    const hosts = [...new Set(c.nodes.map((id) => nodes[id]!.host).filter((h) => h >= 0))].sort((a, b) => a - b);
    for (let i = 0; i < hosts.length; i++)
      for (let j = i + 1; j < hosts.length; j++)
        g.addUndirectedEdge(`node:${nodes[hosts[i]!]!.name}`, `node:${nodes[hosts[j]!]!.name}`, {
          type: 'tunnel',
          vni: c.underlay.flannel?.vni,
          cluster: c.name,
        });
  }
  for (const [ci, configs] of bgp) {
    const c = clusters[ci]!;
    const qualify = (short: string): string => (c.kind === 'management' ? short : `${c.name}/${short}`);
    for (const cfg of configs) {
      for (const p of nodePeerings(cfg)) {
        const from = `node:${qualify(cfg.node)}`;
        if (p.peerIsNode) {
          // One edge per session: draw it from the side whose name sorts first.
          if (cfg.node < p.peerName) g.addUndirectedEdge(from, `node:${qualify(p.peerName)}`, { type: 'bgp', kind: p.kind });
        } else {
          const peerKey = `peer:${c.name}/${p.peerName}`;
          if (!g.hasNode(peerKey)) g.addNode(peerKey, { type: 'external-peer', label: p.peerName, ip: p.peerIp, as: p.peerAs });
          g.addUndirectedEdge(from, peerKey, { type: 'bgp', kind: p.kind });
        }
      }
    }
  }
  if (platform) {
    g.addNode('ingress', { type: 'ingress', label: platform.ingress.name, namespace: platform.ingress.namespace });
    for (const lb of loadBalancers) {
      g.addNode(`lb:${lb.name}`, { type: 'load-balancer', label: lb.name, vips: lb.vips.map((v) => `${v.address}:${v.port}`) });
      for (const m of lb.members) {
        const target = g.hasNode(`node:${m.host}`) ? `node:${m.host}` : 'ingress';
        g.addDirectedEdge(`lb:${lb.name}`, target, { type: 'lb-member', port: m.port });
      }
      g.addDirectedEdge(`lb:${lb.name}`, 'ingress', { type: 'fronts' });
    }
  }
  return g;
}
