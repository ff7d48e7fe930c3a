// model: PolicyInput pods, namespaces, service accounts and Services into the endpoints policy sees —
// WorkloadEndpoints with Calico labels, named ports and profiles; namespaces; Services with backends.
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import { parseIpv4 } from '../../lib/ipv4.js';
import type { ContainerPort, Labels, ServiceSpec } from '../../scenario/types.js';
import {
  LABEL_METADATA_NAME,
  namespaceProfileLabels,
  serviceAccountProfileLabels,
  sortLabels,
  workloadLabels,
} from './calico-labels.js';
import { samePodContent } from './same-pod-content.js';
import type { EndpointPort, EndpointSet, NamespaceInfo, PodInput, PolicyInput, ServiceInfo, WorkloadEndpoint } from './types.js';
import { PROTO_SCTP, PROTO_TCP, PROTO_UDP } from './types.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: PROTO_TCP, UDP: PROTO_UDP, SCTP: PROTO_SCTP };

/** Builds namespaces, endpoints (in input order) and Services; problems go to `diagnostics`. */
export function buildEndpoints(input: PolicyInput, diagnostics: Diagnostic[] = []): EndpointSet {
  const namespaces = buildNamespaces(input);
  const nsLabels = new Map(namespaces.map((n) => [n.name, n.labels]));
  const saLabels = serviceAccountLabels(input);
  const shared = sharedParts(nsLabels, saLabels);
  const endpoints = input.pods.map((pod, index) => buildEndpoint(pod, index, shared(pod), diagnostics));
  const byNamespace = endpointsByNamespace(endpoints);
  const services = input.services.map((s) => buildService(s, byNamespace.get(s.namespace) ?? [], diagnostics));
  return { namespaces, endpoints, services };
}

/** Declared namespaces plus every namespace only referenced by a pod or Service (declared: false). */
export function buildNamespaces(input: PolicyInput): NamespaceInfo[] {
  const byName = new Map<string, NamespaceInfo>();
  for (const n of input.namespaces) {
    byName.set(n.name, { name: n.name, labels: sortLabels({ ...n.labels, [LABEL_METADATA_NAME]: n.name }), declared: n.declared });
  }
  const referenced = [...input.pods.map((p) => p.namespace), ...input.services.map((s) => s.namespace)];
  for (const m of input.manifests) if (m.namespace !== undefined) referenced.push(m.namespace);
  for (const name of referenced) {
    if (!byName.has(name)) byName.set(name, { name, labels: { [LABEL_METADATA_NAME]: name }, declared: false });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** ServiceAccount manifests' labels by `namespace/name`. */
function serviceAccountLabels(input: PolicyInput): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const m of input.manifests) {
    if (m.kind === 'ServiceAccount' && m.apiVersion === 'v1') out.set(`${m.namespace ?? 'default'}/${m.name}`, m.labels);
  }
  return out;
}

/** What pods of one workload share: Calico labels, endpoint ports and profiles (read-only, shared). */
interface SharedParts {
  readonly labels: Record<string, string>;
  readonly ports: EndpointPort[];
  readonly profiles: string[];
}

/**
 * SharedParts of a pod, computed once per label set (keys in order), port list, namespace and service account,
 * compared by content: pods of a workload share them, and so do the bare pods of a dump (each with its own
 * label object). A pod is found by a hash of its interned strings, then compared field by field (B1's 10,000
 * pods built a ~100-character key each).
 */
function sharedParts(nsLabels: ReadonlyMap<string, Labels>, saLabels: ReadonlyMap<string, Labels>): (pod: PodInput) => SharedParts {
  const make = partsMaker(nsLabels, saLabels);
  const strIds = new Map<string, number>();
  const sid = (s: string): number => {
    let i = strIds.get(s);
    if (i === undefined) strIds.set(s, (i = strIds.size));
    return i;
  };
  const buckets = new Map<number, { readonly pod: PodInput; readonly parts: SharedParts }[]>();
  return (pod) => {
    let h = Math.imul(0x811c9dc5 ^ sid(pod.namespace), 0x01000193) ^ sid(pod.serviceAccount);
    for (const k in pod.labels) h = Math.imul(Math.imul(h, 0x01000193) ^ sid(k), 0x01000193) ^ sid(pod.labels[k] as string);
    for (const p of pod.ports) h = Math.imul(Math.imul(h, 0x01000193) ^ sid(p.name ?? ''), 0x01000193) ^ p.containerPort;
    let list = buckets.get(h);
    if (!list) buckets.set(h, (list = []));
    for (const s of list) if (samePodContent(s.pod, pod)) return s.parts;
    const parts = make(pod);
    list.push({ pod, parts });
    return parts;
  };
}

