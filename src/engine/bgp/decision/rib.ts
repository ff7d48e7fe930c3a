// engine/bgp: the per-node RIB — one path-set id per (node, class). Applying a received route or a local
// origination change, and turning each Loc-RIB change into UPDATE entries per export profile: BIRD's
// rt_notify → bgp_import_control (poison reverse, split horizon, RFC 4456 reflection, cluster loop,
// communities) → Calico export filter → attribute rewrite. ADD-PATH profiles (Calico↔Calico: `add paths
// on`) carry every path; others (external peers) only the best, withdrawn when the best is rejected.
import type { BgpCore } from '../bgp-core.js';
import { C_RR_CLIENT, EB_CFG, END_B } from '../tables/end-table.js';
import { FILTER_ACCEPT, FILTER_DISABLED_POOL } from './export-filter.js';
import { evaluateHole } from '../reports/holes.js';
import { NHG_NONE } from '../tables/next-hop-groups.js';
import { F_INTERNAL, F_LOCAL } from '../tables/path-sets.js';
import { scheduleFlush } from '../protocol/flush.js';
import { bestOf, nhOf, unstaleOf } from './set-decision.js';
import { birdOrder } from './bird-order.js';
import { P_ADD_PATH, P_INTERNAL, P_RR_CLIENT } from '../tables/update-log.js';

/** Calico's export filter verdict for class c on node y (always true for external peers, which export
 *  only their own announcements — checked per element). */
export function filterOk(core: BgpCore, y: number, c: number): boolean {
  const { spk, classes } = core;
  if (spk.isNode[y] === 0) return true;
  const v = classes.filter[c * classes.gStride + (spk.filterProfile[y] as number)] as number;
  if (v === FILTER_DISABLED_POOL) return false;
  const a = classes.aggr[c] as number;
  if (a === y) return classes.aggrEq[c] === 1;
  if (a === -2) {
    const l = classes.aggrMulti.get(c) as number[];
    for (let i = 0; i < l.length; i += 2) if (l[i] === y) return l[i + 1] === 1;
  }
  return v === FILTER_ACCEPT;
}

/** Whether profile p of speaker y can only ever export local and EBGP-learned paths (an IBGP
 *  non-client session of a speaker without rr clients): then only its open classes matter. */
export function onlyOpen(core: BgpCore, p: number): boolean {
  const P = core.profiles;
  const y = P.spk[p] as number;
  const f = P.flags[p] as number;
  return (f & P_INTERNAL) !== 0 && (f & P_RR_CLIENT) === 0 && core.spk.hasClient[y] === 0 && core.spk.uniformAs[y] === 1;
}

/** Attributes speaker y sends for element e to profile p (after the class passed the filter), or -1. */
export function exportAttr(core: BgpCore, p: number, e: number): number {
  const { sets, attrs, xf, profiles: P, spk, ends } = core;
  const y = P.spk[p] as number;
  const flags = sets.elemFlags[e] as number;
  const attr = sets.elemAttr[e] as number;
  const pf = P.flags[p] as number;
  const internal = (pf & P_INTERNAL) !== 0;
  if (attrs.noAdvertise(attr) || (!internal && attrs.noExport(attr))) return -1;
  const pClient = (pf & P_RR_CLIENT) !== 0;
  if (pClient && attrs.clusterHas(attr, P.clusterId[p] as number)) return -1;
  if ((flags & F_LOCAL) !== 0) return xf.exported(attr, P.localRule[p] as number);
  if (spk.isNode[y] === 0) return -1;
  if (internal && (flags & F_INTERNAL) !== 0) {
    // Both sessions IBGP: only route reflection may pass it (RFC 4271 §9.2, RFC 4456 §6).
    if (!pClient && spk.hasClient[y] === 0 && spk.uniformAs[y] === 1) return -1;
    const from = sets.slotFrom[sets.elemSlot[e] as number] as number;
    const src = core.endOf.get(y, from);
    if (src >= 0 && ends.conf(src).localAs === P.localAs[p]) {
      const srcClient = ((ends.u8[src * END_B + EB_CFG] as number) & C_RR_CLIENT) !== 0;
      if (!pClient && !srcClient) return -1;
      let a = xf.withOriginator(attr, spk.rid[from] as number);
      const srcCluster = ends.conf(src).clusterId;
      a = xf.withCluster(a, srcClient ? srcCluster : (P.clusterId[p] as number));
      if (srcClient && pClient && srcCluster !== P.clusterId[p]) a = xf.withCluster(a, P.clusterId[p] as number);
      return xf.exported(a, P.learnRule[p] as number);
    }
  }
  return xf.exported(attr, P.learnRule[p] as number);
}

/** Appends to profile p's log what changes for its peers when class c goes from `old` to `nw`, with
 *  the filter verdict before (`fOld`) and after (`fNew`). */
