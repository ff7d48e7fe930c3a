// engine/bgp: reading the network — each node's routes (Loc-RIB paths per prefix, best marked), session
// reports with counters, per-state session counts, convergence per change and blackhole windows.
import { formatCidr, formatIpv4 } from '../../../lib/ipv4.js';
import { ORIGIN_EGP, ORIGIN_IGP } from '../tables/attr-table.js';
import type { BgpNetwork } from '../bgp-network.js';
import {
  C_CONFIGURED,
  EB_CFG,
  EB_ST,
  EF_EST_AT,
  EF_PFX_RECV,
  EF_UPD_RECV,
  EI_PROFILE,
  EI_SPK,
  END_B,
  END_F,
  END_I,
  KIND_NAMES,
  STATE_NAMES,
  ST_ESTABLISHED,
} from '../tables/end-table.js';
import { F_KERNEL, F_LOCAL, F_STALE, F_STATIC } from '../tables/path-sets.js';
import { exportAttr, filterOk } from '../decision/rib.js';
import { bestOf, nhOf } from '../decision/set-decision.js';
import type { BlackholeWindow, ConvergenceRecord, SessionReport } from '../types.js';
import { P_ADD_PATH } from '../tables/update-log.js';
import type { IntList } from '../../../lib/containers/int-list.js';

/** One path of a node's route as `birdc show route all` would print it. */
export interface RoutePath {
  readonly peer: string;
  readonly nextHop: string;
  readonly asPath: readonly number[];
  readonly origin: 'igp' | 'egp' | 'incomplete';
  readonly med: number | null;
  readonly localPref: number;
  readonly best: boolean;
  readonly stale: boolean;
  /** RFC 4456 attributes (null / empty when absent). */
  readonly originatorId: string | null;
  readonly clusterList: readonly string[];
  readonly communities: readonly string[];
  /** BIRD route preference (nest/route.h: static 200, BGP 100, kernel 10); compared before any BGP step. */
  readonly preference: number;
}

/** A prefix of a node's RIB. */
export interface RouteEntry {
  readonly prefix: string;
  readonly base: number;
  readonly len: number;
  readonly paths: readonly RoutePath[];
  /** Next hops of the kernel route (`merge paths on`), ascending; empty when none or not a gateway. */
  readonly ecmp: readonly string[];
}

