// engine/bgp: sending and receiving UPDATEs. A profile's log is flushed to its established ends after the
// batch window; each batch arrives one session latency later (TCP keeps order, so the in-flight batches
// of a session form a FIFO and a torn-down connection just drops the next `drop` arrivals). The receiver
// normalises attributes once per (log entry, import rule) and applies the change to its RIB.
import type { BgpCore } from '../bgp-core.js';
import { LINK_SILENT, type ResolveCtx } from '../bgp-core.js';
import {
  C_ADD_PATH,
  C_INTERNAL,
  EB_CFG,
  EB_GR_ACTIVE,
  EB_ST,
  EF_LAST_RX,
  EF_PFX_RECV,
  EF_SESS_DELAY,
  EF_UPD_RECV,
  EI_DLV,
  EI_DROP,
  EI_IMPORT_RULE,
  EI_INFLIGHT,
  EI_PROFILE,
  EI_SENT,
  EI_SPK,
  END_B,
  END_F,
  END_I,
  SESS_F,
  ST_ESTABLISHED,
} from '../tables/end-table.js';
import { endGracefulRestart } from './session-teardown.js';
import { maybeCollectSets } from '../tables/set-gc.js';
import { F_FAR, F_INTERNAL, F_UNRESOLVABLE } from '../tables/path-sets.js';
import { applyToKids, onChange } from '../decision/rib.js';
import { birdOrder } from '../decision/bird-order.js';
import { E_ATTR, E_CLS, E_ELEM, E_FROM, E_NEW, E_OLD, E_PID, E_RULE, E_SEQ, ENTRY } from '../tables/update-log.js';
import type { IntList } from '../../../lib/containers/int-list.js';
import { maskOf } from '../../../lib/ipv4.js';

/** NLRI per UPDATE message (4096-byte message, ADD-PATH IPv4 NLRI of 8 bytes) and per withdrawal. */
const NLRI_PER_UPDATE = 500;
const WITHDRAWN_PER_UPDATE = 800;

export function scheduleFlush(core: BgpCore, p: number): void {
  const P = core.profiles;
  if (P.flushPending[p] === 1) return;
  P.flushPending[p] = 1;
  core.sim.after(core.opt.batchWindowMs, core.kinds.flush, p, 0);
}

/** Flush event: send every established end of profile p the log range it has not been sent. */
export function onFlush(core: BgpCore, p: number): void {
  const P = core.profiles;
  const { ends } = core;
  P.flushPending[p] = 0;
  if (core.spk.alive[P.spk[p] as number] === 0) return;
  const end = P.end(p);
  let min = end;
  const list = P.ends[p] as IntList;
  const pe = list.data;
  for (let i = 0; i < list.length; i++) {
    const n = pe[i] as number;
    if (ends.u8[n * END_B + EB_ST] !== ST_ESTABLISHED) continue;
    if ((ends.i32[n * END_I + EI_SENT] as number) < end) {
      core.sim.after(core.ends.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number, core.kinds.update, n, end);
      ends.i32[n * END_I + EI_INFLIGHT]++;
      ends.i32[n * END_I + EI_SENT] = end;
    }
    if ((ends.i32[n * END_I + EI_DLV] as number) < min) min = ends.i32[n * END_I + EI_DLV] as number;
  }
  const base = P.logBase[p] as number;
  if (min - base > 1024 && (min - base) * 2 > (P.logLen[p] as number)) P.trim(p, min);
}

/** Whether an arrival on end n's session must wait for a silently failed link to come back. */
function deferIfSilent(core: BgpCore, kind: number, n: number, b: number): boolean {
  const x = core.ends.i32[n * END_I + EI_SPK] as number;
  const y = core.ends.i32[(n ^ 1) * END_I + EI_SPK] as number;
  if (core.linkState(x, y) !== LINK_SILENT) return false;
  const s = n >> 1;
  let q = core.deferred.get(s);
  if (q === undefined) {
    q = [];
    core.deferred.set(s, q);
  }
  q.push(kind, n, b);
  return true;
}

