// model: how calico-node configures BIRD on one node — the contract between the derivation of BGP
// configuration from a cluster (src/model/bgp), the BGP engine (src/engine/bgp) and the BIRD emitter.
// Field meanings follow confd's bgp_processor.go and bird.cfg.template (calico-semantics.md §6-7).

/** One BIRD `protocol bgp` block: this node's view of one session. */
export interface BgpPeering {
  /** BIRD protocol name: `Mesh_10_0_0_2`, `Global_10_1_0_1`, `Node_10_1_0_1`, plus `_port_N` when a port is set. */
  readonly protocolName: string;
  readonly kind: 'mesh' | 'global' | 'node' | 'local-workload';
  /** Name of the remote: a node name of the cluster, or the external peer's name. */
  readonly peerName: string;
  /** True when the remote is a Calico node of the same cluster. */
  readonly peerIsNode: boolean;
  readonly peerIp: string;
  readonly peerPort?: number;
  readonly peerAs: number;
  readonly localAs: number;
  /** True when a BGPPeer set localASNumber (confd then writes `local as` in the protocol, even if equal). */
  readonly localAsSet?: boolean;
  /** `passive on`: this side never initiates (mesh: the side whose peer IP string is greater). */
  readonly passive: boolean;
  /** `rr client` on this side (this node is a reflector and the peer is its client). */
  readonly rrClient: boolean;
  /** `rr cluster id` written with rr client. */
  readonly rrClusterId?: string;
  readonly sourceAddress?: string;
  /** Seconds; undefined = BIRD default (graceful restart time 120 s). */
  readonly gracefulRestartTime?: number;
  /** Seconds; undefined = BIRD default (hold 240 s, keepalive hold/3). */
  readonly keepaliveTime?: number;
  readonly holdTime?: number;
  /** `ttl security on; multihop N` when set, else `multihop` with ttl security off. */
  readonly ttlSecurity?: number;
  readonly nextHopMode: 'Auto' | 'Self' | 'Keep';
  readonly numAllowedLocalASNumbers?: number;
  /** BGPPeer `reachableBy`: a `route <peerIp>/32 via <gateway>` static route is added for the peer. */
  readonly reachableBy?: string;
  /** Where the user declared the peer (BGPPeer manifest or tenants[].calico.peers[]); undefined for mesh. */
  readonly origin?: { readonly file: string; readonly line: number; readonly col: number };
}

/** One node of the node-to-node mesh, as the other nodes' `Mesh_` protocols see it. */
export interface BgpMeshMember {
  readonly name: string;
  readonly ip: string;
  /** `Mesh_<ip with dots as _>`. */
  readonly protocolName: string;
  /** The node's BGP listen port (confd writes `neighbor … port N`); undefined when unset. */
  readonly port?: number;
  /** The node's own AS when set; undefined: each peering uses the local node's AS (confd's fallback). */
  readonly asNumber?: number;
}

/**
 * BGPConfiguration nodeToNodeMeshEnabled as confd renders it on a node: one `Mesh_<ip>` protocol towards
 * every member but the node itself. Like Calico's own flag, the mesh is stored once per cluster (every
 * member's configuration shares the object) and expanded into peerings only where one is asked for
 * (`nodePeerings`): a mesh of n nodes has n² of them.
 */
export interface BgpMesh {
  /** Nodes of the mesh (every node with an address but the reflectors), sorted by protocol name. */
  readonly members: readonly BgpMeshMember[];
  /** nodeMeshMaxRestartTime (s); undefined = BIRD default. */
  readonly gracefulRestartTime?: number;
}

/** An IP pool as the export and kernel filters see it. */
export interface BgpPool {
  readonly cidr: string;
  readonly ipipMode: 'Always' | 'CrossSubnet' | 'Never';
  readonly vxlanMode: 'Always' | 'CrossSubnet' | 'Never';
  readonly disableBGPExport: boolean;
  readonly disabled: boolean;
}

/** Everything BIRD on one node is configured with. */
export interface NodeBgpConfig {
  readonly tenant: string;
  readonly node: string;
  /** Node IPv4 with the prefix length of its subnet, e.g. `10.0.0.5/24` (CrossSubnet uses the prefix). */
  readonly ipv4Address: string;
  readonly routerId: string;
  readonly asNumber: number;
  readonly routeReflectorClusterId?: string;
  readonly listenPort: number;
  /** `Global_` and `Node_` protocols (from BGPPeers), sorted by protocol name. */
  readonly peers: readonly BgpPeering[];
  /** The node-to-node mesh when this node takes part (mesh enabled, not a route reflector). */
  readonly mesh?: BgpMesh;
  /** IPAM blocks affine to this node (each a blackhole static route, exported as the aggregate). */
  readonly blocks: readonly string[];
  /** /32s of addresses this node borrowed from other nodes' blocks (exported because they lie in a pool). */
  readonly borrowed: readonly string[];
  readonly pools: readonly BgpPool[];
  /** Service CIDRs advertised as static routes (BGPConfiguration serviceClusterIPs/ExternalIPs/LoadBalancerIPs). */
  readonly serviceCidrs: readonly string[];
  /** Service ranges BIRD never programs into the kernel (also on nodes excluded from advertising); default serviceCidrs. */
  readonly serviceRejectCidrs?: readonly string[];
  /** On route reflectors: LoadBalancer / external service ranges accepted for export to peers (reflected /32s). */
  readonly reflectedLoadBalancerIPs?: readonly string[];
  readonly reflectedExternalIPs?: readonly string[];
  /** `listen bgp address` (BGPConfiguration bindMode NodeIP). */
  readonly listenAddress?: string;
  /** BGPConfiguration ignoredInterfaces: excluded from `protocol direct`. */
  readonly ignoredInterfaces?: readonly string[];
  /** Felix route metric of normal routes (ipv4NormalRoutePriority, default 1024). */
  readonly normalRoutePriority?: number;
  /** Which pools' routes BIRD programs into the kernel (BGPConfiguration programClusterRoutes). */
  readonly programClusterRoutes?: ProgramClusterRoutes;
  /** BIRD debug level from logSeverityScreen (default `info`). */
  readonly logLevel?: BirdLogLevel;
  /** BGPConfiguration prefixAdvertisements: community values added to routes inside each CIDR. */
  readonly communities?: readonly PrefixCommunities[];
}

/** BGPConfiguration programClusterRoutes; default `EnabledNoEncapOnly` (Felix programs IPIP routes). */
export type ProgramClusterRoutes = 'Enabled' | 'Disabled' | 'EnabledIPIPOnly' | 'EnabledNoEncapOnly';

/** BIRD log granularity confd supports (`logSeverityScreen` lower-cased; anything else is `none`). */
export type BirdLogLevel = 'debug' | 'info' | 'none';

/** Communities (`aa:nn` standard or `aa:nn:mm` large, sorted) added to routes inside `cidr`. */
export interface PrefixCommunities {
  readonly cidr: string;
  readonly communities: readonly string[];
}
