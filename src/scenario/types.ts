// scenario: the plain-data result of parsing, validating and expanding a scenario file (or a folder of
// real manifests). Everything after this stage reads these types, never YAML. Every record keeps the
// SourceRef of where the user wrote it, so later stages can point errors and verdicts at file:line.
import type { FieldPart, SourceRef } from '../lib/diagnostics.js';

/** JSON-like value as read from YAML. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
/** A JSON-like object. */
export type JsonObject = { [k: string]: JsonValue };

/** Finds the source position of a field path inside a record (`spec.ingress[0].ports[1].port`): its value's, or with
 *  `part` 'key' its key's (a path ending at an index has no key: its item's); falls back to the nearest enclosing node
 *  that exists. Every implementation passes `part` on (a one-parameter function would type-check and ignore it). */
export type Locator = (path: string, part?: FieldPart) => SourceRef;

/** Label map (defined in src/lib so that the selector language can use it). */
export type { Labels } from '../lib/labels.js';
import type { Labels } from '../lib/labels.js';
import type { LabelSelector } from '../lib/selector/label-selector.js';

/** Time in milliseconds of simulated time. Durations in YAML are `90s`, `5m`, `1h30m`, `250ms`. */
export type Millis = number;

/** A real Kubernetes or Calico object kept whole (policies, Calico resources, anything not normalised). */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Namespace of a namespaced object (undefined for cluster-scoped ones). */
  readonly namespace?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  /** The whole object as written. */
  readonly body: JsonObject;
  readonly src: SourceRef;
  readonly locate: Locator;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly hostPort?: number;
}

