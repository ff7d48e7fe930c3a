// scenario: the cross-reference rules of a MetalLB balancer — every VIP inside its address pool (MetalLB's
// controller assigns a LoadBalancer Service's IP only from an IPAddressPool) and peers that name hosts.
import { cidrContains, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import { didYouMean } from '../schema/did-you-mean.js';
import { problemAt, type Ctx } from '../provenance.js';
import type { LoadBalancerSpec } from '../types.js';

/** Whether `ip` lies in a pool entry: a CIDR or a `first-last` range. */
export function inPoolEntry(entry: string, ip: number): boolean {
  const dash = entry.indexOf('-');
  if (dash >= 0) {
    const from = parseIpv4(entry.slice(0, dash).trim());
    const to = parseIpv4(entry.slice(dash + 1).trim());
    return ip >= from && ip <= to;
  }
  const c = parseCidr(entry);
  return c !== undefined && cidrContains(c, ip);
}

export function checkMetalLb(lb: LoadBalancerSpec, hosts: ReadonlySet<string>, ctx: Ctx): void {
  const m = lb.metallb;
  if (m === undefined) return;
  lb.vips.forEach((v, i) => {
    const ip = parseIpv4(v.address);
    if (ip >= 0 && !m.addresses.some((a) => inPoolEntry(a, ip))) {
      problemAt(ctx, lb, `vips[${i}].address`, `VIP ${v.address} is outside the address pool (${m.addresses.join(', ')}): MetalLB would not assign it`);
    }
  });
  m.peers.forEach((p, i) =>
    (p.nodes ?? []).forEach((n, j) => {
      if (!hosts.has(n)) problemAt(ctx, lb, `peers[${i}].nodes[${j}]`, `${n} is not a management host${didYouMean(n, hosts)}`);
    }),
  );
}