/** Update event: the batch of end n's log up to position `endPos` reaches the peer. */
export function onUpdate(core: BgpCore, n: number, endPos: number): void {
  const { ends } = core;
  if ((ends.i32[n * END_I + EI_DROP] as number) > 0) {
    ends.i32[n * END_I + EI_DROP]--;
    ends.i32[n * END_I + EI_INFLIGHT]--;
    return;
  }
  if (deferIfSilent(core, core.kinds.update, n, endPos)) return;
  maybeCollectSets(core);
  ends.i32[n * END_I + EI_INFLIGHT]--;
  const m = n ^ 1;
  if (core.spk.alive[ends.i32[m * END_I + EI_SPK] as number] === 0 || ends.u8[m * END_B + EB_ST] !== ST_ESTABLISHED) return;
  const p = ends.i32[n * END_I + EI_PROFILE] as number;
  const from = ends.i32[n * END_I + EI_DLV] as number;
  ends.i32[n * END_I + EI_DLV] = endPos;
  const base = core.profiles.logBase[p] as number;
  deliver(core, n, core.profiles.logs[p] as Int32Array, (from - base) * ENTRY, (endPos - base) * ENTRY, true, false);
}

/** Feed event: the initial export of a new session, then End-of-RIB. */
export function onFeed(core: BgpCore, n: number, id: number): void {
  const { ends } = core;
  if ((ends.i32[n * END_I + EI_DROP] as number) > 0) {
    ends.i32[n * END_I + EI_DROP]--;
    ends.i32[n * END_I + EI_INFLIGHT]--;
    core.releaseFeed();
    return;
  }
  if (deferIfSilent(core, core.kinds.feed, n, id)) return;
  maybeCollectSets(core);
  ends.i32[n * END_I + EI_INFLIGHT]--;
  const m = n ^ 1;
  if (core.spk.alive[ends.i32[m * END_I + EI_SPK] as number] === 0 || ends.u8[m * END_B + EB_ST] !== ST_ESTABLISHED) {
    core.releaseFeed();
    return;
  }
  const arena = core.feedArena;
  deliver(core, n, arena, id + 1, id + 1 + (arena[id] as number) * ENTRY, true, true);
  core.releaseFeed();
  ends.f64[m * END_F + EF_UPD_RECV]++;
  if (ends.u8[m * END_B + EB_GR_ACTIVE] === 1) endGracefulRestart(core, m);
}

/** Whether next hop `nh` is in the subnet of context `ctx` (BIRD: a device route resolves it). */
function onLink(core: BgpCore, ctx: number, nh: number): boolean {
  const c = core.resolveCtx[ctx] as ResolveCtx;
  const mask = maskOf(c.len);
  return ((nh & mask) >>> 0) === c.base;
}

/**
 * Resolution flags of next hop `nh` at a node: unresolvable (zero, or off-link without a default route),
 * or far — resolved through the kernel's default route, whose IGP metric BIRD does not know
 * (nest/rt-table.c rt_get_igp_metric: 0 for a device route, IGP_METRIC_UNKNOWN otherwise), so it loses
 * step e of bgp_rte_better to an on-link next hop and is not merged with one (bgp_rte_mergable).
 */
function hopFlags(core: BgpCore, ctx: number, nh: number): number {
  if (nh === 0) return F_UNRESOLVABLE;
  if (onLink(core, ctx, nh)) return 0;
  return (core.resolveCtx[ctx] as ResolveCtx).anyRoute ? F_FAR : F_UNRESOLVABLE;
}

/** The element stored at end m's speaker for a route received from speaker x, or -1 (loop). */
function receiveElem(core: BgpCore, m: number, x: number, pid: number, attr: number): number {
  const rule = core.ends.i32[m * END_I + EI_IMPORT_RULE] as number;
  const a = core.xf.imported(attr, rule);
  if (a < 0) return -1;
  let flags = ((core.ends.u8[m * END_B + EB_CFG] as number) & C_INTERNAL) !== 0 ? F_INTERNAL : 0;
  flags |= hopFlags(core, core.xf.importRule(rule).ctx, core.attrs.nextHop[a] as number);
  return core.sets.elem(core.sets.slot(x, pid), a, flags);
}