export interface NamespaceSpec {
  readonly name: string;
  readonly labels: Labels;
  /** False when the namespace was only referenced, never declared (its labels are unknown). */
  readonly declared: boolean;
  readonly src: SourceRef;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'ReplicationController' | 'Pod';

/** A workload whose pods the model places; DaemonSets get one pod per matching node. */
export interface WorkloadSpec {
  readonly name: string;
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly replicas: number;
  /** Pod template labels. */
  readonly labels: Labels;
  readonly serviceAccount: string;
  readonly ports: readonly ContainerPort[];
  readonly nodeSelector: Labels;
  readonly hostNetwork: boolean;
  /** How long a stopped pod keeps running, its endpoint terminating (PodSpec default 30 s). */
  readonly terminationGracePeriodSeconds?: number;
  readonly src: SourceRef;
}

/** A pod given concretely (kubectl dump): its IP and node are taken as they are. */
export interface StaticPodSpec {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly serviceAccount: string;
  readonly ports: readonly ContainerPort[];
  readonly nodeName?: string;
  /** Labels a node must carry when the scheduler places the pod (no nodeName). */
  readonly nodeSelector?: Labels;
  readonly podIP?: string;
  readonly hostNetwork: boolean;
  /** Owning workload (from ownerReferences, with ReplicaSet hashes resolved to the Deployment). */
  readonly owner?: { readonly kind: WorkloadKind; readonly name: string };
  readonly src: SourceRef;
}

export interface ServicePortSpec {
  readonly name?: string;
  readonly port: number;
  /** Number or container-port name. */
  readonly targetPort: number | string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly nodePort?: number;
}

export interface ServiceSpec {
  readonly name: string;
  readonly namespace: string;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly selector: Labels;
  readonly ports: readonly ServicePortSpec[];
  /** A stated address, or `None` for a headless Service (no ClusterIP, no kube-proxy rules). */
  readonly clusterIP?: string;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  /** kube-proxy keeps ClusterIP traffic on the client's node with `Local` (absent: `Cluster`). */
  readonly internalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * `PreferClose` (or its 1.33 name `PreferSameZone`): the EndpointSlice controller hints every endpoint for
   * its own node's zone, and kube-proxy keeps a client node's traffic in its zone (absent: no hints).
   */
  readonly trafficDistribution?: 'PreferClose' | 'PreferSameZone';
  /**
   * `Auto` (the `service.kubernetes.io/topology-mode` annotation): the EndpointSlice controller hints the ready
   * endpoints to zones in proportion to the zones' CPU, or not at all when that would overload a zone; it takes
   * precedence over trafficDistribution.
   */
  readonly topologyMode?: 'Auto';
  /** `ClientIP` pins a client's connections to one endpoint for `sessionAffinityTimeout` s (absent: `None`). */
  readonly sessionAffinity?: 'None' | 'ClientIP';
  readonly sessionAffinityTimeout?: number;
  /** Addresses kube-proxy serves the Service on as on a LoadBalancer IP (routed there by the operator or Calico). */
  readonly externalIPs?: readonly string[];
  /** The `LoadBalancer` Service's address (stated `loadBalancerIP`, else Calico's LoadBalancer IPAM assigns one). */
  readonly loadBalancerIP?: string;
  /** kube-proxy's health server port for a LoadBalancer Service with externalTrafficPolicy Local. */
  readonly healthCheckNodePort?: number;
  /** The DNS name an `ExternalName` Service aliases (a CNAME: no ClusterIP, no endpoints). */
  readonly externalName?: string;
  readonly src: SourceRef;
}

export interface IngressPathSpec {
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  readonly service: string;
  readonly port: number | string;
  /** True for an Ingress's `spec.defaultBackend` (requests no rule matched), given as path `/` Prefix. */
  readonly defaultBackend?: boolean;
}

export interface IngressSpec {
  readonly name: string;
  readonly namespace: string;
  readonly className?: string;
  readonly host?: string;
  readonly paths: readonly IngressPathSpec[];
  /** Hosts of the Ingress's `tls` section (ingress-nginx redirects plain HTTP for them). */
  readonly tls?: readonly string[];
  readonly annotations: Labels;
  readonly src: SourceRef;
}

/** One HTTPRouteMatch of a rule (conditions ANDed; header names case-insensitive). */
export interface HttpRouteMatchSpec {
  readonly path: { readonly type: 'Exact' | 'PathPrefix'; readonly value: string };
  readonly method?: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly queryParams: readonly { readonly name: string; readonly value: string }[];
}

/** A Gateway API HTTPRoute: hostnames, the Gateways it attaches to, and rules of matches and backends. */
export interface HttpRouteSpec {
  readonly name: string;
  readonly namespace: string;
  /** Lower-case; empty: every host of the listener. */
  readonly hostnames: readonly string[];
  readonly parentRefs: readonly { readonly name: string; readonly namespace: string }[];
  readonly rules: readonly {
    readonly matches: readonly HttpRouteMatchSpec[];
    /** `namespace` only when it differs from the route's (a cross-namespace reference, which needs a ReferenceGrant). */
    readonly backendRefs: readonly { readonly name: string; readonly namespace?: string; readonly port?: number; readonly weight: number; readonly filters?: readonly HttpRouteFilterSpec[] }[];
    /** The rule's filters calisim applies (RequestRedirect, URLRewrite, RequestHeaderModifier); absent: none. */
    readonly filters?: readonly HttpRouteFilterSpec[];
  }[];
  /** Creation order among the routes read (metadata.creationTimestamp when given, else input order). */
  readonly created?: string;
  readonly src: SourceRef;
}

/** An HTTPRoute path modifier (HTTPPathModifier). */
export type HttpPathModifierSpec = { readonly type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; readonly value: string };

/** An HTTPRoute rule filter calisim applies (HTTPRouteFilter). */
export type HttpRouteFilterSpec =
  | { readonly type: 'RequestRedirect'; readonly scheme?: 'http' | 'https'; readonly hostname?: string; readonly path?: HttpPathModifierSpec; readonly port?: number; readonly statusCode: 301 | 302 }
  | { readonly type: 'URLRewrite'; readonly hostname?: string; readonly path?: HttpPathModifierSpec }
  | { readonly type: 'RequestHeaderModifier'; readonly set: readonly { readonly name: string; readonly value: string }[]; readonly add: readonly { readonly name: string; readonly value: string }[]; readonly remove: readonly string[] };

/** A Gateway API Gateway: its class and the listeners routes attach to. */
/** A Gateway API ReferenceGrant: which kinds of which namespaces may refer to objects of its own namespace. */
export interface ReferenceGrantSpec {
  readonly name: string;
  readonly namespace: string;
  readonly from: readonly { readonly group: string; readonly kind: string; readonly namespace: string }[];
  /** `name` absent: every object of the kind. */
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name?: string }[];
  readonly src: SourceRef;
}

