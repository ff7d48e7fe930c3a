// model: the endpoints policy sees — Calico WorkloadEndpoints (pods), HostEndpoints, (Global)NetworkSets,
// namespaces and Services — with the labels Calico's selectors match (own + pcns./pcsa. inherited), and
// the plain input buildEndpoints/buildPolicyModel read (PolicyInput). IPv4 addresses are uint32 numbers.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { Cidr } from '../../lib/ipv4.js';
import type {
  ContainerPort,
  Labels,
  Manifest,
  NamespaceSpec,
  ServiceSpec,
} from '../../scenario/types.js';

/** IANA protocol numbers used throughout the policy model (Calico `numorstring.Protocol.NumValue`). */
export const PROTO_ICMP = 1;
export const PROTO_TCP = 6;
export const PROTO_UDP = 17;
export const PROTO_ICMPV6 = 58;
export const PROTO_SCTP = 132;
export const PROTO_UDPLITE = 136;

/** One pod as given to the policy model. `ip` is the pod IP (the node IP for hostNetwork pods). */
export interface PodInput {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly serviceAccount: string;
  readonly ports: readonly ContainerPort[];
  readonly ip?: string;
  readonly node?: string;
  readonly hostNetwork: boolean;
  /** Owning controller from ownerReferences (Deployment, StatefulSet, Job, ...; kind may be any string); undefined for a bare pod. */
  readonly owner?: { readonly kind: string; readonly name: string };
  readonly src?: SourceRef;
}

/** Everything the policy model is built from (one cluster). */
export interface PolicyInput {
  /** Cluster (tenant) name, used in `tenant/namespace/pod` probe addresses; optional. */
  readonly cluster?: string;
  readonly namespaces: readonly NamespaceSpec[];
  readonly pods: readonly PodInput[];
  readonly services: readonly ServiceSpec[];
  /** NetworkPolicy, Calico policies/tiers/sets/host endpoints/profiles, AdminNetworkPolicy, ... */
  readonly manifests: readonly Manifest[];
}

/** A namespace as policy sees it. `declared: false` → its labels (other than the name) are unknown. */
export interface NamespaceInfo {
  readonly name: string;
  /** Namespace labels including `kubernetes.io/metadata.name=<name>` (set by the API server). */
  readonly labels: Labels;
  readonly declared: boolean;
}

/** A port an endpoint declares under a name: only these (named or hostPort) count for Calico named ports. */
export interface EndpointPort {
  readonly name: string;
  /** IANA protocol number (6, 17 or 132). */
  readonly protocol: number;
  readonly port: number;
}

/** A pod's Calico WorkloadEndpoint (or, for a hostNetwork pod, the pod with `hostNetwork: true` and no endpoint). */
export interface WorkloadEndpoint {
  /** Position in `PolicyModel.endpoints` (the packet's `{ endpoint: index }`). */
  readonly index: number;
  readonly name: string;
  readonly namespace: string;
  /** Labels Calico selectors see: own + projectcalico.org/{namespace,orchestrator,serviceaccount} + pcns.* + pcsa.*. */
  readonly labels: Labels;
  /** The pod's own labels as written. */
  readonly podLabels: Labels;
  readonly serviceAccount: string;
  /** Pod IP as uint32; undefined when unknown (then IP-based matches of it are `unknown`). */
  readonly ip?: number;
  readonly node?: string;
  /** hostNetwork pods have no WorkloadEndpoint: no workload policy applies, selectors never match them. */
  readonly hostNetwork: boolean;
  /** Named container ports (`ports[]` with a name; hostPort-only ports are kept with name ''). */
  readonly ports: readonly EndpointPort[];
  /** Every declared container port (named or not), for Service targetPort resolution. */
  readonly containerPorts: readonly ContainerPort[];
  readonly owner?: { readonly kind: string; readonly name: string };
  /** Profiles applied after the tiers, in order: `kns.<ns>`, `ksa.<ns>.<sa>`. */
  readonly profiles: readonly string[];
  readonly src?: SourceRef;
}

/** A Calico HostEndpoint (projectcalico.org/v3): labels, the IPs it owns and its profiles. */
export interface HostEndpoint {
  readonly index: number;
  readonly name: string;
  readonly node: string;
  readonly interfaceName?: string;
  /** Own labels only (no namespace label: `global()` / `!has(projectcalico.org/namespace)` selects it). */
  readonly labels: Labels;
  /** `spec.expectedIPs` (IPv4 only). */
  readonly ips: readonly number[];
  readonly ports: readonly EndpointPort[];
  readonly profiles: readonly string[];
  readonly src: SourceRef;
}

/** A NetworkSet (namespaced) or GlobalNetworkSet: its CIDRs join every rule selector that matches its labels. */
export interface NetworkSet {
  readonly name: string;
  /** Undefined for a GlobalNetworkSet. */
  readonly namespace?: string;
  /** Own labels, plus projectcalico.org/namespace and inherited pcns.* for a namespaced set. */
  readonly labels: Labels;
  /** IPv4 CIDRs (IPv6 entries are validated and then left out: calisim is IPv4-only). */
  readonly nets: readonly Cidr[];
  readonly src: SourceRef;
}

/** One Service port; `protocol` is a protocol number. */
export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol: number;
  readonly nodePort?: number;
}

/** A Service with its backends resolved (pods whose own labels match the selector, same namespace). */
export interface ServiceInfo {
  readonly name: string;
  readonly namespace: string;
  readonly clusterIP?: number;
  readonly ports: readonly ServicePort[];
  readonly selector: Labels;
  /** Endpoint indices of the backend pods, ascending. Empty for a selector-less Service. */
  readonly backends: readonly number[];
  readonly src: SourceRef;
}

/** Result of buildEndpoints. */
export interface EndpointSet {
  readonly namespaces: readonly NamespaceInfo[];
  readonly endpoints: readonly WorkloadEndpoint[];
  readonly services: readonly ServiceInfo[];
}