/** A pod's SharedParts, built afresh. */
function partsMaker(nsLabels: ReadonlyMap<string, Labels>, saLabels: ReadonlyMap<string, Labels>): (pod: PodInput) => SharedParts {
  // The profile labels a pod inherits depend on its namespace and service account only.
  const inheritedOf = new Map<string, Labels[]>();
  return (pod) => {
    const nsSa = `${pod.namespace}/${pod.serviceAccount}`;
    let inherited = inheritedOf.get(nsSa);
    if (!inherited) {
      inherited = [
        namespaceProfileLabels(pod.namespace, nsLabels.get(pod.namespace) ?? {}),
        ...(pod.serviceAccount ? [serviceAccountProfileLabels(pod.serviceAccount, saLabels.get(nsSa) ?? {})] : []),
      ];
      inheritedOf.set(nsSa, inherited);
    }
    return {
      labels: workloadLabels(pod.labels, pod.namespace, pod.serviceAccount, inherited),
      ports: endpointPorts(pod.ports),
      profiles: [`kns.${pod.namespace}`, ...(pod.serviceAccount ? [`ksa.${pod.namespace}.${pod.serviceAccount}`] : [])],
    };
  };
}

function buildEndpoint(pod: PodInput, index: number, shared: SharedParts, diagnostics: Diagnostic[]): WorkloadEndpoint {
  let ip: number | undefined;
  if (pod.ip !== undefined) {
    ip = parseIpv4(pod.ip);
    if (ip < 0) {
      diagnostics.push(diagnosticAt(pod.src, 'status.podIP', `invalid IPv4 address "${pod.ip}": the pod is treated as having no IP`, 'warning'));
      ip = undefined;
    }
  }
  // Optional fields assigned one by one, in the declared key order (a spread of `{}` per absent field
  // allocates an object per pod and field).
  const e: Draft<WorkloadEndpoint> = { index, name: pod.name, namespace: pod.namespace, labels: shared.labels, podLabels: pod.labels, serviceAccount: pod.serviceAccount };
  if (ip !== undefined) e.ip = ip;
  if (pod.node !== undefined) e.node = pod.node;
  e.hostNetwork = pod.hostNetwork;
  e.ports = shared.ports;
  e.containerPorts = pod.ports;
  if (pod.owner) e.owner = pod.owner;
  e.profiles = shared.profiles;
  if (pod.src) e.src = pod.src;
  return e as WorkloadEndpoint;
}

/** The writable form of an endpoint, filled field by field. */
type Draft<T> = { -readonly [K in keyof T]?: T[K] };

/** Endpoints by namespace, each list in endpoint order (a Service's backends are in its own namespace). */
function endpointsByNamespace(endpoints: readonly WorkloadEndpoint[]): Map<string, WorkloadEndpoint[]> {
  const out = new Map<string, WorkloadEndpoint[]>();
  for (const e of endpoints) {
    const list = out.get(e.namespace);
    if (list) list.push(e);
    else out.set(e.namespace, [e]);
  }
  return out;
}

/** workload_endpoint_default.go appendEndpointPorts: container ports with a name or a hostPort. */
export function endpointPorts(ports: readonly ContainerPort[]): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const p of ports) {
    const protocol = PROTOCOLS[p.protocol];
    if (p.containerPort === 0 || protocol === undefined) continue;
    if ((p.name ?? '') === '' && !p.hostPort) continue;
    out.push({ name: p.name ?? '', protocol, port: p.containerPort });
  }
  return out;
}

/** A Service with its backends among `inNamespace` (the endpoints of its namespace, in endpoint order). */
function buildService(s: ServiceSpec, inNamespace: readonly WorkloadEndpoint[], diagnostics: Diagnostic[]): ServiceInfo {
  let clusterIP: number | undefined;
  if (s.clusterIP !== undefined && s.clusterIP !== 'None' && s.clusterIP !== '') {
    clusterIP = parseIpv4(s.clusterIP);
    if (clusterIP < 0) {
      diagnostics.push(diagnosticAt(s.src, 'spec.clusterIP', `invalid IPv4 address "${s.clusterIP}"`, 'warning'));
      clusterIP = undefined;
    }
  }
  const keys = Object.keys(s.selector);
  const backends =
    keys.length === 0
      ? []
      : inNamespace.filter((e) => keys.every((k) => Object.hasOwn(e.podLabels, k) && e.podLabels[k] === s.selector[k])).map((e) => e.index);
  return {
    name: s.name,
    namespace: s.namespace,
    ...(clusterIP !== undefined ? { clusterIP } : {}),
    ports: s.ports.map((p) => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      port: p.port,
      targetPort: p.targetPort,
      protocol: PROTOCOLS[p.protocol] ?? PROTO_TCP,
      ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
    })),
    selector: s.selector,
    backends,
    src: s.src,
  };
}
