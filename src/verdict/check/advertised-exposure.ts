// verdict: the Service addresses the outside reaches because Calico advertises them over BGP — a
// ClusterIP, externalIP or LoadBalancer IP inside its cluster's BGPConfiguration service*IPs range, carried
// by an external peer, with a node to take it (src/verdict/trace/advertised-service.ts) — as exposure lines.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { parseIpv4 } from '../../lib/ipv4.js';
import type { ServiceSpec } from '../../scenario/types.js';
import { advertisingNodes } from '../trace/advertised-service.js';
import type { ServiceAddressKind } from '../trace/service-entry.js';

/** One Service address reachable from outside. */
export interface AdvertisedAddress {
  readonly cluster: number;
  readonly svc: ServiceSpec;
  readonly label: string;
}

/** Every advertised Service address of every cluster with the ports that take traffic, in input order. */
export function advertisedAddresses(run: PlatformRun): AdvertisedAddress[] {
  const out: AdvertisedAddress[] = [];
  for (const c of run.model.clusters) {
    for (const svc of c.services) {
      for (const [kind, address] of addressesOf(svc)) {
        const ip = parseIpv4(address);
        const ports = svc.ports.filter((p) => !advertisingNodes(run, { cluster: c.id, svc, kind }, ip, p.port, p.protocol).drop).map((p) => p.port);
        if (ports.length) out.push({ cluster: c.id, svc, label: `Service ${svc.namespace}/${svc.name} (${kind} ${address}:${ports.join(',')}, advertised by Calico in ${c.name})` });
      }
    }
  }
  return out;
}

/** The addresses kube-proxy answers for `svc` (headless and ExternalName Services have none). */
function addressesOf(svc: ServiceSpec): [ServiceAddressKind, string][] {
  if (svc.type === 'ExternalName') return [];
  const out: [ServiceAddressKind, string][] = [];
  if (svc.clusterIP !== undefined && svc.clusterIP !== 'None') out.push(['ClusterIP', svc.clusterIP]);
  for (const a of svc.externalIPs ?? []) out.push(['externalIP', a]);
  if (svc.type === 'LoadBalancer' && svc.loadBalancerIP !== undefined) out.push(['LoadBalancer IP', svc.loadBalancerIP]);
  return out;
}
