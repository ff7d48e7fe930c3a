// model: the addresses and ports controllers give Services after the API server accepts them — a
// LoadBalancer Service's IP from Calico's LoadBalancer IPAM, and the healthCheckNodePort kube-apiserver
// allocates for a LoadBalancer Service with externalTrafficPolicy Local.
import { formatIpv4, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import type { IpPoolSpec, ServiceSpec } from '../../scenario/types.js';

/** kube-apiserver's default --service-node-port-range. */
const NODE_PORT_RANGE = { first: 30000, last: 32767 } as const;

/** What a Service gains besides its ClusterIP (absent fields: none). */
export interface ServiceAssignment {
  readonly loadBalancerIP?: string;
  readonly healthCheckNodePort?: number;
}

/**
 * Per Service, in input order. LoadBalancer IPs: Calico kube-controllers' LoadBalancer controller
 * (assignIPs AllServices, its default) takes an address from the enabled pools whose allowedUses holds
 * LoadBalancer; calisim takes the lowest free address of the first such pool (Calico IPAM hands out a
 * block's lowest free ordinal). A stated `loadBalancerIP` is kept; with no such pool the Service stays
 * pending (no address). Health ports: kube-apiserver allocates one from the NodePort range when none is
 * stated (at random; calisim the lowest port no Service of the cluster uses).
 */
export function assignServiceAddresses(services: readonly ServiceSpec[], pools: readonly IpPoolSpec[]): ServiceAssignment[] {
  const usedIps = new Set(services.flatMap((s) => (s.loadBalancerIP ? [parseIpv4(s.loadBalancerIP)] : [])));
  const usedPorts = new Set(services.flatMap((s) => [...s.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])), ...(s.healthCheckNodePort === undefined ? [] : [s.healthCheckNodePort])]));
  const lbPools = pools.filter((p) => !p.disabled && p.allowedUses.includes('LoadBalancer')).map((p) => parseCidr(p.cidr)!);
  let nextPort: number = NODE_PORT_RANGE.first;
  return services.map((s) => {
    let loadBalancerIP = s.loadBalancerIP;
    if (s.type === 'LoadBalancer' && loadBalancerIP === undefined) {
      const ip = freeAddress(lbPools, usedIps);
      if (ip !== undefined) {
        usedIps.add(ip);
        loadBalancerIP = formatIpv4(ip);
      }
    }
    let healthCheckNodePort = s.healthCheckNodePort;
    if (s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local' && healthCheckNodePort === undefined) {
      while (usedPorts.has(nextPort) && nextPort <= NODE_PORT_RANGE.last) nextPort++;
      if (nextPort <= NODE_PORT_RANGE.last) {
        healthCheckNodePort = nextPort;
        usedPorts.add(nextPort);
      }
    }
    return { ...(loadBalancerIP === undefined ? {} : { loadBalancerIP }), ...(healthCheckNodePort === undefined ? {} : { healthCheckNodePort }) };
  });
}

function freeAddress(pools: readonly { base: number; len: number }[], used: ReadonlySet<number>): number | undefined {
  for (const p of pools) {
    const size = 2 ** (32 - p.len);
    for (let i = 0; i < size; i++) if (!used.has((p.base + i) >>> 0)) return (p.base + i) >>> 0;
  }
  return undefined;
}
