// emit/viz: advances a platform run and records every state change the page replays —
// each node up or down, each BGP session end's RFC 4271 state — with its time; the engine's own records
// (load-balancer transitions, certificate and blackhole windows) are read once at the end. Session ends are
// read in full once, then only those the engine announces as changing (EndTable.beforeChange,
// PlatformRun.beforeNodeChange), once per event time at which they changed, into a flat log of typed arrays
// that becomes the per-end histories when the recording finishes.
import { C_CONFIGURED, EB_CFG, EB_ST, EI_SPK, END_B, END_I } from '../../engine/bgp/tables/end-table.js';
import { grow } from '../../lib/containers/growable.js';
import type { NumberArrayGroups } from './pack-json.js';
import type { IntList } from '../../lib/containers/int-list.js';
import { advancePlatform, type PlatformRun } from '../../engine/platform/run-platform.js';

/** Changes recorded over a run: node up/down and session-end states as flat `[t, s, ...]` histories. */
export interface RunHistory {
  readonly nodeUp: number[][];
  readonly ends: EndHistories;
}

/** The session ends seen, in first-seen order (index k), as columns: when first seen, each end's number,
 *  speaker and remote speaker ids and peering kind (KIND_NAMES index); then its state history, as groups of
 *  equal histories (end k's is `states.arrays[states.group[k]]`: thousands of mesh ends share a few). */
export interface EndHistories {
  readonly end: Int32Array;
  readonly speaker: Int32Array;
  readonly remote: Int32Array;
  readonly kind: Uint8Array;
  readonly states: NumberArrayGroups;
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

/** The page's state of a session end with no state recorded yet. */
const UNSEEN = 127;

/**
 * The ends' changes as they are recorded: `entry` holds (seen index, state) pairs, and a time mark
 * (entry count, time) starts each event time's entries; `last` is each seen end's last recorded state.
 */
class EndLog {
  entry = new Int32Array(1 << 16);
  entries = 0;
  markAt = new Int32Array(1024);
  markT = new Float64Array(1024);
  marks = 0;
  last = new Int8Array(1024);

  /** Records seen end k's state at the time marked last, unless it is the state recorded last. */
  note(k: number, state: number): void {
    if (this.last[k] === state) return;
    this.last[k] = state;
    const i = 2 * this.entries++;
    if (i + 2 > this.entry.length) this.entry = grow(this.entry, i + 2);
    this.entry[i] = k;
    this.entry[i + 1] = state;
  }

  /** Starts the entries of time t. */
  mark(t: number): void {
    if (this.marks > 0 && this.markAt[this.marks - 1] === this.entries) this.marks--;
    if (this.marks === this.markAt.length) {
      this.markAt = grow(this.markAt, this.marks + 1);
      this.markT = grow(this.markT, this.marks + 1);
    }
    this.markAt[this.marks] = this.entries;
    this.markT[this.marks++] = t;
  }

  /** Makes seen index k known (with no state yet). */
  add(k: number): void {
    this.last = grow(this.last, k + 1, UNSEEN);
    this.last[k] = UNSEEN;
  }

  /**
   * Each seen end's `[t, s, ...]` history, equal histories as one group (numbered in order of first seen
   * end): each end's entries are chained through the log, hashed, and compared with the groups of equal
   * hash, so only one array per distinct history is built.
   */
  histories(seen: number): NumberArrayGroups {
    const n = this.entries;
    // Entry e's time, and the next entry of the same end (-1 at its last).
    const time = new Float64Array(n);
    const next = new Int32Array(n).fill(-1);
    const first = new Int32Array(seen).fill(-1);
    const last = new Int32Array(seen).fill(-1);
    let m = 0;
    for (let e = 0; e < n; e++) {
      while (m + 1 < this.marks && (this.markAt[m + 1] as number) <= e) m++;
      time[e] = this.markT[m] as number;
      const k = this.entry[2 * e] as number;
      if (first[k] === -1) first[k] = e;
      else next[last[k] as number] = e;
      last[k] = e;
    }
    const group = new Int32Array(seen);
    const arrays: number[][] = [];
    const byHash = new Map<number, number[]>();
    const same = (k: number, a: readonly number[]): boolean => {
      let i = 0;
      for (let e = first[k] as number; e >= 0; e = next[e] as number, i += 2) {
        if (i + 1 >= a.length || a[i] !== time[e] || a[i + 1] !== this.entry[2 * e + 1]) return false;
      }
      return i === a.length;
    };
    for (let k = 0; k < seen; k++) {
      let h = 0;
      for (let e = first[k] as number; e >= 0; e = next[e] as number) h = Math.imul(h ^ (time[e] as number) ^ ((this.entry[2 * e + 1] as number) << 24), 0x01000193);
      let bucket = byHash.get(h);
      if (!bucket) byHash.set(h, (bucket = []));
      let g = -1;
      for (let b = 0; b < bucket.length && g < 0; b++) if (same(k, arrays[bucket[b] as number] as number[])) g = bucket[b] as number;
      if (g < 0) {
        const a: number[] = [];
        for (let e = first[k] as number; e >= 0; e = next[e] as number) a.push(time[e] as number, this.entry[2 * e + 1] as number);
        g = arrays.push(a) - 1;
        bucket.push(g);
      }
      group[k] = g;
    }
    return { group, arrays };
  }
}

/** The columns of EndHistories while they grow. */
class SeenEnds {
  count = 0;
  end = new Int32Array(1024);
  speaker = new Int32Array(1024);
  remote = new Int32Array(1024);
  kind = new Uint8Array(1024);

