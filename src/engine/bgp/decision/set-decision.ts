// engine/bgp: the decision result of a path set, computed once per distinct set and cached on it —
// the best element, the ECMP next-hop group the kernel gets (BIRD `merge paths on`), and the set as
// forwarding sees it (stale flags cleared).
import type { BgpCore } from '../bgp-core.js';
import { mergeableFast, selectBestFast } from './decision.js';
import { NHG_BLACKHOLE, NHG_LOCAL, NHG_NONE } from '../tables/next-hop-groups.js';
import { F_FAR, F_HEAD, F_INTERNAL, F_KERNEL, F_LOCAL, F_STATIC, F_UNRESOLVABLE } from '../tables/path-sets.js';
import { IGP_METRIC_UNKNOWN } from './bgp-rte-better.js';

/** Loads the elements of `set` into the decision scratch; returns the index of its F_HEAD element (BIRD's
 *  list head where arrival order decides, bird-order.ts), or -1. */
function load(core: BgpCore, set: number): number {
  const { sets, attrs, scratch: s, spk } = core;
  const n = sets.len[set] as number;
  const o = sets.off[set] as number;
  s.reset(n);
  let head = -1;
  for (let i = 0; i < n; i++) {
    const e = sets.pool[o + i] as number;
    const a = sets.elemAttr[e] as number;
    const f = sets.elemFlags[e] as number;
    const from = sets.slotFrom[sets.elemSlot[e] as number] as number;
    if ((f & F_HEAD) !== 0) head = i;
    s.pref[i] = (f & F_STATIC) !== 0 ? 200 : (f & F_KERNEL) !== 0 ? 10 : 100;
    const lp = attrs.localPref[a] as number;
    s.lp[i] = lp < 0 ? 100 : lp;
    const pl = attrs.pathLen[a] as number;
    s.pathLen[i] = pl;
    s.origin[i] = attrs.origin[a] as number;
    const med = attrs.med[a] as number;
    s.med[i] = med < 0 ? 0 : med;
    s.nas[i] = pl > 0 ? (attrs.firstAs[a] as number) : (spk.asn[from] as number);
    s.ebgp[i] = (f & (F_INTERNAL | F_LOCAL)) === 0 ? 1 : 0;
    s.igp[i] = (f & F_FAR) !== 0 ? IGP_METRIC_UNKNOWN : 0;
    const orig = attrs.originator[a] as number;
    s.rid[i] = orig >= 0 ? orig : (spk.rid[from] as number);
    s.clLen[i] = attrs.get(a).clusterList.length;
    s.peer[i] = spk.ip[from] as number;
    s.ok[i] = (f & F_UNRESOLVABLE) === 0 ? 1 : 0;
    s.local[i] = (f & F_LOCAL) !== 0 ? 1 : 0;
  }
  return head;
}

function decide(core: BgpCore, set: number): void {
  const { sets } = core;
  if (set === 0) {
    sets.best[0] = -1;
    sets.nh[0] = NHG_NONE;
    return;
  }
  const head = load(core, set);
  const n = core.scratch.n;
  const b = head < 0 ? selectBestFast(core.scratch) : core.scratch.ok[head] === 1 ? head : -1;
  const o = sets.off[set] as number;
  if (b < 0) {
    sets.best[set] = -1;
    sets.nh[set] = NHG_NONE;
    return;
  }
  const be = sets.pool[o + b] as number;
  sets.best[set] = be;
  const f = sets.elemFlags[be] as number;
  if ((f & F_LOCAL) !== 0) {
    const from = sets.slotFrom[sets.elemSlot[be] as number] as number;
    sets.nh[set] = (f & F_STATIC) !== 0 && core.spk.isNode[from] === 1 ? NHG_BLACKHOLE : NHG_LOCAL;
    return;
  }
  const hops: number[] = [core.attrs.nextHop[sets.elemAttr[be] as number] as number];
  for (let i = 0; i < n; i++) {
    if (i !== b && mergeableFast(core.scratch, b, i)) hops.push(core.attrs.nextHop[sets.elemAttr[sets.pool[o + i] as number] as number] as number);
  }
  sets.nh[set] = core.groups.intern(hops);
}

/** Best element of a set, or -1. */
export function bestOf(core: BgpCore, set: number): number {
  let b = core.sets.best[set] as number;
  if (b === -2) {
    decide(core, set);
    b = core.sets.best[set] as number;
  }
  return b;
}

/** ECMP next-hop group of a set (NHG_NONE when no eligible path). */
export function nhOf(core: BgpCore, set: number): number {
  let g = core.sets.nh[set] as number;
  if (g === -1) {
    decide(core, set);
    g = core.sets.nh[set] as number;
  }
  return g;
}

/** The set with its stale flags cleared (what forwarding sees). */
export function unstaleOf(core: BgpCore, set: number): number {
  let u = core.sets.unstale[set] as number;
  if (u === -1) {
    u = core.sets.clearStale(set);
    core.sets.unstale[set] = u;
  }
  return u;
}
