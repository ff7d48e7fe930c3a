// model: where each node sits on its underlay. Management hosts and plain clusters take addresses from
// their physical network; a cloud tenant's VMs from its VPC (AWS reserves the first four and the last
// address of a subnet); an on-premises tenant's VMs run on management hosts and take addresses from the
// flannel subnet of their host: flannel gives each host one SubnetLen-sized subnet of its Network,
// starting at SubnetMin (the second subnet), keeps .0 for the flannel.<VNI> device and .1 for the bridge,
// so VMs get .2 upwards with that subnet's mask (two VMs on different hosts are in different subnets).
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../lib/ipv4.js';
import type { ClusterSpec } from '../scenario/types.js';
import type { ModelNode, ModelUnderlay } from './types.js';

/** A node's underlay address, the prefix length of its subnet, and its management host (-1 if none). */
export interface NodeAddress {
  readonly ip: string;
  readonly prefixLen: number;
  readonly host: number;
}

/** Result of addressing one cluster. */
export interface ClusterAddresses {
  readonly underlay: ModelUnderlay;
  readonly nodes: readonly NodeAddress[];
}

/** Running count of VMs per management host, shared by all tenants so placement spreads across tenants. */
const vmLoad = new WeakMap<readonly ModelNode[], Int32Array>();

/**
 * Addresses the nodes of `cluster`. `hosts` are the management hosts (empty for the management cluster
 * itself and without a platform); `hostsKey` identifies the shared host list so that VM placement spreads
 * over hosts across tenants (fewest VMs first, ties by host order).
 */
export function addressClusterNodes(cluster: ClusterSpec, hosts: readonly ModelNode[], hostsKey: readonly ModelNode[] = hosts): ClusterAddresses {
  const u = cluster.underlay;
  if (u.kind === 'flannel' && hosts.length > 0) return flannelAddresses(cluster, hosts, hostsKey);
  const cidrText = u.kind === 'flannel' ? u.flannel.network : u.kind === 'vpc' ? u.vpc.cidr : u.cidr;
  const mtu = u.kind === 'flannel' ? u.flannel.mtu : u.kind === 'vpc' ? u.vpc.mtu : u.mtu;
  const net = parseCidr(cidrText) ?? { base: 0, len: 0 };
  // VPC: .0-.3 and the last address are reserved; a physical network keeps .1 for its gateway.
  const first = u.kind === 'vpc' ? 4 : 2;
  const last = net.base + 2 ** (32 - net.len) - 2;
  const used = new Set(cluster.nodes.map((n) => (n.ip !== undefined ? parseIpv4(n.ip) : -1)));
  let next = net.base + first;
  const nodes = cluster.nodes.map((n) => {
    if (n.ip !== undefined) return { ip: n.ip, prefixLen: net.len, host: -1 };
    while (used.has(next)) next++;
    if (next > last) throw new Error(`underlay ${cidrText} of ${cluster.name} has no room for node ${n.name}`);
    used.add(next);
    return { ip: formatIpv4(next++), prefixLen: net.len, host: -1 };
  });
  const kind = u.kind === 'flannel' ? 'physical' : u.kind;
  return { underlay: { kind, cidr: cidrText, nicMtu: mtu }, nodes };
}

function flannelAddresses(cluster: ClusterSpec, hosts: readonly ModelNode[], hostsKey: readonly ModelNode[]): ClusterAddresses {
  if (cluster.underlay.kind !== 'flannel') throw new Error('not a flannel underlay');
  const f = cluster.underlay.flannel;
  const net = parseCidr(f.network) as { base: number; len: number };
  const subnetSize = 2 ** (32 - f.subnetLen);
  let load = vmLoad.get(hostsKey);
  if (!load) {
    load = new Int32Array(hosts.length);
    vmLoad.set(hostsKey, load);
  }
  const hostIndex = new Map(hosts.map((h, i) => [h.shortName, i]));
  const perHost = new Int32Array(hosts.length);
  const hostSubnets = new Map<number, string>();
  // SubnetMin is the second subnet of the Network: host i (in host order) leases subnet i + 1.
  const subnetOf = (i: number): number => net.base + (i + 1) * subnetSize;
  hosts.forEach((h, i) => hostSubnets.set(h.id, `${formatIpv4(subnetOf(i))}/${f.subnetLen}`));
  const nodes = cluster.nodes.map((n) => {
    let hi = n.host !== undefined ? (hostIndex.get(n.host) ?? -1) : -1;
    if (hi < 0) {
      hi = 0;
      for (let i = 1; i < hosts.length; i++) if (load![i]! < load![hi]!) hi = i;
    }
    load![hi]!++;
    const ordinal = perHost[hi]!++;
    const ip = n.ip !== undefined ? n.ip : formatIpv4(subnetOf(hi) + 2 + ordinal);
    const subnet = parseCidr(`${formatIpv4(subnetOf(hi))}/${f.subnetLen}`)!;
    if (!cidrContains(subnet, parseIpv4(ip)) || 2 + ordinal >= subnetSize - 1)
      throw new Error(`flannel subnet ${formatIpv4(subnet.base)}/${f.subnetLen} of host ${hosts[hi]!.shortName} has no room for VM ${n.name}`);
    return { ip, prefixLen: f.subnetLen, host: hosts[hi]!.id };
  });
  return {
    underlay: { kind: 'flannel', cidr: f.network, nicMtu: f.mtu, vni: f.vni, udpPort: f.port, hostSubnets },
    nodes,
  };
}