  /** Adds an end; returns its index. */
  add(n: number, speaker: number, remote: number, kind: number): number {
    const k = this.count++;
    if (k === this.end.length) {
      this.end = grow(this.end, k + 1);
      this.speaker = grow(this.speaker, k + 1);
      this.remote = grow(this.remote, k + 1);
      this.kind = grow(this.kind, k + 1);
    }
    this.end[k] = n;
    this.speaker[k] = speaker;
    this.remote[k] = remote;
    this.kind[k] = kind;
    return k;
  }
}

/** Starts recording `run` from its current time. */
export function recordHistory(run: PlatformRun, snapshotAt: number, at: (run: PlatformRun) => void): HistoryRecorder {
  const nodeUp = run.model.nodes.map((_, i) => [0, run.nodeUp[i]!]);
  // Each end's index in `seen` (-1: not seen yet), by end number: a typed array, grown as the table grows.
  let endIndex = new Int32Array(1024).fill(-1);
  const indexOf = (n: number): number => (n < endIndex.length ? endIndex[n]! : -1);
  // Per seen end: its number, speakers and kind when first seen.
  const seen = new SeenEnds();
  const log = new EndLog();
  const { spk, ends: table } = run.bgp.net.core;
  /** The state as the page shows it (-1: its node is down), or null when the end is no node's configured end. */
  const stateOf = (n: number, y: number): number | null => {
    if (y < 0 || spk.isNode[y] !== 1 || ((table.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) return null;
    return spk.alive[y] === 1 ? (table.u8[n * END_B + EB_ST] as number) : -1;
  };
  const see = (n: number, state: number): void => {
    endIndex = grow(endIndex, n + 1, -1);
    const k = seen.add(n, table.i32[n * END_I + EI_SPK] as number, table.i32[(n ^ 1) * END_I + EI_SPK] as number, table.conf(n).kind);
    endIndex[n] = k;
    log.add(k);
    log.note(k, state);
  };
  // Stamped on the next whole millisecond: the state at any integer time replays exactly.
  log.mark(Math.ceil(run.sim.now));
  for (let y = 0; y < spk.count; y++) {
    for (const n of (spk.ends[y] as IntList).view()) {
      const state = stateOf(n, y);
      if (state !== null) see(n, state);
    }
  }
  // The engine announces each node and session end about to change (before it changes): the ends and nodes
  // changed at the pending event time are read once the run has finished that time, which is when the first
  // change of a later time is announced or the recorder stops. The announced ends are kept in a typed array
  // with a count (emptying a plain array by `length = 0` sent V8's optimised reading back to the
  // interpreter at every event time).
  let changedEnds = new Int32Array(256);
  let endCount = 0;
  const changedNodes = new Set<number>();
  let pendingAt = run.sim.now;
  const readNodes = (t: number): void => {
    for (const i of changedNodes) {
      const h = nodeUp[i]!;
      if (h[h.length - 1] !== run.nodeUp[i]) h.push(t, run.nodeUp[i]!);
    }
    changedNodes.clear();
  };
  const read = (): void => {
    const t = Math.ceil(pendingAt);
    if (changedNodes.size > 0) readNodes(t);
    if (endCount === 0) return;
    log.mark(t);
    let fresh: number[] | null = null;
    for (let i = 0; i < endCount; i++) {
      const n = changedEnds[i] as number;
      const state = stateOf(n, table.i32[n * END_I + EI_SPK] as number);
      if (state === null) continue;
      const k = indexOf(n);
      if (k < 0) (fresh ??= []).push(n);
      else log.note(k, state);
    }
    endCount = 0;
    if (fresh !== null) seeFresh(fresh);
  };
  const seeFresh = (fresh: number[]): void => {
    for (const n of inListOrder(run, fresh)) {
      if (indexOf(n) < 0) see(n, stateOf(n, table.i32[n * END_I + EI_SPK] as number) as number);
    }
  };
  const at0 = (): void => {
    if (run.sim.now === pendingAt) return;
    read();
    pendingAt = run.sim.now;
  };
  table.beforeChange = (n) => {
    at0();
    if (endCount === changedEnds.length) changedEnds = grow(changedEnds, endCount + 1);
    changedEnds[endCount++] = n;
  };
  run.beforeNodeChange = (i) => {
    at0();
    changedNodes.add(i);
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
      const k = seen.count;
      return { nodeUp, ends: { end: seen.end.slice(0, k), speaker: seen.speaker.slice(0, k), remote: seen.remote.slice(0, k), kind: seen.kind.slice(0, k), states: log.histories(k) } };
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
