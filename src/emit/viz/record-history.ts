// emit/viz: advances a platform run and records every state change the page replays —
// each node up or down, each BGP session end's RFC 4271 state — with its time; the engine's own records
// (load-balancer transitions, certificate and blackhole windows) are read once at the end. Session ends are
// read in full once, then only those the engine announces as changing (EndTable.beforeChange,
// PlatformRun.beforeNodeChange), once per event time at which they changed.
import { C_CONFIGURED, EB_CFG, EB_ST, EI_SPK, END_B, END_I, KIND_NAMES } from '../../engine/bgp/tables/end-table.js';
import type { IntList } from '../../lib/int-list.js';
import { advancePlatform, type PlatformRun } from '../../engine/platform/run-platform.js';

/** Changes recorded over a run: node up/down and session-end states as flat `[t, s, ...]` histories. */
export interface RunHistory {
  readonly nodeUp: number[][];
  /** Per session end (keyed by end index in first-seen order): speaker ids, kind and state history. */
  readonly ends: { readonly end: number; readonly speaker: number; readonly remote: number; readonly kind: string; readonly states: number[] }[];
}

/** Records a run's changes while it advances; the caller (the page, or `check` stepping its points) drives it. */
export interface HistoryRecorder {
  /**
   * Advances the run from its current time to `until` and calls the snapshot callback once when the time
   * `snapshotAt` has been reached (before any later event runs).
   */
  advance(until: number): void;
  /** The changes so far; calls the snapshot callback now if the run never reached `snapshotAt`. */
  finish(): RunHistory;
}

/** Starts recording `run` from its current time. */
export function recordHistory(run: PlatformRun, snapshotAt: number, at: (run: PlatformRun) => void): HistoryRecorder {
  const nodeUp = run.model.nodes.map((_, i) => [0, run.nodeUp[i]!]);
  // Each end's index in `ends` (-1: not seen yet), by end number: a typed array, grown as the table grows.
  let endIndex = new Int32Array(1024).fill(-1);
  const indexOf = (n: number): number => (n < endIndex.length ? endIndex[n]! : -1);
  const ends: RunHistory['ends'][number][] = [];
  const { spk, ends: table } = run.bgp.net.core;
  /** The state as the page shows it (-1: its node is down), or null when the end is no node's configured end. */
  const stateOf = (n: number, y: number): number | null => {
    if (y < 0 || spk.isNode[y] !== 1 || ((table.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) return null;
    return spk.alive[y] === 1 ? (table.u8[n * END_B + EB_ST] as number) : -1;
  };
  const see = (n: number, y: number, state: number, t: number): void => {
    if (n >= endIndex.length) {
      const grown = new Int32Array(Math.max(n + 1, endIndex.length * 2)).fill(-1);
      grown.set(endIndex);
      endIndex = grown;
    }
    endIndex[n] = ends.length;
    const remote = table.i32[(n ^ 1) * END_I + EI_SPK] as number;
    ends.push({ end: n, speaker: y, remote, kind: KIND_NAMES[table.conf(n).kind] as string, states: [t, state] });
  };
  // Stamped on the next whole millisecond: the state at any integer time replays exactly.
  const t0 = Math.ceil(run.sim.now);
  for (let y = 0; y < spk.count; y++) {
    for (const n of (spk.ends[y] as IntList).view()) {
      const state = stateOf(n, y);
      if (state !== null) see(n, y, state, t0);
    }
  }
  // The engine announces each node and session end about to change (before it changes): the ends and nodes
  // changed at the pending event time are read once the run has finished that time, which is when the first
  // change of a later time is announced or the recorder stops.
  const changedEnds: number[] = [];
  const changedNodes: number[] = [];
  let pendingAt = run.sim.now;
  const read = (): void => {
    const t = Math.ceil(pendingAt);
    if (changedNodes.length > 0) {
      for (const i of changedNodes) {
        const h = nodeUp[i]!;
        if (h[h.length - 1] !== run.nodeUp[i]) h.push(t, run.nodeUp[i]!);
      }
      changedNodes.length = 0;
    }
    let fresh: number[] | null = null;
    for (const n of changedEnds) {
      const state = stateOf(n, table.i32[n * END_I + EI_SPK] as number);
      if (state === null) continue;
      const k = indexOf(n);
      if (k < 0) (fresh ??= []).push(n);
      else {
        const h = ends[k]!.states;
        if (h[h.length - 1] !== state) h.push(t, state);
      }
    }
    changedEnds.length = 0;
    if (fresh === null) return;
    for (const n of inListOrder(run, fresh)) {
      const y = table.i32[n * END_I + EI_SPK] as number;
      if (indexOf(n) < 0) see(n, y, stateOf(n, y) as number, t);
    }
  };
  const at0 = (): void => {
    if (run.sim.now === pendingAt) return;
    read();
    pendingAt = run.sim.now;
  };
  table.beforeChange = (n) => {
    at0();
    changedEnds.push(n);
  };
  run.beforeNodeChange = (i) => {
    at0();
    changedNodes.push(i);
  };
  let snapped = false;
  return {
    advance(until) {
      if (!snapped && snapshotAt <= until) {
        advancePlatform(run, snapshotAt);
        at(run);
        snapped = true;
      }
      advancePlatform(run, until);
      read();
    },
    finish() {
      if (!snapped) at(run);
      snapped = true;
      table.beforeChange = null;
      run.beforeNodeChange = null;
      return { nodeUp, ends };
    },
  };
}

/** Ends first seen at one time, in the order a scan of every speaker's ends meets them (speaker, then list). */
function inListOrder(run: PlatformRun, fresh: number[]): number[] {
  if (fresh.length < 2) return fresh;
  const { spk, ends: table } = run.bgp.net.core;
  const key = (n: number): [number, number] => {
    const y = table.i32[n * END_I + EI_SPK] as number;
    return [y, (spk.ends[y] as IntList).view().indexOf(n)];
  };
  const keyed = fresh.map((n) => [n, ...key(n)] as const);
  return keyed.sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([n]) => n);
}
