// emit/viz: the one JSON document the D3 page reads — the platform (clusters, nodes, peers, load balancers
// with a seeded layout), each state change with its time (nodes, BGP session ends, load-balancer members),
// the timeline and its windows, the reachability matrix with its deciding rules, traces and check results.
// The page reads these types through viz/page/viz-data.ts, a type-only re-export: it imports nothing else from src/.

/** Version tag of the viz data; bump on any incompatible change. */
export const VIZ_SCHEMA = 'calisim.viz/v1';

/** A state history: flat `[t0, s0, t1, s1, ...]`, times in ms, the first entry at time 0. */
export type History = readonly number[];

/** `Sessions` is the session ends' form: rows on the page; the emit stage holds them as a column table. */
export interface VizData<Sessions = readonly VizSessionEnd[]> {
  readonly schema: typeof VIZ_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  readonly horizon: number;
  /** The time the static facts (routes, blocks, pods, matrix, traces) describe, and the cursor's start. */
  readonly at: number;
  /** Session states by index (histories of session ends hold these indexes). */
  readonly stateNames: readonly string[];
  readonly clusters: readonly VizCluster[];
  readonly nodes: readonly VizNode[];
  readonly peers: readonly VizPeer[];
  readonly sessions: Sessions;
  readonly loadBalancers: readonly VizLoadBalancer[];
  /** The management cluster's ingress controller, or null on a platform without one. */
  readonly ingress: VizIngress | null;
  readonly timeline: readonly VizEvent[];
  readonly windows: readonly VizWindow[];
  readonly matrix: VizMatrix;
  readonly traces: readonly VizTrace[];
  readonly check: VizCheck | null;
  /** Width and height of the layout's coordinate space. */
  readonly extent: readonly [number, number];
}

export interface VizCluster {
  readonly name: string;
  readonly kind: 'management' | 'tenant';
  readonly placement: string;
  readonly underlay: { readonly kind: string; readonly cidr: string; readonly vni: number | null };
  readonly namespaces: readonly { readonly name: string; readonly workloads: readonly { readonly name: string; readonly kind: string; readonly pods: number }[] }[];
  /** Centre and radius of the cluster's group in the layout. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface VizNode {
  readonly name: string;
  readonly cluster: number;
  /** `host` (management host), `vm` (on-premises tenant VM), `node` (cloud or plain). */
  readonly role: string;
  /** Index of the management host a VM runs on, -1 otherwise. */
  readonly host: number;
  readonly ip: string;
  readonly reflector: boolean;
  readonly x: number;
  readonly y: number;
  /** Up (1) or down (0) over time. */
  readonly up: History;
  /** IPAM blocks held at `at`. */
  readonly blocks: readonly string[];
  /** Pods on the node at `at`: `namespace/name ip`. */
  readonly pods: readonly string[];
  /** Best paths at `at`: prefix, next hop and the peer it came from. */
  readonly routes: readonly { readonly prefix: string; readonly nextHop: string; readonly peer: string }[];
}

export interface VizPeer {
  readonly name: string;
  readonly ip: string;
  readonly cluster: number;
  readonly x: number;
  readonly y: number;
}

/** One end of a BGP session, as `calisim bgp` lists it (node, peer), with its state over time. */
export interface VizSessionEnd {
  readonly node: number;
  /** A node index, or `-1 - k` for external peer k. */
  readonly peer: number;
  readonly kind: string;
  /** State index into stateNames, or -1 while the speaker is down (`calisim bgp` says `Down`). */
  readonly states: History;
}

export interface VizLoadBalancer {
  readonly name: string;
  readonly vips: readonly string[];
  readonly members: readonly { readonly label: string; readonly host: number; readonly up: History }[];
  readonly x: number;
  readonly y: number;
}

export interface VizIngress {
  readonly name: string;
  readonly namespace: string;
  readonly className: string;
  /** Its Service as `NodePort http 30080, https 30443, externalTrafficPolicy Local`. */
  readonly service: string;
  /** The nodes running a controller pod at `at`. */
  readonly nodes: readonly number[];
  readonly x: number;
  readonly y: number;
}

export interface VizEvent {
  readonly at: number;
  readonly kind: string;
  readonly target: string;
  readonly effects: readonly string[];
  readonly file: string | null;
  readonly line: number | null;
}

