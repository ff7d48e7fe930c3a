// model: kube-proxy's Service DNAT before policy — a packet to a ClusterIP:port becomes one packet per
// backend pod at its target port (named targetPorts resolved on that pod); policy sees the result.
import { formatIpv4 } from '../../../lib/ipv4.js';
import type { PolicyModel } from '../types.js';
import { backendPort } from './service-match.js';
import type { Packet } from './types.js';

export interface DnatTarget {
  readonly packet: Packet;
  readonly backend: string;
}

/** No DNAT (`undefined`), the translated packets, or why the Service cannot take the packet. */
export type DnatResult = undefined | { readonly service: string; readonly targets: readonly DnatTarget[] } | { readonly service: string; readonly failure: string };

/** Applies Service DNAT to a packet sent to an address. */
export function applyDnat(model: PolicyModel, pkt: Packet): DnatResult {
  if (!('ip' in pkt.dst)) return undefined;
  const ip = pkt.dst.ip >>> 0;
  const svc = model.services.find((s) => s.clusterIP === ip);
  if (!svc) return undefined;
  const service = `${svc.namespace}/${svc.name}`;
  const port = svc.ports.find((p) => p.protocol === pkt.protocol && p.port === pkt.dstPort);
  if (!port) return { service, failure: `Service ${service} (${formatIpv4(ip)}) has no port ${pkt.dstPort ?? '-'} for this protocol` };
  const targets: DnatTarget[] = [];
  for (const b of svc.backends) {
    const e = model.endpoints[b];
    if (!e) continue;
    const target = backendPort(port, e);
    if (target === undefined) continue;
    targets.push({ packet: { ...pkt, dst: { endpoint: b }, dstPort: target }, backend: `${e.namespace}/${e.name}` });
  }
  if (targets.length === 0) return { service, failure: `Service ${service} has no backend serving port ${port.port} (kube-proxy rejects the connection)` };
  return { service, targets };
}
