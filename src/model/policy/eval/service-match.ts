// model: a rule's `services` match — the addresses of the Service's backend endpoints and, on the
// destination side, the ports they serve the Service on (Felix matches post-DNAT traffic).
import type { ServiceInfo, WorkloadEndpoint } from '../../endpoints/types.js';
import type { PolicyModel } from '../types.js';
import type { PeerInfo } from './peer-info.js';
import type { MatchCtx } from './rule-match.js';

/** The container port a Service port reaches on one backend (named targetPorts resolved), or undefined. */
export function backendPort(svcPort: ServiceInfo['ports'][number], backend: WorkloadEndpoint): number | undefined {
  if (typeof svcPort.targetPort === 'number') return svcPort.targetPort;
  const name = svcPort.targetPort;
  const found = backend.containerPorts.find((p) => p.name === name && protocolNumber(p.protocol) === svcPort.protocol);
  return found?.containerPort;
}

function protocolNumber(p: 'TCP' | 'UDP' | 'SCTP'): number {
  return p === 'TCP' ? 6 : p === 'UDP' ? 17 : 132;
}

/** The Service named by a rule, if it exists. */
export function findService(model: PolicyModel, ref: { name: string; namespace: string }): ServiceInfo | undefined {
  return model.services.find((s) => s.name === ref.name && s.namespace === ref.namespace);
}

/** True when the peer is a backend of the Service (and, with `checkPort`, the packet's port is one it serves). */
export function serviceMatches(
  c: MatchCtx,
  ref: { name: string; namespace: string },
  peer: PeerInfo,
  checkPort: boolean,
  port: number | undefined,
): boolean {
  const svc = findService(c.model, ref);
  if (!svc) return false;
  for (const b of svc.backends) {
    const e = c.model.endpoints[b];
    if (!e) continue;
    const same = peer.ip === undefined ? e === peer.pod : e.ip === peer.ip;
    if (!same) continue;
    if (!checkPort) return true;
    if (port !== undefined && svc.ports.some((sp) => sp.protocol === c.pkt.protocol && backendPort(sp, e) === port)) return true;
  }
  return false;
}
