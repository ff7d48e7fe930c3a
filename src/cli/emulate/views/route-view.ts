// cli/emulate: one path of one prefix in the shape both sides are compared in — what real BIRD prints in
// `birdc show route all` and what the simulation's RIB holds, keyed by the advertising peer's address.

/** A path as compared: attributes as BIRD prints them (absent MED null, LOCAL_PREF 100 when absent). */
export interface PathView {
  /** Address of the peer the path came from; `local` for the node's own static/kernel route. */
  readonly from: string;
  readonly nextHop: string;
  readonly asPath: readonly number[];
  readonly origin: string;
  readonly med: number | null;
  readonly localPref: number;
  readonly communities: readonly string[];
  readonly originatorId: string | null;
  readonly clusterList: readonly string[];
  readonly best: boolean;
}

/** One node's routes: prefix → its paths, and prefix → the kernel route's next hops (ascending). */
export interface NodeView {
  readonly paths: ReadonlyMap<string, readonly PathView[]>;
  readonly kernel: ReadonlyMap<string, readonly string[]>;
}
