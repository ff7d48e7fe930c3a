// emit: the workload-level connectivity list in np-guard netpol-analyzer's layout — `src => dst : conns`
// lines sorted by source then destination, self-connections left out, outside addresses as `[External]` ranges.
import type { PolicyModel } from '../../model/policy/types.js';
import type { Peer } from '../../model/policy/eval/types.js';
import { pairConns, type ClassOf, type Evaluate } from './pair-conns.js';
import { externalRanges, formatRange, representativeIp } from './external-ranges.js';
import { groupWorkloads } from '../../verdict/policy/workloads.js';

export interface ConnLine {
  readonly src: string;
  readonly dst: string;
  /** `All Connections`, `TCP 80,UDP 53`, ... */
  readonly conns: string;
}

export interface Connlist {
  readonly lines: readonly ConnLine[];
  /** Pairs where some ports could not be decided (`unknown` verdicts), rendered like `conns`; not in `lines`. */
  readonly unknown: readonly ConnLine[];
}

/**
 * Computes the connectivity list of every pair of distinct workloads and of workloads and outside ranges;
 * `classOf` (the compiled policies' identity classes) lets pairs of the same classes share one evaluation.
 */
export function connlist(model: PolicyModel, evaluate: Evaluate, classOf?: ClassOf): Connlist {
  const workloads = groupWorkloads(model);
  const lines: ConnLine[] = [];
  const unknown: ConnLine[] = [];
  const conns = pairConns(model, evaluate, workloads.map((w) => ({ endpoint: w.endpoints[0] as number })), classOf);
  const add = (src: string, dst: string, s: Peer, d: Peer): void => {
    const c = conns(s, d);
    if (c.allowed !== '') lines.push({ src, dst, conns: c.allowed });
    if (c.unknown !== '') unknown.push({ src, dst, conns: c.unknown });
  };
  for (const a of workloads) {
    for (const b of workloads) {
      if (a.id === b.id) continue;
      add(a.id, b.id, { endpoint: a.endpoints[0] as number }, { endpoint: b.endpoints[0] as number });
    }
  }
  for (const r of externalRanges(model, 'source')) {
    const ip = representativeIp(model, r);
    if (ip === undefined) continue;
    for (const w of workloads) add(formatRange(r), w.id, { ip }, { endpoint: w.endpoints[0] as number });
  }
  for (const r of externalRanges(model, 'destination')) {
    const ip = representativeIp(model, r);
    if (ip === undefined) continue;
    for (const w of workloads) add(w.id, formatRange(r), { endpoint: w.endpoints[0] as number }, { ip });
  }
  const order = (x: ConnLine, y: ConnLine): number => (x.src !== y.src ? (x.src < y.src ? -1 : 1) : x.dst < y.dst ? -1 : x.dst > y.dst ? 1 : 0);
  return { lines: lines.sort(order), unknown: unknown.sort(order) };
}

/** One line per allowed connection, `src => dst : conns`, newline-terminated (empty list → ''). */
export function formatConnlist(c: Connlist): string {
  return c.lines.map((l) => `${l.src} => ${l.dst} : ${l.conns}\n`).join('');
}
