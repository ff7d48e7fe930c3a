// model: the one rule for the source address a packet carries on its way between clusters — the address
// translations it meets (Calico natOutgoing at the sending node, flannel's --ip-masq where it leaves a
// tenant's flannel network on a management host) and which of them a policy on a given node sees.
import { cidrContains, parseCidr, type Cidr } from '../../lib/ipv4.js';
import type { IpPoolSpec } from '../../scenario/types.js';
import { flannelMasquerade } from '../underlay/flannel-masquerade.js';
import type { Model } from '../types.js';

/** One source rewrite: which rule, on which node (model id; -1 for a load balancer), to which address. */
export interface SourceChange {
  readonly rule: 'calico-nat-outgoing' | 'flannel-ip-masq' | 'kube-proxy-masquerade' | 'kube-proxy-off-cluster' | 'lb-snat';
  readonly node: number;
  readonly to: number;
}

/** Where a packet starts: its address, its node and cluster, and whether it is a (non-hostNetwork) pod. */
export interface PacketSource {
  readonly ip: number;
  readonly node: number;
  readonly cluster: number;
  readonly pod: boolean;
}

/**
 * The rewrites of the source address of a packet from `src` to `dstIp`, in the order they happen:
 * 1. Calico natOutgoing (felix/rules/nat.go, nat POSTROUTING): a pod address inside an enabled pool with
 *    `natOutgoing`, sent to an address outside every enabled pool of its cluster, is masqueraded to its
 *    node's address (a tenant VM's, or a management host's).
 * 2. flannel --ip-masq (flannel pkg/trafficmngr/iptables/iptables.go masqRules, on the management host a
 *    tenant VM runs on): an address inside the tenant's flannel Network sent outside it is masqueraded to
 *    the host's address.
 * Nothing else rewrites the source between clusters: a management pod's packet to a tenant pod address is
 * outside the tenant's flannel Network, so flannel leaves it alone (its rule 6 only covers destinations
 * inside the Network).
 */
export function sourceChanges(model: Model, src: PacketSource, dstIp: number): SourceChange[] {
  const out: SourceChange[] = [];
  if (src.cluster < 0 || src.node < 0) return out;
  let ip = src.ip;
  const cluster = model.clusters[src.cluster]!;
  const pools = enabledPools(cluster.spec.calico.ipPools);
  const inPool = (a: number) => pools.find((x) => x.cidr !== undefined && cidrContains(x.cidr, a));
  const node = model.nodes[src.node]!;
  if (src.pod && inPool(ip)?.p.natOutgoing === true && inPool(dstIp) === undefined) {
    ip = node.ip;
    out.push({ rule: 'calico-nat-outgoing', node: node.id, to: ip });
  }
  const flannel = cluster.underlay.flannel;
  if (flannel?.ipMasq && node.host >= 0) {
    const lease = flannel.leases.find((l) => l.host === node.host);
    if (lease && cidrContains(flannel.network, ip) && flannelMasquerade(ip, dstIp, flannel.network, lease.subnet)) {
      ip = model.nodes[node.host]!.ip;
      out.push({ rule: 'flannel-ip-masq', node: node.host, to: ip });
    }
  }
  return out;
}

/**
 * Every address a policy on some node may see as the source of a packet from `src`, whatever its
 * destination (sourceSeenAt over sourceChanges): the original, and each rewrite sourceChanges can make —
 * natOutgoing to the node's address, flannel's masquerade to its host's.
 */
export function possibleSources(model: Model, src: PacketSource): number[] {
  const out = [src.ip];
  if (src.cluster < 0 || src.node < 0) return out;
  const cluster = model.clusters[src.cluster]!;
  const node = model.nodes[src.node]!;
  const pool = enabledPools(cluster.spec.calico.ipPools).find((x) => x.cidr !== undefined && cidrContains(x.cidr, src.ip));
  if (src.pod && pool?.p.natOutgoing === true) out.push(node.ip);
  const flannel = cluster.underlay.flannel;
  if (flannel?.ipMasq && node.host >= 0 && flannel.leases.some((l) => l.host === node.host)) out.push(model.nodes[node.host]!.ip);
  return out;
}

interface ParsedPool {
  readonly p: IpPoolSpec;
  readonly cidr: Cidr | undefined;
}

const parsedPools = new WeakMap<readonly IpPoolSpec[], readonly ParsedPool[]>();

/** A cluster's enabled pools with their CIDRs parsed (once per pool list: the isolation check asks per target). */
function enabledPools(pools: readonly IpPoolSpec[]): readonly ParsedPool[] {
  let parsed = parsedPools.get(pools);
  if (!parsed) parsedPools.set(pools, (parsed = pools.filter((p) => !p.disabled).map((p) => ({ p, cidr: parseCidr(p.cidr) }))));
  return parsed;
}

/**
 * The source address a policy enforced on `node` sees. Netfilter filters (Calico's policy chains) in
 * FORWARD, before the node's own POSTROUTING rewrites, so a rewrite made on `node` itself, and every later
 * one, is not seen there; rewrites made on earlier nodes are (Kubernetes docs, "source IP" tutorials;
 * ingress-nginx docs/deploy/baremetal.md).
 */
export function sourceSeenAt(original: number, changes: readonly SourceChange[], node: number): number {
  let ip = original;
  for (const c of changes) {
    if (c.node === node) break;
    ip = c.to;
  }
  return ip;
}

/** The source address the packet finally arrives with. */
export function arrivingSource(original: number, changes: readonly SourceChange[]): number {
  return changes.length ? changes[changes.length - 1]!.to : original;
}
