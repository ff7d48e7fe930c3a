// engine/bgp: what a speaker originates — a Calico node's affine blocks and service CIDRs (BIRD static
// blackholes, preference 200; /32 blocks skipped as in bird_aggr.cfg.template) and borrowed pod /32s
// (kernel routes BIRD learns, preference 10); an external peer's announcements. Changing it re-signs the
// affected prefixes (splitting classes), re-runs the export filter where block aggregation changed, and
// updates the node's own RIB cells, which propagates like any route change.
import { type Cidr, maskOf, parseCidr, parseIpv4 } from '../../../lib/ipv4.js';
import type { NodeBgpConfig } from '../../../model/bgp/types.js';
import type { AnnouncementSpec } from '../../../scenario/types.js';
import { ORIGIN_EGP, ORIGIN_IGP, ORIGIN_INCOMPLETE } from '../tables/attr-table.js';
import type { BgpCore } from '../bgp-core.js';
import { assignClasses } from './class-assign.js';
import { rescanHoles } from '../reports/holes.js';
import { F_KERNEL, F_STATIC, LOCAL_PID } from '../tables/path-sets.js';
import { KIND_ANNOUNCE, KIND_BLOCK, KIND_BORROWED, KIND_SERVICE } from '../tables/prefix-classes.js';
import { appendDiff, filterOk, setCell } from './rib.js';

function prefixOf(core: BgpCore, text: string): number {
  const c: Cidr | undefined = parseCidr(text);
  return c === undefined ? -1 : core.classes.prefix(c.base, c.len);
}

/** BIRD's largest int, from which Calico's export filter subtracts krt_metric. */
const BIRD_INT_MAX = 2147483647;

/**
 * LOCAL_PREF of a node's own routes as its peers receive them: every `protocol bgp` of calico-node runs
 * the export filter `if (!defined(krt_metric)) then { krt_metric = <normal priority>; } bgp_local_pref =
 * 2147483647 - krt_metric;` for routes not learned by BGP (confd bird.cfg.template; the priority is
 * FelixConfiguration routePriority, 1024 by default), so an IBGP peer gets 2147482623, not 100. Over EBGP
 * the receiver drops it (BIRD attrs.c: LOCAL_PREF not allowed in EBGP). Static routes have no krt_metric.
 */
export function nodeLocalPref(cfg: NodeBgpConfig | undefined): number {
  return BIRD_INT_MAX - (cfg?.normalRoutePriority ?? 1024);
}

/** The local routes of a Calico node: prefix id → attr · 8 + kind. */
export function nodeOrigination(core: BgpCore, y: number, blocks: readonly string[], borrowed: readonly string[], services: readonly string[]): Map<number, number> {
  const attr = core.attrs.intern({
    nextHop: core.spk.ip[y] as number,
    asPath: [],
    origin: ORIGIN_IGP,
    med: -1,
    localPref: nodeLocalPref(core.spk.nodeConfig[y]),
    originatorId: -1,
    clusterList: [],
    communities: [],
  });
  const m = new Map<number, number>();
  for (const b of blocks) {
    const q = prefixOf(core, b);
    if (q < 0 || core.classes.pLen[q] === 32) continue;
    m.set(q, attr * 8 + KIND_BLOCK);
    const len = core.classes.pLen[q] as number;
    if (!core.blockLens.includes(len)) core.blockLens.push(len);
  }
  for (const s of services) {
    const q = prefixOf(core, s);
    if (q >= 0 && !m.has(q)) m.set(q, attr * 8 + KIND_SERVICE);
  }
  for (const b of borrowed) {
    const q = prefixOf(core, b);
    if (q >= 0 && !m.has(q)) m.set(q, attr * 8 + KIND_BORROWED);
  }
  return m;
}

const ORIGINS: Record<AnnouncementSpec['origin'], number> = { igp: ORIGIN_IGP, egp: ORIGIN_EGP, incomplete: ORIGIN_INCOMPLETE };

/** The announcements of an external peer (next hop: the peer itself). */
export function externalOrigination(core: BgpCore, y: number, announce: readonly AnnouncementSpec[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const a of announce) {
    const q = prefixOf(core, a.prefix);
    if (q < 0) continue;
    const orig = a.originatorId !== undefined ? parseIpv4(a.originatorId) : -1;
    const attr = core.attrs.intern({
      nextHop: core.spk.ip[y] as number,
      asPath: [...a.asPath],
      origin: ORIGINS[a.origin],
      med: a.med ?? -1,
      localPref: a.localPref ?? -1,
      originatorId: orig,
      clusterList: a.clusterList.map((c) => Math.max(0, parseIpv4(c))),
      communities: [...a.communities],
    });
    m.set(q, attr * 8 + KIND_ANNOUNCE);
  }
  return m;
}

