// viz: the shape of the JSON the sweep report embeds (results.json and timings.json as written by
// `calisim sweep`), declared here so the page imports nothing from src/.

export interface Spread {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

export interface Point {
  readonly index: number;
  readonly params: Record<string, string>;
  readonly shape: { readonly tenants: number; readonly nodes: number; readonly podsPerNode: number; readonly bgpMode: string; readonly reflectors: number };
  readonly convergence: readonly (Spread & { readonly at: number; readonly label: string; readonly unsettledSeeds: number })[];
  readonly bgp: { readonly sessionsPerNode: number; readonly sessionsPerNodeMedian: number; readonly routesPerNode: number };
  readonly ipam: { readonly used: number; readonly capacity: number; readonly timeline: readonly { readonly at: number; readonly used: number }[] };
  readonly limits: readonly { readonly id: string; readonly value: number; readonly use: number }[];
  readonly firstLimit: string | null;
  readonly tightest: { readonly id: string; readonly ratio: number } | null;
}

export interface SweepData {
  readonly results: { readonly sweep: { readonly file: string; readonly axes: readonly { readonly name: string }[] }; readonly points: readonly Point[] };
  readonly timings: { readonly points: readonly { readonly index: number; readonly wallMs: number; readonly peakRssMb: number }[] };
}

/** Reads the JSON embedded in the page. */
export function readData(doc: Document): SweepData {
  const el = doc.getElementById('sweep-data');
  return JSON.parse(el?.textContent ?? '{}') as SweepData;
}

/** The convergence of the slowest failure (the first instant, the start, left out), as a spread. */
export function failureConvergence(p: Point): Spread {
  const after = p.convergence.slice(1);
  const pick = (k: keyof Spread): number | null => after.reduce<number | null>((m, c) => (c[k] === null ? m : Math.max(m ?? 0, c[k]!)), null);
  return { p50: pick('p50'), p90: pick('p90'), max: pick('max') };
}