export interface VizWindow {
  /** `convergence`, `blackhole`, `lb-outage`, `certificate`. */
  readonly kind: string;
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** One side's decision (the facts `calisim reach --format json` gives for the side). */
export interface VizSide {
  readonly action: string;
  readonly decided: string;
  readonly endpoint: string;
  readonly tier: string | null;
  readonly policy: string | null;
  readonly ruleIndex: number | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly reasons: readonly string[];
  /** The tiers and policies consulted, in order (`calisim reach --format json`'s trail), one line each. */
  readonly trail: readonly string[];
}

/** A representative probe of a cell and its decision on both sides. */
export interface VizProbe {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number | null;
  readonly verdict: string;
  /** Indexes into VizMatrix.sides. */
  readonly egress: number;
  readonly ingress: number;
  /** Index into VizData.traces, -1 when not traced. */
  readonly trace: number;
}

export interface VizTenantCell {
  readonly from: number;
  readonly to: number;
  /** `allow`, `deny`, `some`, `unknown`. */
  readonly verdict: string;
  /** The wall that stopped pods of `from` reaching pods of `to` (`underlay`, `routing`, `outer-wall`, `inner-wall`). */
  readonly wall: string | null;
  readonly probe: VizProbe | null;
  /** The counterexample's deciding rules on every side it crossed (egress, management-egress, ...). */
  readonly rules: readonly { readonly side: string; readonly index: number }[];
}

export interface VizClusterMatrix {
  readonly cluster: number;
  /** Workloads in row/column order: `namespace/name`. */
  readonly workloads: readonly string[];
  /** Each workload's identity class (its members get the same verdict on every packet). */
  readonly classes: readonly number[];
  readonly classCount: number;
  /**
   * One character per ordered class pair, row-major: A allow, P some ports, D deny, U unknown; S for a
   * class with itself when it has one workload. Workload cell (i, j), i ≠ j, is class cell (classes[i], classes[j]).
   */
  readonly codes: string;
  /** The allowed connections of `P` and `U` class cells (`TCP 80,UDP 53`), keyed by class cell index. */
  readonly conns: Readonly<Record<string, string>>;
  /** Representative probes, keyed by workload cell index i × n + j (non-self cells, while under the cap). */
  readonly probes: Readonly<Record<string, VizProbe>>;
}

/**
 * A cluster past the class limit: its namespace × namespace cells counted in Node, and every class's row of
 * codes run-length coded, from which the page expands the workload cells of one namespace block.
 */
export interface VizBlockMatrix {
  readonly cluster: number;
  /** Workloads in row/column order (`reach --matrix` order: by namespace, then name). */
  readonly workloads: readonly string[];
  /** Each workload's identity class. */
  readonly classes: readonly number[];
  readonly classCount: number;
  /** Namespaces in row/column order. */
  readonly namespaces: readonly string[];
  /** Per ordered namespace pair (row-major), its workload cells by verdict: allow, some, deny, unknown (4 a pair). */
  readonly counts: readonly number[];
  /** Per class, its row of VizClusterMatrix-style codes run-length coded: each code then its run (`D40A41D1920`). */
  readonly rows: readonly string[];
}

export interface VizMatrix {
  /** Cluster × cluster isolation (clusters in VizData.clusters order); the diagonal is left out. */
  readonly tenants: readonly VizTenantCell[];
  readonly clusters: readonly VizClusterMatrix[];
  /** Clusters with more identity classes than a class matrix is drawn for: namespace blocks, expanded on demand. */
  readonly blocks: readonly VizBlockMatrix[];
  /** Interned side explanations. */
  readonly sides: readonly VizSide[];
  /** Why some cells carry no probe (cap reached), or null. */
  readonly note: string | null;
}

export interface VizTrace {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number | null;
  readonly srcIp: string | null;
  readonly dstIp: string | null;
  readonly hops: readonly { readonly step: string; readonly at: string; readonly detail: string; readonly file: string | null; readonly line: number | null }[];
  readonly disposition: string;
  readonly dropReason: string | null;
}

export interface VizCheck {
  readonly summary: { readonly total: number; readonly passed: number; readonly failed: number; readonly unknown: number };
  readonly assertions: readonly {
    readonly id: string;
    readonly kind: string;
    readonly title: string;
    readonly status: string;
    readonly failedAt: number | null;
    readonly detail: string;
    readonly counterexample: {
      readonly at: number;
      readonly from: string;
      readonly to: string;
      readonly protocol: string;
      readonly port: number | null;
      readonly trace: readonly string[];
      readonly rules: readonly string[];
    } | null;
  }[];
}