/** Applies entries [i0, i1) of `buf` sent over end n to its peer's RIB and counts them. */
function deliver(core: BgpCore, n: number, buf: Int32Array, i0: number, i1: number, cacheable: boolean, feed: boolean): void {
  const { ends, sets, attrs, classes } = core;
  const m = n ^ 1;
  const x = ends.i32[n * END_I + EI_SPK] as number;
  const y = ends.i32[m * END_I + EI_SPK] as number;
  const rule = ends.i32[m * END_I + EI_IMPORT_RULE] as number;
  const ridY = core.spk.rid[y] as number;
  const addPath = ((ends.u8[m * END_B + EB_CFG] as number) & C_ADD_PATH) !== 0;
  const row = core.rows[y] as Int32Array;
  let msgs = 0;
  let pfx = 0;
  let run = 0;
  let runAttr = -2;
  let withdrawn = 0;
  for (let i = i0; i < i1; i += ENTRY) {
    const c = buf[i + E_CLS] as number;
    const pid = buf[i + E_PID] as number;
    const attr = buf[i + E_ATTR] as number;
    const f = buf[i + E_FROM] as number;
    const announce = f !== y && attr >= 0;
    let e = -1;
    // A withdrawal's RIB transition is the same for every receiver; an announcement's for every
    // receiver with the same import rule (and not the route's originator).
    let shared = cacheable && (announce || attr < 0);
    if (announce) {
      if (cacheable && buf[i + E_RULE] === rule) e = buf[i + E_ELEM] as number;
      else {
        e = receiveElem(core, m, x, pid, attr);
        if (cacheable) {
          buf[i + E_RULE] = rule;
          buf[i + E_ELEM] = e;
          buf[i + E_OLD] = -1;
        }
      }
      if (e >= 0 && attrs.originator[sets.elemAttr[e] as number] === ridY) {
        e = -1; // RFC 4456 §8: a route carrying our own ORIGINATOR_ID is ignored
        shared = false;
      }
    }
    const size = classes.size[c] as number;
    if (announce) {
      if (attr !== runAttr) {
        msgs += Math.ceil(run / NLRI_PER_UPDATE);
        run = 0;
        runAttr = attr;
      }
      run += size;
      pfx += size;
    } else if (f !== y || (!addPath && !feed)) {
      // A path the sender got from this very peer is never sent with ADD-PATH or in a feed (poison
      // reverse); without ADD-PATH a best path that moved to it is withdrawn.
      withdrawn += size;
      pfx += size;
    }
    const slot = e >= 0 ? (sets.elemSlot[e] as number) : sets.findSlot(x, pid);
    if (slot < 0) continue;
    const old = row[c] as number;
    let nw: number;
    if (shared && buf[i + E_OLD] === old) nw = buf[i + E_NEW] as number;
    else {
      nw = e >= 0 ? sets.upsert(old, e) : sets.remove(old, slot);
      if (shared) {
        buf[i + E_OLD] = old;
        buf[i + E_NEW] = nw;
      }
    }
    if (classes.ordered[c] === 1) nw = birdOrder(core, y, c, old, nw);
    if (nw !== old) {
      row[c] = nw;
      onChange(core, y, c, old, nw);
    }
    if (classes.hasKids[c] === 1) applyToKids(core, y, c, e, slot, buf[i + E_SEQ] as number);
  }
  msgs += Math.ceil(run / NLRI_PER_UPDATE) + Math.ceil(withdrawn / WITHDRAWN_PER_UPDATE);
  ends.f64[m * END_F + EF_LAST_RX] = core.sim.now;
  ends.f64[m * END_F + EF_UPD_RECV] += msgs;
  ends.f64[m * END_F + EF_PFX_RECV] += pfx;
}