export interface GatewaySpec {
  readonly name: string;
  readonly namespace: string;
  readonly className: string;
  readonly listeners: readonly {
    readonly name: string;
    /** Lower-case; absent: every host. */
    readonly hostname?: string;
    readonly port: number;
    readonly protocol: string;
    /** `allowedRoutes.namespaces.from` (Same by default). */
    readonly from: 'Same' | 'All' | 'Selector';
    /** `allowedRoutes.namespaces.selector`, with `from: Selector`: the labels of the namespaces whose routes attach. */
    readonly selector?: LabelSelector;
  }[];
  /**
   * `spec.addresses` (`from: spec`) and `status.addresses` (`from: status`): a request to one of them reaches
   * this Gateway's listeners, and a Gateway with addresses takes no request sent elsewhere.
   */
  readonly addresses?: readonly { readonly type: 'IPAddress' | 'Hostname'; readonly value: string; readonly from: 'spec' | 'status' }[];
  /** Why the Gateway is not accepted (an address type calisim's Gateway does not support): it takes no request. */
  readonly unsupportedAddress?: string;
  readonly src: SourceRef;
}

export type EncapMode = 'Always' | 'CrossSubnet' | 'Never';
export type AllowedUse = 'Workload' | 'Tunnel' | 'LoadBalancer';

/** Calico IPPool (projectcalico.org/v3), defaults applied. */
export interface IpPoolSpec {
  readonly name: string;
  readonly cidr: string;
  readonly blockSize: number;
  readonly ipipMode: EncapMode;
  readonly vxlanMode: EncapMode;
  readonly natOutgoing: boolean;
  readonly disabled: boolean;
  readonly disableBGPExport: boolean;
  /** Calico selector over node labels (default `all()`). */
  readonly nodeSelector: string;
  readonly allowedUses: readonly AllowedUse[];
  readonly src: SourceRef;
}

export type BgpOrigin = 'igp' | 'egp' | 'incomplete';

/** A prefix an external peer announces, with BGP attributes (all but prefix optional). */
export interface AnnouncementSpec {
  readonly prefix: string;
  readonly asPath: readonly number[];
  readonly origin: BgpOrigin;
  readonly med?: number;
  readonly localPref?: number;
  readonly communities: readonly string[];
  readonly originatorId?: string;
  readonly clusterList: readonly string[];
  readonly src: SourceRef;
}

/** An external BGP peer (a ToR router, say) of a tenant: `tenants[].calico.peers[]`. */
export interface ExternalPeerSpec {
  readonly name: string;
  readonly peerIP: string;
  readonly asNumber: number;
  readonly routerId?: string;
  /** Which tenant nodes peer with it: one node name, or a Calico selector over node labels; all when both absent. */
  readonly node?: string;
  readonly nodeSelector?: string;
  readonly keepaliveTime?: Millis;
  readonly holdTime?: Millis;
  readonly announce: readonly AnnouncementSpec[];
  readonly src: SourceRef;
}

export interface RouteReflectorSpec {
  /** Nodes acting as reflectors (names). */
  readonly nodes: readonly string[];
  readonly clusterId: string;
  readonly src: SourceRef;
}

export interface CalicoSpec {
  readonly asNumber: number;
  readonly nodeToNodeMeshEnabled: boolean;
  readonly routeReflectors?: RouteReflectorSpec;
  readonly peers: readonly ExternalPeerSpec[];
  readonly ipPools: readonly IpPoolSpec[];
  readonly strictAffinity: boolean;
  /** 0 = Calico's built-in cap (20). */
  readonly maxBlocksPerHost: number;
  /** BGPConfiguration service advertisement CIDRs. */
  readonly serviceClusterIPs: readonly string[];
  readonly serviceExternalIPs: readonly string[];
  readonly serviceLoadBalancerIPs: readonly string[];
  /** Detected host MTU override (0 = auto from the underlay). */
  readonly vethMtu: number;
  /** Calico resources found in manifests (BGPPeer, BGPConfiguration, ...) kept whole. */
  readonly resources: readonly Manifest[];
  readonly src: SourceRef;
}

