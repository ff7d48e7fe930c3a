// plan: the contract of one sweep point's result — everything deterministic for the point's scenario and
// seeds (byte-identical wherever it runs), and apart from it the machine's measurements (wall time, memory,
// compile time), which never enter the results so merged outputs compare byte for byte.

/** Percentiles across seeds (nearest rank), null when no seed settled. */
export interface Spread {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

export interface PointResult {
  readonly index: number;
  /** The setting label per axis, and its number when numeric (plot coordinates). */
  readonly params: Readonly<Record<string, string>>;
  readonly coords: Readonly<Record<string, number | null>>;
  readonly shape: { readonly tenants: number; readonly nodes: number; readonly podsPerNode: number; readonly bgpMode: string; readonly reflectors: number };
  /** Per instant with changes: convergence of the slowest change there, across seeds (ms). */
  readonly convergence: readonly (Spread & { readonly at: number; readonly label: string; readonly unsettledSeeds: number })[];
  readonly blackholes: { readonly windows: Spread; readonly ms: Spread };
  /** Sessions of the busiest node and of the median one (with reflectors: a reflector, and a client). */
  readonly bgp: { readonly sessionsPerNode: number; readonly sessionsPerNodeMedian: number; readonly routesPerNode: number };
  readonly ipam: {
    readonly used: number;
    readonly capacity: number;
    readonly blocks: number;
    readonly capacityBlocks: number;
    readonly borrowed: number;
    readonly exhausted: boolean;
    readonly podsPending: number;
    /** Addresses in use at every instant of the timeline (first seed). */
    readonly timeline: readonly { readonly at: number; readonly used: number }[];
  };
  readonly policy: { readonly policies: number; readonly felixRules: number; readonly matrixClasses: number };
  /** `check` per seed summed (null when the sweep turned check off). */
  readonly check: { readonly passed: number; readonly failed: number; readonly unknown: number } | null;
  /** Every capped limit at this point. */
  readonly limits: readonly { readonly id: string; readonly value: number; readonly use: number }[];
  /** The exceeded limit with the largest use/value (the first hit), null when all hold. */
  readonly firstLimit: string | null;
  /** The capped limit with the largest use/value, and that ratio (rounded to 4 places). */
  readonly tightest: { readonly id: string; readonly ratio: number } | null;
}

/** What the machine measured while running a point (not deterministic). */
export interface PointTiming {
  readonly index: number;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly compileMs: number;
}

/** A point's result and its timing, as a worker hands them back. */
export interface PointOutcome {
  readonly result: PointResult;
  readonly timing: PointTiming;
}
