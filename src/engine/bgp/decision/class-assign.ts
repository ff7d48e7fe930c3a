// engine/bgp: grouping prefixes into classes by signature — who originates the prefix with what, which
// nodes' affine blocks contain it (calico_aggr), and the filter verdict under every filter profile.
// Prefixes whose signature no longer matches their class move to a new class split from the old one; its
// RIB cells (and open blackhole windows) start as copies, so the split changes nothing observable.
import type { BgpCore } from '../bgp-core.js';
import { KIND_ANNOUNCE, KIND_BLOCK, KIND_BORROWED } from '../tables/prefix-classes.js';
import { filterVerdicts } from './filter-verdicts.js';
import { SignatureMemo, verdictText } from './signature.js';

/** From this many prefixes on, assignClasses takes their filter verdicts in bulk. */
const BULK_PREFIXES = 64;

/** Sets the per-class data derived from the signature of its prefixes (representative q). */
function setClassData(core: BgpCore, c: number, q: number): void {
  const { classes, spk } = core;
  const o = classes.pOrigins[q] as readonly number[];
  let tracked = 0;
  let live = 0;
  let ordered = 0;
  for (let i = 0; i < o.length; i += 2) {
    const s = o[i] as number;
    const kind = (o[i + 1] as number) & 7;
    if (kind === KIND_ANNOUNCE && (core.attrs.med[(o[i + 1] as number) >> 3] as number) > 0) ordered = 1;
    if (spk.isNode[s] === 1 && (kind === KIND_BLOCK || kind === KIND_BORROWED)) {
      tracked = 1;
      live += spk.alive[s] as number;
    }
  }
  classes.tracked[c] = tracked;
  classes.ordered[c] = ordered;
  classes.liveOrigins[c] = live;
  const parts = (classes.sig[c] as string).split('#');
  const aggr = (parts[1] as string).length > 0 ? (parts[1] as string).split(',').map((x) => x.split(':').map(Number)) : [];
  classes.aggrMulti.delete(c);
  if (aggr.length === 0) classes.aggr[c] = -1;
  else if (aggr.length === 1) {
    classes.aggr[c] = (aggr[0] as number[])[0] as number;
    classes.aggrEq[c] = (aggr[0] as number[])[1] as number;
  } else {
    classes.aggr[c] = -2;
    classes.aggrMulti.set(c, aggr.flat());
  }
  const filt = parts[2] as string;
  for (let g = 0; g < filt.length; g++) classes.filter[c * classes.gStride + g] = Number(filt[g]);
}

/** Re-signs prefixes `qs`; moves those whose class no longer fits. Returns the classes created. */
export function assignClasses(core: BgpCore, qs: readonly number[]): number[] {
  const { classes } = core;
  classes.ensureStride(core.filters.count);
  const groups = new Map<string, number[]>();
  const sigs = new Map<string, string>();
  // Re-signing many prefixes (a build, a new filter profile) takes their verdicts by range (filter-verdicts.ts).
  const verdicts = qs.length >= BULK_PREFIXES ? filterVerdicts(core.filters, classes, qs) : undefined;
  // Consecutive prefixes mostly share their signature and old class (a node's blocks): the group of the
  // last prefix placed is taken again without building its key.
  const memo = new SignatureMemo();
  let last: number[] | null = null;
  let lastSig = '';
  let lastOld = -1;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i] as number;
    const sig = memo.of(core, q, verdicts?.[i] ?? verdictText(core, q));
    const old = classes.pCls[q] as number;
    if (old >= 0 && classes.sig[old] === sig) continue;
    let g: number[] | undefined = last !== null && old === lastOld && sig === lastSig ? last : undefined;
    if (g === undefined) {
      const k = `${old}|${sig}`;
      g = groups.get(k);
      if (g === undefined) {
        g = [];
        groups.set(k, g);
        sigs.set(k, sig);
      }
    }
    g.push(q);
    last = g;
    lastSig = sig;
    lastOld = old;
  }
  const created: number[] = [];
  for (const [k, members] of groups) {
    const sig = sigs.get(k) as string;
    const old = classes.pCls[members[0] as number] as number;
    if (old >= 0 && members.length === (classes.members[old] as number[]).length) {
      classes.sig[old] = sig;
      setClassData(core, old, members[0] as number);
      continue;
    }
    const c = classes.newClass(sig, old, core.filters.count);
    created.push(c);
    if (old >= 0) {
      core.ensureClasses(classes.count);
      const moving = new Set(members);
      classes.setMembers(old, (classes.members[old] as number[]).filter((q) => !moving.has(q)));
      cloneCells(core, old, c, members);
    }
    for (const q of members) classes.pCls[q] = c;
    classes.setMembers(c, members);
    setClassData(core, c, members[0] as number);
  }
  core.ensureClasses(classes.count);
  return created;
}

function cloneCells(core: BgpCore, from: number, to: number, moved: number[]): void {
  for (let y = 0; y < core.rows.length; y++) {
    const open = core.spk.openClasses[y] as Set<number>;
    if (open.has(from)) open.add(to);
    const set = (core.rows[y] as Int32Array)[from] as number;
    (core.rows[y] as Int32Array)[to] = set;
    if (set !== 0) core.holdCell(y, to);
    (core.rowFlags[y] as Uint8Array)[to] = (core.rowFlags[y] as Uint8Array)[from] as number;
  }
  for (const rec of [...core.holes.open.values()]) {
    if (rec.cls !== from) continue;
    rec.members = core.classes.members[from] as number[];
    const copy = { ...rec, cls: to, members: moved };
    core.holes.open.set(rec.spk * 67108864 + to, copy);
    core.holes.all.push(copy);
  }
}

/** Recomputes the live-originator count of the classes a speaker originates pod routes for. */
export function refreshLiveness(core: BgpCore, y: number): number[] {
  const changed = new Set<number>();
  for (const q of core.spk.local[y]?.keys() ?? []) {
    const c = core.classes.pCls[q] as number;
    if (c < 0 || changed.has(c)) continue;
    const before = core.classes.liveOrigins[c] as number;
    setClassData(core, c, q);
    if ((before > 0) !== ((core.classes.liveOrigins[c] as number) > 0)) changed.add(c);
  }
  return [...changed];
}