export interface FlannelSpec {
  readonly vni: number;
  readonly network: string;
  readonly subnetLen: number;
  readonly port: number;
  readonly mtu: number;
  readonly ipMasq: boolean;
  readonly src: SourceRef;
}

export interface VpcSpec {
  readonly cidr: string;
  readonly mtu: number;
  readonly region?: string;
  readonly src: SourceRef;
}

/** The network a cluster's nodes sit on: a flannel VXLAN across the management hosts, a VPC, or a plain L3 network. */
export type UnderlaySpec =
  | { readonly kind: 'flannel'; readonly flannel: FlannelSpec }
  | { readonly kind: 'vpc'; readonly vpc: VpcSpec }
  | { readonly kind: 'physical'; readonly cidr: string; readonly mtu: number; readonly src: SourceRef };

export interface NodeSpec {
  readonly name: string;
  /** IPv4 address on the underlay; assigned deterministically when absent. */
  readonly ip?: string;
  readonly labels: Labels;
  /** Management host a tenant VM runs on; placed deterministically when absent. */
  readonly host?: string;
  /** Pods the node accepts (Kubernetes default 110). */
  readonly maxPods: number;
  /** Allocatable CPU (`4`, `500m`; a Node's status.allocatable.cpu): weighs its zone in topology-mode Auto hints. */
  readonly cpu?: string;
  readonly src: SourceRef;
}

export interface ExpectReach {
  readonly from: EndpointSelectorSpec;
  readonly to: EndpointSelectorSpec;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP' | 'ICMP';
  readonly port?: number;
  readonly expect: 'allow' | 'deny';
  readonly description?: string;
  readonly src: SourceRef;
}

/** Picks endpoints: a tenant (or `platform`), optionally a namespace, a workload, and a Calico selector over pod labels; or an external address. */
export interface EndpointSelectorSpec {
  readonly tenant?: string;
  readonly namespace?: string;
  readonly workload?: string;
  readonly selector?: string;
  readonly address?: string;
}

export interface ExpectSpec {
  /** Tenant pairs that must stay isolated; `all` = every pair. */
  readonly isolation: 'all' | 'none' | readonly (readonly [string, string])[];
  readonly reach: readonly ExpectReach[];
  /** BGP must converge within this long after each event. */
  readonly convergeWithin?: Millis;
  /** Fraction of each pool that must stay free (0..1). */
  readonly ipamHeadroom?: number;
  readonly consistentMtu: boolean;
  readonly src: SourceRef;
}

export interface ClusterSpec {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  readonly underlay: UnderlaySpec;
  readonly calico: CalicoSpec;
  readonly namespaces: readonly NamespaceSpec[];
  readonly workloads: readonly WorkloadSpec[];
  readonly pods: readonly StaticPodSpec[];
  readonly services: readonly ServiceSpec[];
  readonly ingresses: readonly IngressSpec[];
  /** Gateway API HTTPRoutes (gateway.networking.k8s.io/v1), from manifests; absent: none. */
  readonly httpRoutes?: readonly HttpRouteSpec[];
  /** Gateway API Gateways, from manifests; absent: none (HTTPRoutes are then served as written). */
  readonly gateways?: readonly GatewaySpec[];
  /** Gateway API ReferenceGrants read from manifests. */
  readonly referenceGrants?: readonly ReferenceGrantSpec[];
  /** Kubernetes and Calico policies (NetworkPolicy, GlobalNetworkPolicy, Tier, NetworkSet, ...). */
  readonly policies: readonly Manifest[];
  /** Objects kept for completeness that no stage models (each reported once as ignored). */
  readonly ignored: readonly Manifest[];
  readonly src: SourceRef;
}

/** A tenant cluster: on-premises (VMs on the management hosts, flannel underlay) or cloud (its own VPC). */
export interface TenantSpec extends ClusterSpec {
  readonly placement: 'onprem' | 'cloud';
}

/** A BIG-IP health monitor of a pool (times in ms; port 0 = the member's own port). */
export interface LbMonitorSpec {
  readonly type: 'http' | 'https' | 'tcp' | 'gateway-icmp';
  readonly port: number;
  readonly send: string;
  readonly receive: string;
  readonly interval: Millis;
  readonly timeout: Millis;
}

