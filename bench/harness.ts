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

/**
 * Resident set size in MB once garbage is gone: a GC (when exposed), then a turn of the event loop, then another
 * GC. V8 frees the backing stores of dead typed arrays on a later task (its ArrayBuffer sweeper), so a reading
 * taken right after a synchronous GC still counted the warm-up runs' matrices (B1: 302-306 MB, 165 MB settled).
 */
export async function rssMb(): Promise<number> {
  const g = (globalThis as { gc?: () => void }).gc;
  g?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
  g?.();
  return process.memoryUsage().rss / (1024 * 1024);
}