/** Records speaker y's origination of prefix q in the prefix's sorted origin list. */
export function setOrigin(core: BgpCore, q: number, y: number, code: number | undefined): void {
  const o = core.classes.pOrigins[q] as readonly number[];
  if (o.length === 0) {
    // A prefix first originated (every prefix of a build): nothing to merge with.
    if (code !== undefined) core.classes.pOrigins[q] = [y, code];
    return;
  }
  const out: number[] = [];
  let placed = code === undefined;
  for (let i = 0; i < o.length; i += 2) {
    const s = o[i] as number;
    if (s === y) continue;
    if (!placed && s > y) {
      out.push(y, code as number);
      placed = true;
    }
    out.push(s, o[i + 1] as number);
  }
  if (!placed) out.push(y, code as number);
  core.classes.pOrigins[q] = out;
}

/** Sets y's own route cell for class c from the class's origin list. */
export function syncLocal(core: BgpCore, y: number, c: number): void {
  if (core.spk.alive[y] === 0) return;
  const { sets, classes } = core;
  const q = (classes.members[c] as number[])[0];
  if (q === undefined) return;
  const o = classes.pOrigins[q] as readonly number[];
  let code = -1;
  for (let i = 0; i < o.length; i += 2) if (o[i] === y) code = o[i + 1] as number;
  const slot = sets.slot(y, LOCAL_PID);
  const cur = (core.rows[y] as Int32Array)[c] as number;
  let nw: number;
  if (code < 0) nw = sets.remove(cur, slot);
  else nw = sets.upsert(cur, sets.elem(slot, code >> 3, (code & 7) === KIND_BORROWED ? F_KERNEL : F_STATIC));
  setCell(core, y, c, nw);
}

/** Export-filter verdicts of node y for every class. */
function filterSnapshot(core: BgpCore, y: number): Uint8Array {
  const f = new Uint8Array(core.classes.count);
  for (let c = 0; c < f.length; c++) f[c] = filterOk(core, y, c) ? 1 : 0;
  return f;
}

/** Emits the export changes of node y for classes whose filter verdict changed since `before`. */
function refilter(core: BgpCore, y: number, before: Uint8Array): void {
  const row = core.rows[y] as Int32Array;
  for (let c = 0; c < core.classes.count; c++) {
    let a = c;
    while (a >= before.length && (core.classes.parent[a] as number) >= 0) a = core.classes.parent[a] as number;
    const fo = a < before.length ? before[a] === 1 : false;
    const fn = filterOk(core, y, c);
    if (fo === fn || row[c] === 0) continue;
    for (const p of core.spk.profiles[y] as number[]) {
      if ((core.profiles.active[p] as number) > 0) appendDiff(core, p, c, row[c] as number, row[c] as number, fo, fn);
    }
  }
}

/** Replaces speaker y's origination with `next` (at the current simulated time). */
export function originate(core: BgpCore, y: number, next: Map<number, number>): void {
  const { classes, spk } = core;
  const old = spk.local[y] as Map<number, number>;
  const changed: number[] = [];
  for (const [q, code] of next) if (old.get(q) !== code) changed.push(q);
  for (const q of old.keys()) if (!next.has(q)) changed.push(q);
  if (changed.length === 0) return;
  core.exportEpoch++;
  const blocks: number[] = [];
  for (const q of changed) {
    if (((old.get(q) ?? 0) & 7) === KIND_BLOCK || ((next.get(q) ?? 0) & 7) === KIND_BLOCK) blocks.push(q);
    setOrigin(core, q, y, next.get(q));
  }
  spk.local[y] = next;
  const affected = new Set(changed);
  for (const b of blocks) {
    const bb = classes.pBase[b] as number;
    const bl = classes.pLen[b] as number;
    const mask = maskOf(bl);
    for (let q = 0; q < classes.pCount; q++) {
      if ((classes.pLen[q] as number) >= bl && (((classes.pBase[q] as number) & mask) >>> 0) === bb) affected.add(q);
    }
  }
  const before = spk.isNode[y] === 1 ? filterSnapshot(core, y) : new Uint8Array(0);
  assignClasses(core, [...affected]);
  if (spk.isNode[y] === 1) refilter(core, y, before);
  const touched = [...new Set(changed.map((q) => classes.pCls[q] as number))];
  for (const c of touched) syncLocal(core, y, c);
  rescanHoles(core, [], touched);
}
