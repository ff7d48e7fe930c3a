// engine/bgp: BIRD's arrival-order route selection in the RIB cells of classes an external peer announces
// with a MED (the only source of differing MEDs in a Calico network). Calico's bird.cfg never sets
// `deterministic med`, so BIRD keeps each network's routes as a list, compares a new route only with the
// current best (rte-recalculate.ts, bgp-rte-better.ts) and its answer depends on the order the routes
// came in. Such a cell keeps that list here, and its set carries the list's head as F_HEAD, which the
// set's decision (set-decision.ts) takes as the best. Elsewhere MEDs cannot conflict, BIRD's pairwise
// comparison orders the routes and every arrival order gives the RFC's answer, so no list is kept.
import type { BgpCore } from '../bgp-core.js';
import type { PathView } from './decision.js';
import { bgpRteBetter, IGP_METRIC_UNKNOWN } from './bgp-rte-better.js';
import { rteRecalculate } from './rte-recalculate.js';
import { bestOf } from './set-decision.js';
import { F_FAR, F_HEAD, F_INTERNAL, F_KERNEL, F_LOCAL, F_STALE, F_STATIC, F_UNRESOLVABLE } from '../tables/path-sets.js';

/** Cell key: as the hole log's (classes stay below 2^26). */
const cellKey = (y: number, c: number): number => y * 67108864 + c;

/** Element e as BIRD's comparison sees it. */
export function pathViewOf(core: BgpCore, e: number): PathView {
  const { sets, attrs, spk } = core;
  const f = sets.elemFlags[e] as number;
  const a = sets.elemAttr[e] as number;
  const from = sets.fromOf(e);
  const pa = attrs.get(a);
  const lp = attrs.localPref[a] as number;
  const med = attrs.med[a] as number;
  const orig = attrs.originator[a] as number;
  return {
    preference: (f & F_STATIC) !== 0 ? 200 : (f & F_KERNEL) !== 0 ? 10 : 100,
    local: (f & F_LOCAL) !== 0,
    localPref: lp < 0 ? 100 : lp,
    asPath: pa.asPath,
    origin: pa.origin,
    med: med < 0 ? 0 : med,
    peerAs: spk.asn[from] as number,
    ebgp: (f & (F_INTERNAL | F_LOCAL)) === 0,
    igpCost: (f & F_FAR) !== 0 ? IGP_METRIC_UNKNOWN : 0,
    bgpId: spk.rid[from] as number,
    ...(orig >= 0 ? { originatorId: orig } : {}),
    clusterListLength: pa.clusterList.length,
    peerAddress: spk.ip[from] as number,
    resolvable: (f & F_UNRESOLVABLE) === 0,
  };
}

/** slot → element of a set, without the head flag. */
function bySlot(core: BgpCore, set: number): Map<number, number> {
  const { sets } = core;
  const m = new Map<number, number>();
  const o = sets.off[set] as number;
  for (let i = 0; i < (sets.len[set] as number); i++) {
    const e = sets.pool[o + i] as number;
    const f = sets.elemFlags[e] as number;
    m.set(sets.elemSlot[e] as number, (f & F_HEAD) !== 0 ? sets.elem(sets.elemSlot[e] as number, sets.elemAttr[e] as number, f & ~F_HEAD) : e);
  }
  return m;
}

/** The list of a cell as last left, or (first use, or out of step) rebuilt from its set: best first. */
function listOf(core: BgpCore, key: number, set: number): number[] {
  const have = bySlot(core, set);
  const known = core.birdLists.get(key);
  if (known !== undefined && known.length === have.size && known.every((e) => have.get(core.sets.elemSlot[e] as number) === e)) return known;
  const b = bestOf(core, set);
  const head = b >= 0 ? have.get(core.sets.elemSlot[b] as number) : undefined;
  return head === undefined ? [...have.values()] : [head, ...[...have.values()].filter((e) => e !== head)];
}

/** The set to store in cell (y, c) going from `old` to `nw` (content as the transition computed it). */
export function birdOrder(core: BgpCore, y: number, c: number, old: number, nw: number): number {
  if (core.classes.ordered[c] !== 1) return nw;
  const key = cellKey(y, c);
  const { sets } = core;
  let list = listOf(core, key, old);
  const now = bySlot(core, nw);
  const better = (a: number, b: number): boolean => bgpRteBetter(pathViewOf(core, a), pathViewOf(core, b));
  for (const e of [...list]) {
    const slot = sets.elemSlot[e] as number;
    const n = now.get(slot);
    if (n === e) continue;
    // A graceful-restart stale mark (or its refresh by the same route) is made in place (rte_same).
    if (n !== undefined && (sets.elemAttr[n] === sets.elemAttr[e]) && (((sets.elemFlags[n] as number) ^ (sets.elemFlags[e] as number)) & ~F_STALE) === 0) {
      list = list.map((x) => (x === e ? n : x));
      continue;
    }
    list = rteRecalculate(list, e, n, better);
  }
  const had = new Set(list.map((e) => sets.elemSlot[e] as number));
  for (const [slot, e] of now) if (!had.has(slot)) list = rteRecalculate(list, undefined, e, better);
  if (list.length === 0) core.birdLists.delete(key);
  else core.birdLists.set(key, list);
  return sets.withHead(nw, list.length > 0 ? (sets.elemSlot[list[0] as number] as number) : -1);
}

/** Forgets the lists of speaker y (its RIB was emptied). */
export function dropBirdLists(core: BgpCore, y: number): void {
  for (const key of [...core.birdLists.keys()]) if (Math.floor(key / 67108864) === y) core.birdLists.delete(key);
}