export type LbMethod = (typeof import('./loadbalancer/lb-schema.js').LB_METHODS)[number];

/** A pool member `host:port` (a management host name or an IP), its ratio and priority group. */
export interface LbMemberSpec {
  readonly host: string;
  readonly port: number;
  readonly ratio: number;
  readonly priorityGroup: number;
}

/** A BGP router MetalLB's speakers peer with (BGPPeer metallb.io/v1beta2); `nodes` absent = every node. */
export interface MetalLbPeerSpec {
  readonly peerAddress: string;
  readonly peerASN: number;
  readonly myASN: number;
  readonly peerPort: number;
  readonly holdTime: Millis;
  readonly nodes?: readonly string[];
  /** The router's ECMP over the speakers' next hops (default `modulo`); `resilient` keeps flows on surviving hops. */
  readonly ecmp?: 'modulo' | 'resilient';
}

/** How MetalLB announces the VIPs: L2 (one node answers ARP) or BGP (every node advertises a /32). */
export interface MetalLbSpec {
  readonly mode: 'l2' | 'bgp';
  /** IPAddressPool spec.addresses: CIDRs or `first-last` ranges. */
  readonly addresses: readonly string[];
  readonly peers: readonly MetalLbPeerSpec[];
}

/** An F5 balancer in cluster mode (CIS --pool-member-type=cluster): its pool is the ingress Service's ready
 *  endpoints on `servicePort`'s target port, as CIS writes them (times in ms). */
export interface F5ClusterSpec {
  readonly servicePort: number;
  readonly as3PostDelay: Millis;
  readonly nodePollInterval: Millis;
}

/**
 * A virtual server. `memberPort` (F5 NodePort mode) gives the VIP its own pool: the balancer's members at that
 * port (AS3: each Service_TCP names a pool; Pool_Member servicePort). Absent, the VIP sends to the members' own ports.
 */
export interface LbVipSpec {
  readonly address: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  readonly memberPort?: number;
}

export interface LoadBalancerSpec {
  readonly name: string;
  /** `f5` (a BIG-IP device with the pool below) or `metallb` (software; the F5 fields are empty). */
  readonly kind: 'f5' | 'metallb';
  readonly metallb?: MetalLbSpec;
  /** Cluster mode (F5 only): members are pods, written by CIS; absent = NodePort mode (`members` as given). */
  readonly cluster?: F5ClusterSpec;
  readonly vips: readonly LbVipSpec[];
  readonly members: readonly LbMemberSpec[];
  readonly method: LbMethod;
  readonly priorityGroups: { readonly minimumMembersActive: number };
  readonly snat: 'automap' | 'none';
  /** Every monitor must pass for a member to be up (AS3 Pool minimumMonitors `all`). */
  readonly monitors: readonly LbMonitorSpec[];
  /** The standby unit and how long it takes to go active when the active unit fails. */
  readonly ha?: { readonly peer: string; readonly failover: Millis };
  readonly src: SourceRef;
}

export interface IngressControllerSpec {
  readonly name: string;
  readonly namespace: string;
  readonly replicas: number;
  readonly hostNetwork: boolean;
  readonly className: string;
  readonly serviceType: 'NodePort' | 'LoadBalancer';
  readonly httpNodePort: number;
  readonly httpsNodePort: number;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly src: SourceRef;
}

/** A certificate added to (or overriding one of) a cluster's inventory; `cluster` absent = every cluster. */
export interface PkiCertificateSpec {
  readonly name: string;
  readonly cluster?: string;
  readonly component: import('./schema/pki-schema.js').PkiComponent;
  readonly node?: string;
  readonly ttl?: Millis;
  readonly renewBefore?: Millis;
  readonly issuer?: 'cert-operator' | 'kubeadm' | 'cert-manager';
  readonly signedBy?: string;
  readonly trusts?: readonly string[];
  readonly organisation?: readonly string[];
  readonly sans?: readonly string[];
  readonly reload?: 'on-change' | 'on-restart';
  readonly sharedWith?: readonly import('./schema/pki-schema.js').PkiComponent[];
  readonly src: SourceRef;
}

