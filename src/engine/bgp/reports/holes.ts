// engine/bgp: blackhole windows — for each live node and each pod destination class (blocks and borrowed
// /32s a Calico node originates), the periods during which the node's FIB had no route although the node
// had one before and some originator is alive ("missing"), or routed to a next hop that is down or
// unreachable over a failed link ("dead-next-hop"). Evaluated on every change of such a cell and, on node
// or link failures, by one scan of the affected cells.
import type { BgpCore } from '../bgp-core.js';
import { NHG_NONE } from '../tables/next-hop-groups.js';
import { nhOf } from '../decision/set-decision.js';

const EVER = 1;
const OPEN = 2;
const REASON_MISSING = 1;
const REASON_DEAD = 2;

/** A closed or open window in engine terms. */
export interface HoleRecord {
  readonly spk: number;
  readonly cls: number;
  readonly from: number;
  to: number | null;
  readonly reason: number;
  /** Prefix ids the window covers (the class members when it opened). */
  members: number[];
}

/** Open windows by cell, and every window in opening order. */
export class HoleLog {
  readonly open = new Map<number, HoleRecord>();
  readonly all: HoleRecord[] = [];
  /** Per tenant index, the speakers of each next-hop group's hops (-1: no speaker has that address). */
  readonly groupSpk: number[][][] = [];
}

function key(y: number, c: number): number {
  return y * 67108864 + c;
}

/** Speakers a next-hop group points at, resolved within y's tenant. */
function hopSpeakers(core: BgpCore, holes: HoleLog, y: number, g: number): number[] {
  const t = core.spk.tenantId[y] as number;
  const byGroup = (holes.groupSpk[t] ??= []);
  let l = byGroup[g];
  if (l === undefined) {
    const tenant = core.spk.tenant[y] as string;
    l = (core.groups.hops[g] as number[]).map((ip) => core.byIp.get(`${tenant}|${ip}`) ?? -1);
    byGroup[g] = l;
  }
  return l;
}

/**
 * Re-evaluates cell (y, c) and opens/closes its window; `hadRoute`: the cell had a route before this
 * change. The EVER flag is written when a cell loses its route (a cell holding one has had one), so a
 * route arriving while nothing is down and no window is open leaves the flags untouched.
 */
export function evaluateHole(core: BgpCore, y: number, c: number, hadRoute: boolean): void {
  const g = nhOf(core, (core.rows[y] as Int32Array)[c] as number);
  const holes = core.holes;
  if (g !== NHG_NONE && holes.open.size === 0 && core.downSpeakers === 0 && core.downLinks === 0) return;
  const flags = core.rowFlags[y] as Uint8Array;
  if (hadRoute && g === NHG_NONE) flags[c] = (flags[c] as number) | EVER;
  if (core.spk.alive[y] === 0) return;
  const f = flags[c] as number;
  let bad = 0;
  if (g !== NHG_NONE) {
    flags[c] = f | EVER;
    if ((f & OPEN) === 0 && core.downSpeakers === 0 && core.downLinks === 0) return;
    if (g >= 3) {
      for (const s of hopSpeakers(core, holes, y, g)) {
        if (s >= 0 && s !== y && (core.spk.alive[s] === 0 || (core.downLinks > 0 && core.linkState(y, s) !== 0))) bad = REASON_DEAD;
      }
    }
  } else if ((f & EVER) !== 0 && (core.classes.liveOrigins[c] as number) > 0) bad = REASON_MISSING;
  const isOpen = (f & OPEN) !== 0;
  if (isOpen) {
    const rec = holes.open.get(key(y, c)) as HoleRecord;
    if (rec.reason === bad) return;
    rec.to = core.sim.now;
    holes.open.delete(key(y, c));
    flags[c] = (flags[c] as number) & ~OPEN;
  }
  if (bad !== 0) {
    const members = core.classes.members[c] as number[];
    const rec: HoleRecord = { spk: y, cls: c, from: core.sim.now, to: null, reason: bad, members };
    holes.open.set(key(y, c), rec);
    holes.all.push(rec);
    flags[c] = (flags[c] as number) | OPEN;
  }
}

/** Records EVER on every tracked cell of y that has a route, before its row is cleared wholesale. */
export function markEver(core: BgpCore, y: number): void {
  const row = core.rows[y] as Int32Array;
  const flags = core.rowFlags[y] as Uint8Array;
  for (let c = 0; c < core.classes.count; c++) {
    if (core.classes.tracked[c] === 1 && nhOf(core, row[c] as number) !== NHG_NONE) flags[c] = (flags[c] as number) | EVER;
  }
}

/** Closes every open window of a node that just died. */
export function closeHolesOf(core: BgpCore, y: number): void {
  const holes = core.holes;
  const flags = core.rowFlags[y] as Uint8Array;
  for (const [k, rec] of holes.open) {
    if (rec.spk !== y) continue;
    rec.to = core.sim.now;
    holes.open.delete(k);
    flags[rec.cls] = (flags[rec.cls] as number) & ~OPEN;
  }
}

/** Re-evaluates every tracked cell of live nodes whose next hops include one of `spks`, plus every cell
 *  of the classes in `classes` (their liveness changed). */
export function rescanHoles(core: BgpCore, spks: readonly number[], classes: readonly number[]): void {
  if (!core.opt.trackBlackholes) return;
  const ips = new Set(spks.map((s) => core.spk.ip[s] as number));
  const touched = new Uint8Array(core.classes.count);
  for (const c of classes) touched[c] = 1;
  const groupHit = new Map<number, boolean>();
  for (let y = 0; y < core.spk.count; y++) {
    if (core.spk.alive[y] === 0) continue;
    const row = core.rows[y] as Int32Array;
    for (let c = 0; c < core.classes.count; c++) {
      if (core.classes.tracked[c] !== 1) continue;
      let hit = touched[c] === 1;
      if (!hit && ips.size > 0) {
        const g = nhOf(core, row[c] as number);
        if (g >= 3) {
          let h = groupHit.get(g);
          if (h === undefined) {
            h = (core.groups.hops[g] as number[]).some((ip) => ips.has(ip));
            groupHit.set(g, h);
          }
          hit = h;
        }
      }
      if (hit) evaluateHole(core, y, c, false);
    }
  }
}