/** Every prefix node y holds a path for, by address then length; best path first. */
export function nodeRoutes(net: BgpNetwork, y: number): RouteEntry[] {
  const core = net.core;
  const { sets, attrs, classes } = core;
  const row = core.rows[y] as Int32Array;
  const out: RouteEntry[] = [];
  for (let c = 0; c < classes.count; c++) {
    const set = row[c] as number;
    if (set === 0) continue;
    const best = bestOf(core, set);
    const paths: RoutePath[] = [];
    const o = sets.off[set] as number;
    for (let i = 0; i < (sets.len[set] as number); i++) {
      const e = sets.pool[o + i] as number;
      const a = attrs.get(sets.elemAttr[e] as number);
      const f = sets.elemFlags[e] as number;
      paths.push({
        peer: (f & F_LOCAL) !== 0 ? 'local' : net.nameOf(sets.fromOf(e)),
        nextHop: formatIpv4(a.nextHop),
        asPath: a.asPath,
        origin: a.origin === ORIGIN_IGP ? 'igp' : a.origin === ORIGIN_EGP ? 'egp' : 'incomplete',
        med: a.med < 0 ? null : a.med,
        // A local route is a static or kernel route with no LOCAL_PREF (BIRD's default 100 stands in);
        // the export filter gives it one only on the way out (origination.ts nodeLocalPref).
        localPref: a.localPref < 0 || (f & F_LOCAL) !== 0 ? 100 : a.localPref,
        best: e === best,
        stale: (f & F_STALE) !== 0,
        originatorId: a.originatorId < 0 ? null : formatIpv4(a.originatorId),
        clusterList: a.clusterList.map(formatIpv4),
        communities: a.communities,
        preference: (f & F_STATIC) !== 0 ? 200 : (f & F_KERNEL) !== 0 ? 10 : 100,
      });
    }
    paths.sort((p, q) => Number(q.best) - Number(p.best) || cmp(p.peer, q.peer) || cmp(p.nextHop, q.nextHop) || cmp(p.asPath.join(' '), q.asPath.join(' ')));
    const ecmp = (core.groups.hops[nhOf(core, set)] as number[]).map(formatIpv4);
    for (const q of classes.members[c] as number[]) {
      const base = classes.pBase[q] as number;
      const len = classes.pLen[q] as number;
      out.push({ prefix: formatCidr({ base, len }), base, len, paths, ecmp });
    }
  }
  out.sort((a, b) => a.base - b.base || a.len - b.len);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of prefixes node y has a path for, and of paths. */
export function routeCounts(net: BgpNetwork, y: number): { prefixes: number; paths: number } {
  const core = net.core;
  const row = core.rows[y] as Int32Array;
  let prefixes = 0;
  let paths = 0;
  for (let c = core.cellLo[y] as number, hi = core.cellHi[y] as number; c < hi; c++) {
    const set = row[c] as number;
    if (set === 0) continue;
    const size = (core.classes.members[c] as number[]).length;
    prefixes += size;
    paths += size * (core.sets.len[set] as number);
  }
  return { prefixes, paths };
}

/** Prefixes end n's speaker holds from its peer, and prefixes it currently exports to it. */
function sessionRoutes(net: BgpNetwork, n: number): { received: number; sent: number } {
  const core = net.core;
  const { sets, ends, classes } = core;
  const y = ends.i32[n * END_I + EI_SPK] as number;
  const r = ends.i32[(n ^ 1) * END_I + EI_SPK] as number;
  const row = core.rows[y] as Int32Array;
  let received = 0;
  let sent = 0;
  const p = ends.i32[n * END_I + EI_PROFILE] as number;
  const established = ends.u8[n * END_B + EB_ST] === ST_ESTABLISHED;
  const addPath = p >= 0 && ((core.profiles.flags[p] as number) & P_ADD_PATH) !== 0;
  for (let c = core.cellLo[y] as number, hi = core.cellHi[y] as number; c < hi; c++) {
    const set = row[c] as number;
    if (set === 0) continue;
    const size = (classes.members[c] as number[]).length;
    const o = sets.off[set] as number;
    const k = sets.len[set] as number;
    for (let i = 0; i < k; i++) if (sets.fromOf(sets.pool[o + i] as number) === r) received += size;
    if (!established || !filterOk(core, y, c)) continue;
    if (addPath) {
      for (let i = 0; i < k; i++) {
        const e = sets.pool[o + i] as number;
        if (sets.fromOf(e) !== r && exportAttr(core, p, e) >= 0) sent += size;
      }
    } else {
      const b = bestOf(core, set);
      if (b >= 0 && sets.fromOf(b) !== r && exportAttr(core, p, b) >= 0) sent += size;
    }
  }
  return { received, sent };
}

/** Every configured session end of the given speakers (default: all Calico nodes), sorted. */
export function sessionReports(net: BgpNetwork, speakers?: readonly number[]): SessionReport[] {
  const core = net.core;
  const { ends, spk } = core;
  const ys = speakers ?? Array.from({ length: spk.count }, (_, y) => y).filter((y) => spk.isNode[y] === 1);
  const out: SessionReport[] = [];
  for (const y of ys) {
    for (const n of (spk.ends[y] as IntList).view()) {
      if (((ends.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
      const r = ends.i32[(n ^ 1) * END_I + EI_SPK] as number;
      const unknown = ends.unknownPeer.get(n);
      const peerIp = r >= 0 ? formatIpv4(spk.ip[r] as number) : (unknown?.ip ?? '?');
      const { received, sent } = sessionRoutes(net, n);
      const st = spk.alive[y] === 1 ? (STATE_NAMES[ends.u8[n * END_B + EB_ST] as number] as string) : 'Down';
      out.push({
        node: net.nameOf(y),
        peer: r >= 0 ? net.nameOf(r) : (unknown?.name ?? '?'),
        peerIp,
        protocol: ends.protocolName(n, peerIp),
        kind: KIND_NAMES[ends.conf(n).kind] as string,
        state: st,
        uptimeMs: ends.u8[n * END_B + EB_ST] === ST_ESTABLISHED && (ends.f64[n * END_F + EF_EST_AT] as number) >= 0 ? core.sim.now - (ends.f64[n * END_F + EF_EST_AT] as number) : null,
        routesReceived: received,
        routesSent: sent,
        updatesReceived: ends.f64[n * END_F + EF_UPD_RECV] as number,
        updatesSent: ends.f64[(n ^ 1) * END_F + EF_UPD_RECV] as number,
        prefixUpdatesReceived: ends.f64[n * END_F + EF_PFX_RECV] as number,
        prefixUpdatesSent: ends.f64[(n ^ 1) * END_F + EF_PFX_RECV] as number,
        lastError: ends.lastError.get(n) ?? '',
      });
    }
  }
  out.sort((a, b) => cmp(a.node, b.node) || cmp(a.peer, b.peer) || cmp(a.protocol, b.protocol));
  return out;
}

/** Session ends per state for each node (all nodes, sorted by name). */
export function sessionCounts(net: BgpNetwork): { node: string; states: Record<string, number> }[] {
  const core = net.core;
  const out: { node: string; states: Record<string, number> }[] = [];
  for (let y = 0; y < core.spk.count; y++) {
    if (core.spk.isNode[y] === 0) continue;
    const states: Record<string, number> = {};
    for (const n of (core.spk.ends[y] as IntList).view()) {
      if (((core.ends.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
      const s = core.spk.alive[y] === 1 ? (STATE_NAMES[core.ends.u8[n * END_B + EB_ST] as number] as string) : 'Down';
      states[s] = (states[s] ?? 0) + 1;
    }
    out.push({ node: net.nameOf(y), states });
  }
  return out.sort((a, b) => cmp(a.node, b.node));
}

export function convergence(net: BgpNetwork): ConvergenceRecord[] {
  return net.core.changes.map((c) => ({
    label: c.label,
    at: c.at,
    lastRouteChange: c.last >= 0 ? c.last : null,
    convergenceMs: c.last >= 0 ? c.last - c.at : null,
    routeChanges: c.count,
  }));
}

export function blackholeWindows(net: BgpNetwork): BlackholeWindow[] {
  const core = net.core;
  const { classes } = core;
  return core.holes.all
    .filter((h) => h.members.length > 0)
    .map((h) => ({
      node: net.nameOf(h.spk),
      prefixes: [...h.members]
        .sort((a, b) => (classes.pBase[a] as number) - (classes.pBase[b] as number) || (classes.pLen[a] as number) - (classes.pLen[b] as number))
        .map((q) => formatCidr({ base: classes.pBase[q] as number, len: classes.pLen[q] as number })),
      from: h.from,
      to: h.to,
      reason: h.reason === 1 ? ('missing' as const) : ('dead-next-hop' as const),
    }))
    .sort((a, b) => a.from - b.from || cmp(a.node, b.node) || cmp(a.prefixes[0] ?? '', b.prefixes[0] ?? ''));
}
