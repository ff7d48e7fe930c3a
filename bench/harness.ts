// bench: the shared harness — every benchmark file `bench/bNN-*.ts` exports `benchmarks`, a list of
// Benchmark; `npm run bench [-- B8 B9]` runs the chosen ones, prints a table and writes bench/results.json.

/** One figure, as written to bench/results.json. */
export interface BenchResult {
  readonly id: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** value divided by the same figure of the anchor (higher = better for rates, lower for times). */
  readonly ratio?: number;
  readonly ratioTo?: string;
  /** Floor and goal from shared/spec/performance-targets.md, in `unit`. */
  readonly floor?: number;
  readonly goal?: number;
  readonly note?: string;
}

/** A benchmark: an id from performance-targets.md (B1..B13) and a function producing its figures. */
export interface Benchmark {
  readonly id: string;
  readonly title: string;
  run(): Promise<readonly BenchResult[]> | readonly BenchResult[];
}

/** Median of the timings of `runs` calls of `fn` after `warmup` calls (ms). */
export function medianMs(fn: () => void, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((x, y) => x - y);
  return times[times.length >> 1] as number;
}

/** Resident set size in MB right now (after a GC when exposed). */
export function rssMb(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
  return process.memoryUsage().rss / (1024 * 1024);
}
