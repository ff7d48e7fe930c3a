// scenario: the cross-reference rules of `platform.loadBalancers` — unique names and VIPs, members that name
// a management host (by name or address), VIPs outside every pod pool (Calico would hand such an address to
// a pod), a VIP's own member port only in NodePort mode, an HA peer that is another unit, and MetalLB's pool and peers (check-metallb.ts).
import { cidrContains, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import { checkUnique } from '../checks/check-cluster.js';
import { checkMetalLb } from './check-metallb.js';
import { didYouMean } from '../schema/did-you-mean.js';
import { ipv4 } from '../schema/formats.js';
import { problemAt, type Ctx } from '../provenance.js';
import type { ClusterSpec, LoadBalancerSpec } from '../types.js';

/** Why a VIP of another kind of balancer has no member port of its own. */
const MEMBER_PORT_ELSEWHERE = {
  metallb: "a MetalLB VIP goes through kube-proxy to the Service's endpoints: it has no pool",
  cluster: 'in cluster mode the members are the ingress pods at their target port (`servicePort` picks it)',
} as const;

export function checkLoadBalancers(lbs: readonly LoadBalancerSpec[], mgmt: ClusterSpec, clusters: readonly ClusterSpec[], ctx: Ctx): void {
  const hosts = new Set(mgmt.nodes.map((n) => n.name));
  const addresses = new Set(mgmt.nodes.flatMap((n) => (n.ip === undefined ? [] : [n.ip])));
  // Node addresses are assigned when absent, so an address can be checked only when every host has one.
  const allAddressed = mgmt.nodes.every((n) => n.ip !== undefined);
  checkUnique(lbs, (lb) => lb.name, 'load balancer', 'name', ctx);
  const pools = clusters.flatMap((c) => (c.calico?.ipPools ?? []).map((p) => ({ cluster: c.name, pool: p.name, cidr: parseCidr(p.cidr) })));
  for (const lb of lbs) {
    lb.members?.forEach((m, i) => {
      if (typeof m.host !== 'string' || hosts.has(m.host)) return;
      if (ipv4(m.host) !== undefined) problemAt(ctx, lb, `members[${i}].host`, `${m.host} is neither a management host nor an IPv4 address${didYouMean(m.host, hosts)}`);
      else if (allAddressed && !addresses.has(m.host)) problemAt(ctx, lb, `members[${i}].host`, `${m.host} is the address of no management host: a NodePort member must name a node`);
    });
    checkUnique(lb.members ?? [], (m) => `${m.host}:${m.port}`, 'member', 'host', ctx);
    (lb.vips ?? []).forEach((v, i) => {
      const ip = typeof v.address === 'string' ? parseIpv4(v.address) : -1;
      const inside = ip < 0 ? undefined : pools.find((p) => p.cidr !== undefined && cidrContains(p.cidr, ip));
      if (inside) problemAt(ctx, lb, `vips[${i}].address`, `VIP ${v.address} is inside pod pool ${inside.pool} of ${inside.cluster}: IPAM could give it to a pod`);
      if (v.memberPort !== undefined && (lb.kind === 'metallb' || lb.cluster)) problemAt(ctx, lb, `vips[${i}].memberPort`, `memberPort is for an F5 balancer in NodePort mode: ${MEMBER_PORT_ELSEWHERE[lb.kind === 'metallb' ? 'metallb' : 'cluster']}`);
    });
    checkMetalLb(lb, hosts, ctx);
    if (lb.ha !== undefined && lbs.some((x) => x.name === lb.ha?.peer)) problemAt(ctx, lb, 'ha.peer', `${lb.ha.peer} names a load balancer: the peer is the standby unit of this one, give it a device name of its own`);
  }
  const seen = new Map<string, string>();
  for (const lb of lbs) {
    (lb.vips ?? []).forEach((v, i) => {
      const key = `${v.address}:${v.port}/${v.protocol}`;
      const first = seen.get(key);
      if (first !== undefined) problemAt(ctx, lb, `vips[${i}]`, `VIP ${key} is already served by ${first}`);
      else seen.set(key, lb.name);
    });
  }
}