/** Per-cluster choice of layout and issuer. */
export interface PkiClusterSpec {
  readonly cluster: string;
  readonly layout?: 'giantswarm' | 'kubeadm';
  readonly issuer?: 'cert-operator' | 'kubeadm' | 'cert-manager';
  readonly renewThreshold?: Millis;
  readonly upgradeEvery?: Millis;
  readonly src: SourceRef;
}

export interface PkiSpec {
  readonly caTTL: Millis;
  readonly certTTL: Millis;
  readonly rotationPeriod: Millis;
  /** Inventory layout (default giantswarm); the new fields are optional so older callers keep compiling. */
  readonly layout?: 'giantswarm' | 'kubeadm';
  readonly issuer?: 'cert-operator' | 'kubeadm' | 'cert-manager';
  readonly renewThreshold?: Millis;
  readonly upgradeEvery?: Millis;
  readonly clusters?: readonly PkiClusterSpec[];
  readonly certificates?: readonly PkiCertificateSpec[];
  readonly src: SourceRef;
}

export interface PlatformSpec {
  /** The management cluster: its hosts are `nodes`, its own Calico, namespaces and policies. */
  readonly management: ClusterSpec;
  readonly ingress: IngressControllerSpec;
  readonly loadBalancers: readonly LoadBalancerSpec[];
  readonly pki: PkiSpec;
}

export type EventKind =
  | 'node-down'
  | 'node-up'
  | 'link-down'
  | 'link-up'
  | 'bgp-peer-down'
  | 'bgp-peer-up'
  | 'policy-apply'
  | 'policy-delete'
  | 'scale'
  | 'cert-rotate'
  | 'route-reflectors'
  | 'lb-down'
  | 'lb-up'
  | 'lb-member-disable'
  | 'lb-member-enable';

/** One timeline entry. Node names are `tenant/node` (or a management host name). */
/** How a node goes down (scenario `node-down` events). */
export type NodeDownMode = 'silent' | 'clean' | 'crash';

export interface TimelineEventSpec {
  readonly at: Millis;
  readonly kind: EventKind;
  readonly tenant?: string;
  readonly node?: string;
  /** node-down: `silent` (power loss, routes held until hold timer), `clean` (BIRD stopped, withdrawn at
   *  once) or `crash` (calico-node killed: TCP closed without NOTIFICATION, peers run graceful restart). */
  readonly mode?: NodeDownMode;
  /** link-down/up: the two ends (node names). */
  readonly link?: readonly [string, string];
  /** bgp-peer-down/up: the peer (node or external peer name) as seen from `node`. */
  readonly peer?: string;
  /** policy-apply: the manifests to apply; policy-delete: `kind/name` or `namespace/name` references. */
  readonly policies?: readonly Manifest[];
  readonly policyRefs?: readonly string[];
  /** scale: the workload `namespace/name` and the new replica count. */
  readonly workload?: string;
  readonly replicas?: number;
  /** cert-rotate: which component (all of the cluster's when absent). */
  readonly component?: string;
  /** cert-rotate of the CA: how long old and new CA are both trusted, and the order of the steps. */
  readonly overlap?: Millis;
  readonly order?: readonly ('trust-new' | 'reissue' | 'distrust-old')[];
  /** route-reflectors: the tenant's new reflector nodes, their cluster ID, and whether the node-to-node mesh stays on (default off). */
  readonly reflectors?: readonly string[];
  readonly clusterId?: string;
  readonly mesh?: boolean;
  /** lb-*: the load balancer; lb-member-*: the member (`host:port`, or a host for all its members). */
  readonly lb?: string;
  readonly member?: string;
  readonly src: SourceRef;
}

/** A whole validated scenario. `sourceFiles` lists every file read, in order. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  /** Simulated time to run to (ms); events beyond it are an error. */
  readonly horizon: Millis;
  readonly platform?: PlatformSpec;
  readonly tenants: readonly TenantSpec[];
  readonly events: readonly TimelineEventSpec[];
  readonly expect: ExpectSpec;
  readonly sourceFiles: readonly string[];
  readonly warnings: readonly import('../lib/diagnostics.js').Diagnostic[];
}
