// bench: a run of some benchmarks into the previous results — their figures replace the earlier ones in place, the
// other benchmarks' figures stay, and ids measured for the first time go at the end.
import type { BenchResult } from './harness.js';

/**
 * `previous` with every figure of the ids run (`ran`, and any other id among `fresh`: one benchmark may report
 * several, as B12 reports B12R and B13) replaced by `fresh`'s, at the place of that id's first earlier figure.
 */
export function mergeResults(previous: readonly BenchResult[], fresh: readonly BenchResult[], ran: readonly string[]): BenchResult[] {
  const replaced = new Set([...ran, ...fresh.map((r) => r.id)]);
  const byId = new Map<string, BenchResult[]>();
  for (const r of fresh) {
    let list = byId.get(r.id);
    if (list === undefined) byId.set(r.id, (list = []));
    list.push(r);
  }
  const out: BenchResult[] = [];
  for (const r of previous) {
    if (!replaced.has(r.id)) out.push(r);
    else if (byId.has(r.id)) {
      out.push(...(byId.get(r.id) as BenchResult[]));
      byId.delete(r.id);
    }
  }
  for (const list of byId.values()) out.push(...list);
  return out;
}
