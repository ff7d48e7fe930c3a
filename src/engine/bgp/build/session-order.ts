// engine/bgp: the order of the end table. A cold start connects every session at the same instant
// (Calico's 2 s connect delay has no jitter in BIRD), so the handshake and feed events of all sessions
// come in order of session latency. The initial build stages its sessions compactly and then lays the
// table out in that order: the storm walks the table forwards, which the memory system streams, instead
// of jumping across 100 MB of it. Timer draws stay keyed by creation order (EI_KEY), so the order
// changes no result.
import type { BgpCore } from '../bgp-core.js';
import type { IntList } from '../../../lib/containers/int-list.js';

/** Latency steps of the counting sort: order within a step is creation order, close enough to stream. */
const STEPS = 1 << 16;

/** Sessions (creation order) by latency: order[p] is the session to number p. Stable: within one of the
 *  min(sessions, STEPS) equal steps of the latency range, creation order. Each pass over the sessions is a
 *  function of its own: V8 compiles a long-running loop on the stack (OSR) as its whole function, once per
 *  loop, so one function of four passes was compiled four times. */
export function latencyOrder(delays: Float64Array): Int32Array {
  const S = delays.length;
  const lo = minOf(delays);
  const hi = maxOf(delays);
  const order = new Int32Array(S);
  if (!(hi > lo)) {
    for (let s = 0; s < S; s++) order[s] = s;
    return order;
  }
  const B = Math.min(S, STEPS);
  const step = new Int32Array(S);
  const start = new Int32Array(B + 1);
  stepsOf(delays, lo, hi, B, step, start);
  for (let b = 0; b < B; b++) start[b + 1] += start[b] as number;
  placeBySteps(step, start, order);
  return order;
}

function minOf(a: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if ((a[i] as number) < m) m = a[i] as number;
  return m;
}

function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if ((a[i] as number) > m) m = a[i] as number;
  return m;
}

/** Each session's step of [lo, hi] in `step`, and the count of each step b in start[b + 1]. */
function stepsOf(delays: Float64Array, lo: number, hi: number, B: number, step: Int32Array, start: Int32Array): void {
  for (let s = 0; s < delays.length; s++) {
    const b = Math.min(B - 1, Math.floor((((delays[s] as number) - lo) / (hi - lo)) * B));
    step[s] = b;
    start[b + 1]++;
  }
}

/** The counting sort's placement: each session after the earlier ones of its step. */
function placeBySteps(step: Int32Array, start: Int32Array, order: Int32Array): void {
  for (let s = 0; s < step.length; s++) order[start[step[s] as number]++] = s;
}

/** Lays out the staged sessions by latency, or in creation order when the options say so
 *  (`EndTable.place` writes them), and renames their ends wherever an end is named by then: the
 *  speakers' end lists and the end index. */
export function layOutSessions(core: BgpCore): void {
  const delays = core.ends.stagedDelays();
  const at = core.ends.layOut(core.opt.layOutByLatency ? latencyOrder(delays) : Int32Array.from(delays, (_, k) => k));
  const renamed = (n: number): number => 2 * (at[n >> 1] as number) + (n & 1);
  core.endOf.rename(renamed);
  for (const list of core.spk.ends as IntList[]) {
    const d = list.data;
    for (let i = 0; i < list.length; i++) d[i] = renamed(d[i] as number);
  }
}