export function appendDiff(core: BgpCore, p: number, c: number, old: number, nw: number, fOld: boolean, fNew: boolean): void {
  if (!fOld && !fNew) return;
  const { sets, profiles: P } = core;
  const seq = core.classes.splitSeq;
  let wrote = false;
  if (((P.flags[p] as number) & P_ADD_PATH) !== 0) {
    const oo = sets.off[old] as number;
    const on = sets.off[nw] as number;
    const lo = fOld ? (sets.len[old] as number) : 0;
    const ln = fNew ? (sets.len[nw] as number) : 0;
    let i = 0;
    let j = 0;
    while (i < lo || j < ln) {
      const eo = i < lo ? (sets.pool[oo + i] as number) : -1;
      const en = j < ln ? (sets.pool[on + j] as number) : -1;
      const so = eo >= 0 ? (sets.elemSlot[eo] as number) : 0x7fffffff;
      const sn = en >= 0 ? (sets.elemSlot[en] as number) : 0x7fffffff;
      const slot = so < sn ? so : sn;
      const a = so === slot ? eo : -1;
      const b = sn === slot ? en : -1;
      if (so === slot) i++;
      if (sn === slot) j++;
      if (a === b) continue;
      const ao = a >= 0 ? exportAttr(core, p, a) : -1;
      const an = b >= 0 ? exportAttr(core, p, b) : -1;
      if (ao === an) continue;
      P.append(p, c, slot, an, sets.slotFrom[slot] as number, seq);
      wrote = true;
    }
  } else {
    const bo = fOld ? bestOf(core, old) : -1;
    const bn = fNew ? bestOf(core, nw) : -1;
    const ao = bo >= 0 ? exportAttr(core, p, bo) : -1;
    const an = bn >= 0 ? exportAttr(core, p, bn) : -1;
    const fo = ao >= 0 ? sets.fromOf(bo) : -1;
    const fn = an >= 0 ? sets.fromOf(bn) : -1;
    if (ao !== an || fo !== fn) {
      P.append(p, c, 0, an, an >= 0 ? fn : fo, seq);
      wrote = true;
    }
  }
  if (wrote) scheduleFlush(core, p);
}

/** Bookkeeping and export after the cell (y, c) changed from `old` to `nw`. */
export function onChange(core: BgpCore, y: number, c: number, old: number, nw: number): void {
  if (unstaleOf(core, old) !== unstaleOf(core, nw)) core.noteRouteChange();
  const sets = core.sets;
  const wasOpen = sets.hasOpen(old);
  const isOpen = sets.hasOpen(nw);
  if (nw !== 0) core.holdCell(y, c);
  core.ribVersion[y]++;
  if (wasOpen || isOpen) core.openVersion[y]++;
  if (wasOpen !== isOpen) {
    if (wasOpen) (core.spk.openClasses[y] as Set<number>).delete(c);
    else (core.spk.openClasses[y] as Set<number>).add(c);
  }
  // The FIB entry changes only with the next-hop group; failures and liveness are handled by rescans.
  if (core.classes.tracked[c] === 1 && core.opt.trackBlackholes) {
    const had = nhOf(core, old);
    if (had !== nhOf(core, nw)) evaluateHole(core, y, c, had !== NHG_NONE);
  }
  const profs = core.spk.profiles[y] as number[];
  let ok = -1;
  for (let i = 0; i < profs.length; i++) {
    const p = profs[i] as number;
    if ((core.profiles.active[p] as number) === 0) continue;
    // An IBGP non-client session can only get local or EBGP-learned paths: nothing to do without them.
    if (!wasOpen && !isOpen && onlyOpen(core, p)) continue;
    if (ok < 0) ok = filterOk(core, y, c) ? 1 : 0;
    appendDiff(core, p, c, old, nw, ok === 1, ok === 1);
  }
}

/** Sets cell (y, c) to `nw`, with the consequences. */
export function setCell(core: BgpCore, y: number, c: number, set: number): void {
  const row = core.rows[y] as Int32Array;
  const old = row[c] as number;
  const nw = birdOrder(core, y, c, old, set);
  if (old === nw) return;
  row[c] = nw;
  onChange(core, y, c, old, nw);
}

/** Applies a received path (element e, or a withdrawal of `slot` when e < 0) to class c at y and to
 *  the classes split from c after the update was generated (split sequence `seq`). */
export function applyToClass(core: BgpCore, y: number, c: number, e: number, slot: number, seq: number): void {
  const row = core.rows[y] as Int32Array;
  const old = row[c] as number;
  const nw = birdOrder(core, y, c, old, e >= 0 ? core.sets.upsert(old, e) : core.sets.remove(old, slot));
  if (nw !== old) {
    row[c] = nw;
    onChange(core, y, c, old, nw);
  }
  if (core.classes.hasKids[c] === 1) applyToKids(core, y, c, e, slot, seq);
}

/** applyToClass for the classes split from c after the update was generated. */
export function applyToKids(core: BgpCore, y: number, c: number, e: number, slot: number, seq: number): void {
  for (const k of core.classes.kids[c] as number[]) if ((core.classes.bornSeq[k] as number) > seq) applyToClass(core, y, k, e, slot, seq);
}

/** Applies a by-speaker transition (PathSets OP_REMOVE_FROM, OP_MARK_STALE, OP_PURGE_STALE) for
 *  speaker x to every class of y: flush, stale marking, End-of-RIB. */
export function forEachCell(core: BgpCore, y: number, op: number, x: number): void {
  const row = core.rows[y] as Int32Array;
  const n = core.cellHi[y] as number;
  for (let c = core.cellLo[y] as number; c < n; c++) {
    const old = row[c] as number;
    if (old === 0) continue;
    const nw = birdOrder(core, y, c, old, core.sets.bySpeaker(old, op, x));
    if (nw !== old) {
      row[c] = nw;
      onChange(core, y, c, old, nw);
    }
  }
}
