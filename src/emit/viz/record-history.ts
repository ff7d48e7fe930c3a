// emit/viz: advances a platform event time by event time and records every state change the page replays —
// each node up or down, each BGP session end's RFC 4271 state — with its time; the engine's own records
// (load-balancer transitions, certificate and blackhole windows) are read once at the end. On a large
// platform the states are read at most once per `resolution` ms (a change is stamped with the first
// reading after it), which bounds the readings to about READ_BUDGET session-end states.
import { C_CONFIGURED, EB_CFG, EB_ST, EI_SPK, END_B, END_I, KIND_NAMES } from '../../engine/bgp/tables/end-table.js';
import type { IntList } from '../../lib/int-list.js';
import { advancePlatform, type PlatformRun } from '../../engine/platform/run-platform.js';

/** Session-end readings a history may take in all; beyond it the readings are spaced out. */
export const READ_BUDGET = 50_000_000;
/** Up to this many session ends, states are read at every event time. */
const EXACT_ENDS = 5_000;

/** The spacing of readings (ms) for a run over `horizon` ms: 0 (every event time) on small platforms. */
export function resolutionFor(run: PlatformRun, horizon: number): number {
  const { spk } = run.bgp.net.core;
  let ends = 0;
  for (let y = 0; y < spk.count; y++) ends += (spk.ends[y] as IntList).view().length;
  return ends <= EXACT_ENDS ? 0 : Math.ceil((horizon * ends) / READ_BUDGET);
}

/** Changes recorded over a run: node up/down and session-end states as flat `[t, s, ...]` histories. */
export interface RunHistory {
  readonly nodeUp: number[][];
  /** Per session end (keyed by end index in first-seen order): speaker ids, kind and state history. */
  readonly ends: { readonly end: number; readonly speaker: number; readonly remote: number; readonly kind: string; readonly states: number[] }[];
}

/** Records a run's changes while it advances; the caller (the page, or `check` stepping its points) drives it. */
export interface HistoryRecorder {
  /**
   * Advances the run from its current time to `until`, stopping at every instant an event is due, and calls
   * the snapshot callback once when the time `snapshotAt` has been reached (before any later event runs).
   */
  advance(until: number): void;
  /** The changes so far; calls the snapshot callback now if the run never reached `snapshotAt`. */
  finish(): RunHistory;
}

/** Starts recording `run` from its current time. */
export function recordHistory(run: PlatformRun, snapshotAt: number, at: (run: PlatformRun) => void, resolution = 0): HistoryRecorder {
  const nodeUp = run.model.nodes.map((_, i) => [0, run.nodeUp[i]!]);
  const endIndex = new Map<number, number>();
  const ends: RunHistory['ends'][number][] = [];
  const core = run.bgp.net.core;
  const sample = (at: number): void => {
    // Stamped on the next whole millisecond: the state at any integer time replays exactly.
    const t = Math.ceil(at);
    for (let i = 0; i < run.nodeUp.length; i++) {
      const h = nodeUp[i]!;
      if (h[h.length - 1] !== run.nodeUp[i]) h.push(t, run.nodeUp[i]!);
    }
    const { spk, ends: table } = core;
    for (let y = 0; y < spk.count; y++) {
      if (spk.isNode[y] !== 1) continue;
      const alive = spk.alive[y] === 1;
      for (const n of (spk.ends[y] as IntList).view()) {
        if (((table.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
        const state = alive ? (table.u8[n * END_B + EB_ST] as number) : -1;
        let k = endIndex.get(n);
        if (k === undefined) {
          k = ends.length;
          endIndex.set(n, k);
          const remote = table.i32[(n ^ 1) * END_I + EI_SPK] as number;
          ends.push({ end: n, speaker: y, remote, kind: KIND_NAMES[table.conf(n).kind] as string, states: [t, state] });
          continue;
        }
        const h = ends[k]!.states;
        if (h[h.length - 1] !== state) h.push(t, state);
      }
    }
  };
  sample(run.sim.now);
  let snapped = false;
  const q = run.sim.queue;
  let last = run.sim.now;
  return {
    advance(until) {
      for (;;) {
        const next = q.size > 0 ? Math.max(q.peekTime(), last + resolution) : Infinity;
        if (!snapped && snapshotAt <= until && snapshotAt < next) {
          advancePlatform(run, snapshotAt);
          at(run);
          snapped = true;
        }
        if (next > until) break;
        advancePlatform(run, next);
        sample(next);
        last = next;
      }
      advancePlatform(run, until);
    },
    finish() {
      if (!snapped) at(run);
      snapped = true;
      return { nodeUp, ends };
    },
  };
}
