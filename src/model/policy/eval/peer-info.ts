// model: a packet end resolved against the model — the workload endpoint, host endpoint or plain address
// it is, its IP (if known), and which of its selector labels are unknown (undeclared namespace).
import { formatIpv4 } from '../../../lib/ipv4.js';
import type { HostEndpoint, WorkloadEndpoint } from '../../endpoints/types.js';
import type { PolicyModel } from '../types.js';
import { modelIndex } from './model-index.js';
import type { Peer } from './types.js';

/** Keys whose values an undeclared namespace still determines (set by the API server / Calico). */
const ALWAYS_KNOWN = new Set(['pcns.projectcalico.org/name', 'pcns.kubernetes.io/metadata.name']);

export interface PeerInfo {
  /** `workload`: a pod with a WorkloadEndpoint; `host`: a HostEndpoint; `external`: no Calico endpoint. */
  readonly kind: 'workload' | 'host' | 'external';
  readonly ip?: number;
  readonly wep?: WorkloadEndpoint;
  readonly hep?: HostEndpoint;
  /** The pod this end is, also for a hostNetwork pod (which has no WorkloadEndpoint). */
  readonly pod?: WorkloadEndpoint;
  /** `ns/pod`, `hostendpoint/<name>` or the dotted address. */
  readonly label: string;
}

/** Resolves a packet end. An address that is a pod's IP is that pod; a HostEndpoint's IP is that host. */
export function resolvePeer(model: PolicyModel, peer: Peer): PeerInfo {
  if ('endpoint' in peer) {
    const pod = model.endpoints[peer.endpoint];
    if (!pod) throw new RangeError(`no endpoint ${peer.endpoint}`);
    const label = `${pod.namespace}/${pod.name}`;
    const ip = pod.ip;
    if (!pod.hostNetwork) return { kind: 'workload', wep: pod, pod, label, ...(ip !== undefined ? { ip } : {}) };
    const hep = ip !== undefined ? hostEndpointByIp(model, ip) : undefined;
    return { kind: hep ? 'host' : 'external', pod, label, ...(hep ? { hep } : {}), ...(ip !== undefined ? { ip } : {}) };
  }
  const ip = peer.ip >>> 0;
  const wep = modelIndex(model).podsByIp.get(ip)?.[0];
  if (wep) return { kind: 'workload', wep, pod: wep, ip, label: `${wep.namespace}/${wep.name}` };
  const hep = hostEndpointByIp(model, ip);
  if (hep) return { kind: 'host', hep, ip, label: `hostendpoint/${hep.name}` };
  return { kind: 'external', ip, label: formatIpv4(ip) };
}

function hostEndpointByIp(model: PolicyModel, ip: number): HostEndpoint | undefined {
  return modelIndex(model).hostsByIp.get(ip)?.[0];
}

/** Namespaces whose labels are unknown (referenced, never declared). */
export function undeclaredNamespaces(model: PolicyModel): ReadonlySet<string> {
  return modelIndex(model).undeclared;
}

/** The predicate "this label key's value is unknown" for an object in namespace `ns`. */
export function unknownKeys(ns: string | undefined, undeclared: ReadonlySet<string>): (key: string) => boolean {
  if (ns === undefined || !undeclared.has(ns)) return () => false;
  return (key) => key.startsWith('pcns.') && !ALWAYS_KNOWN.has(key);
}
