// engine/bgp: building a network from Calico's per-node BIRD configuration (NodeBgpConfig[], derived from
// the cluster by src/model/bgp) and the tenants' external peers: speakers, one session per pair that
// configures each other (an external peer accepts every node that configures it; a peering the other side
// lacks stays half-configured and is refused), export profiles, originated routes and prefix classes.
import { maskOf, parseIpv4 } from '../../../lib/ipv4.js';
import { forEachProtocol, meshPeering } from '../../../model/bgp/node-peerings.js';
import type { BgpMesh, BgpPeering, NodeBgpConfig } from '../../../model/bgp/types.js';
import { type BgpCore, ChangeState } from '../bgp-core.js';
import { assignClasses } from '../decision/class-assign.js';
import { C_CONFIGURED, EB_CFG, EI_SPK, END_B, END_I } from '../tables/end-table.js';
import { draw, DRAW_LATENCY } from '../../../lib/random/hash-draw.js';
import { startEnd } from '../protocol/fsm.js';
import { externalOrigination, nodeOrigination, setOrigin, syncLocal } from '../decision/origination.js';
import {
  assignProfile,
  configureExternal,
  configureFromPeering,
  configureMesh,
  finishSession,
  meshConfId,
  profileCache,
  beginSpeakerFlags,
  noteSpeakerFlags,
} from './session-config.js';
import { layOutSessions } from './session-order.js';
import type { ExternalBgpPeer } from '../types.js';
import type { IntList } from '../../../lib/containers/int-list.js';

/** One-way latency of the session between speakers a and b (stable per pair). */
export function sessionLatency(core: BgpCore, a: number, b: number): number {
  const u = draw(core.seed, Math.min(a, b), DRAW_LATENCY, Math.max(a, b)) / 4294967296;
  return core.opt.latencyMs + u * core.opt.latencyJitterMs;
}

function addName(core: BgpCore, tenant: string, name: string, y: number): void {
  core.byName.set(`${tenant}/${name}`, y);
  const bare = core.byName.get(name);
  core.byName.set(name, bare === undefined ? y : -1);
}

function addIpText(core: BgpCore, tenant: string, ip: string, y: number): void {
  let m = core.byIpText.get(tenant);
  if (m === undefined) {
    m = new Map();
    core.byIpText.set(tenant, m);
  }
  m.set(ip, y);
}

/** Adds a Calico node speaker. */
export function addNodeSpeaker(core: BgpCore, cfg: NodeBgpConfig): number {
  const [addr, lenText] = cfg.ipv4Address.split('/');
  const ip = parseIpv4(addr ?? '');
  const rid = parseIpv4(cfg.routerId);
  const y = core.spk.add(cfg.node, cfg.tenant, true, Math.max(0, ip), rid >= 0 ? rid : Math.max(0, ip), cfg.asNumber);
  if (cfg.routeReflectorClusterId !== undefined) core.spk.clusterId[y] = parseIpv4(cfg.routeReflectorClusterId);
  if (lenText !== undefined) {
    const len = Number(lenText);
    core.spk.subnetLen[y] = len;
    core.spk.subnetBase[y] = (ip & maskOf(len)) >>> 0;
  }
  core.spk.filterProfile[y] = core.filters.intern(cfg.pools, cfg.serviceCidrs);
  core.spk.nodeConfig[y] = { ...cfg, peers: [] };
  // Room for an end per protocol up front: grown by doubling, a mesh node's list of 999 ends was
  // reallocated eight times (B5: 8,000 array buffers).
  (core.spk.ends[y] as IntList).reserve(cfg.peers.length + (cfg.mesh?.members.length ?? 0));
  core.byIp.set(`${cfg.tenant}|${ip}`, y);
  addIpText(core, cfg.tenant, addr ?? '', y);
  addName(core, cfg.tenant, cfg.node, y);
  core.addRow();
  return y;
}

/** Adds an external peer speaker. */
export function addExternalSpeaker(core: BgpCore, x: ExternalBgpPeer): number {
  const ip = Math.max(0, parseIpv4(x.spec.peerIP));
  const rid = x.spec.routerId !== undefined ? parseIpv4(x.spec.routerId) : ip;
  const y = core.spk.add(x.spec.name, x.tenant, false, ip, rid >= 0 ? rid : ip, x.spec.asNumber);
  core.spk.extSpec[y] = x.spec;
  core.byIp.set(`${x.tenant}|${ip}`, y);
  addIpText(core, x.tenant, x.spec.peerIP, y);
  addName(core, x.tenant, x.spec.name, y);
  core.addRow();
  return y;
}

/** Speaker of a configured peer address within a tenant (-1: none). */
function speakerAt(core: BgpCore, tenant: string, ip: string): number {
  return core.byIpText.get(tenant)?.get(ip) ?? core.byIp.get(`${tenant}|${parseIpv4(ip)}`) ?? -1;
}

/** A mesh's members resolved once per mesh (every member's configuration shares it): their speakers, and
 *  each member's rank among the members' distinct addresses in string order (`sorted`). */
export interface MeshIndex {
  readonly speakers: Int32Array;
  readonly rank: Int32Array;
  readonly sorted: readonly string[];
}

export type MeshSpeakers = Map<BgpMesh, MeshIndex>;

function meshIndex(core: BgpCore, tenant: string, mesh: BgpMesh, cache: MeshSpeakers): MeshIndex {
  let ix = cache.get(mesh);
  if (ix === undefined) {
    const sorted = [...new Set(mesh.members.map((m) => m.ip))].sort();
    const at = new Map(sorted.map((ip, k) => [ip, k]));
    ix = {
      speakers: Int32Array.from(mesh.members, (m) => speakerAt(core, tenant, m.ip)),
      rank: Int32Array.from(mesh.members, (m) => at.get(m.ip) as number),
      sorted,
    };
    cache.set(mesh, ix);
  }
  return ix;
}

/** How many of `sorted` (ascending, distinct) are at most `ip` in string order: a member's address is the
 *  greater string exactly when its rank is at least that. */
function ranksUpTo(sorted: readonly string[], ip: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) <= ip) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per build: `seen[r] === y + 1` once node y has a protocol towards speaker r. */
export interface PeeringScratch {
  readonly meshes: MeshSpeakers;
  readonly seen: Int32Array;
}

/** The end of node y towards speaker r for a new protocol: a fresh one, or -1 when an earlier protocol of
 *  y already configured that session (BIRD keeps the first). Only y's own protocols configure y's ends,
 *  so `seen` answers without reading the end. */
function freeEnd(core: BgpCore, y: number, r: number, seen: Int32Array): number {
  if (seen[r] === y + 1) return -1;
  seen[r] = y + 1;
  const n = core.endOf.get(y, r);
  return n >= 0 ? n : core.addSession(y, r, sessionLatency(core, y, r));
}

/** freeEnd towards an address no speaker has: y's sessions to such addresses are kept by address in
 *  `unknown`. */
function freeUnknownEnd(core: BgpCore, y: number, ip: string, unknown: Map<string, number>): number {
  let n = unknown.get(ip) ?? -1;
  if (n >= 0 && (core.ends.cfg(n) & C_CONFIGURED) !== 0) return -1;
  if (n < 0) {
    n = core.addSession(y, -1, core.opt.latencyMs);
    unknown.set(ip, n);
  }
  return n;
}

/** Creates or completes the sessions of node y from its protocols in confd's order (the mesh without
 *  expanding it into peering objects). */
export function addPeerings(core: BgpCore, y: number, cfg: NodeBgpConfig, scratch: PeeringScratch): void {
  const seen = scratch.seen;
  // Sessions towards addresses no speaker has, by address (rare: made on first use).
  let unknown: Map<string, number> | null = null;
  const mesh = cfg.mesh;
  const ix = mesh !== undefined ? meshIndex(core, cfg.tenant, mesh, scratch.meshes) : null;
  // The Mesh_ protocol towards member i is passive when the member's address is the greater string
  // (meshPeering): rank i at least `greater`, with no string comparison per member.
  let greater = -1;
  let ownAsConf = -1;
  forEachProtocol(
    cfg,
    (q) => {
      const r = speakerAt(core, cfg.tenant, q.peerIp);
      if (r === y) return; // BIRD config skips ourselves
      const n = r >= 0 ? freeEnd(core, y, r, seen) : freeUnknownEnd(core, y, q.peerIp, (unknown ??= new Map()));
      if (n < 0) (core.spk.ignored[y] as BgpPeering[]).push(q);
      else configureFromPeering(core, n, y, q);
    },
    (m, i, ip) => {
      const { speakers, rank, sorted } = ix as MeshIndex;
      const r = speakers[i] as number;
      if (r === y) return;
      const n = r >= 0 ? freeEnd(core, y, r, seen) : freeUnknownEnd(core, y, m.ip, (unknown ??= new Map()));
      if (n < 0) {
        (core.spk.ignored[y] as BgpPeering[]).push(meshPeering(cfg, mesh as BgpMesh, m, ip));
        return;
      }
      if (greater < 0) greater = ranksUpTo(sorted, ip);
      const peerAs = m.asNumber ?? cfg.asNumber;
      const conf = peerAs !== cfg.asNumber ? meshConfId(core, cfg, mesh as BgpMesh, peerAs) : ownAsConf >= 0 ? ownAsConf : (ownAsConf = meshConfId(core, cfg, mesh as BgpMesh, peerAs));
      configureMesh(core, n, r, cfg, m, (rank[i] as number) >= greater, conf);
    },
  );
}

/** Writes every laid-out session's records, configures the external-peer ends, finishes the sessions and
 *  profiles, notes each speaker's flags and starts every configured end — one pass, in end order, each
 *  record written just before it is used (a second pass for the flags read the 128 MB table of B5 again:
 *  ~30 ms). Nothing here reads the flags before the pass ends. */
function finishAll(core: BgpCore): void {
  const cache = profileCache(core.spk.count);
  const firstAs = beginSpeakerFlags(core);
  const e = core.ends;
  for (let s = 0; s < core.sessions; s++) {
    e.place(s);
    const n0 = 2 * s;
    for (let n = n0; n < n0 + 2; n++) {
      const y = e.i32[n * END_I + EI_SPK] as number;
      const spec = y >= 0 ? core.spk.extSpec[y] : undefined;
      if (spec !== undefined && ((e.u8[(n ^ 1) * END_B + EB_CFG] as number) & C_CONFIGURED) !== 0) configureExternal(core, n, y, spec);
    }
    finishSession(core, n0);
    // Profiles depend on nothing but the end itself, and starting an end on nothing but its session.
    for (let n = n0; n < n0 + 2; n++) {
      if (((e.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
      assignProfile(core, n, cache);
      noteSpeakerFlags(core, firstAs, n);
      startEnd(core, n);
    }
  }
  e.placed();
}

/** Sizes of the runs of consecutive configurations of one tenant (the node speakers are numbered in that
 *  order): a tenant's nodes peer among themselves. */
function tenantRuns(configs: readonly NodeBgpConfig[]): number[] {
  const runs: number[] = [];
  for (let i = 0; i < configs.length; i++) {
    if (i > 0 && (configs[i] as NodeBgpConfig).tenant === (configs[i - 1] as NodeBgpConfig).tenant) runs[runs.length - 1]++;
    else runs.push(1);
  }
  return runs;
}

/** Builds everything and starts the ends: speakers, what each originates and its own RIB cells, then the
 *  sessions, staged and laid out by latency (origination schedules nothing, so starting the ends last
 *  keeps every event in order). */
export function buildNetwork(core: BgpCore, configs: readonly NodeBgpConfig[], externals: readonly ExternalBgpPeer[]): void {
  let peerings = 0;
  let originated = 0;
  for (const c of configs) {
    peerings += c.peers.length + (c.mesh?.members.length ?? 0);
    originated += c.blocks.length + c.borrowed.length + c.serviceCidrs.length;
  }
  for (const x of externals) originated += x.spec.announce.length;
  core.classes.reservePrefixes(originated);
  core.ends.stage();
  core.ends.reserve(peerings + 2 * externals.length + 16);
  core.endOf.plan(configs.length + externals.length, peerings + 2 * externals.length + 16, tenantRuns(configs));
  const nodes = configs.map((c) => addNodeSpeaker(core, c));
  for (const x of externals) addExternalSpeaker(core, x);
  for (let y = 0; y < core.spk.count; y++) {
    const cfg = core.spk.nodeConfig[y];
    const spec = core.spk.extSpec[y];
    const m = cfg !== undefined ? nodeOrigination(core, y, cfg.blocks, cfg.borrowed, cfg.serviceCidrs) : externalOrigination(core, y, spec?.announce ?? []);
    core.spk.local[y] = m;
    // forEach, not for-of: iterating a Map in code not yet optimised allocates an entry and a result per item.
    m.forEach((code, q) => setOrigin(core, q, y, code));
  }
  assignClasses(core, Array.from({ length: core.classes.pCount }, (_, q) => q));
  core.ensureClasses(core.classes.count);
  core.changes.push(new ChangeState('start', core.sim.now));
  // Each class of y's local prefixes once, in the order first met (synced[c] === y + 1: done for y).
  const synced = new Int32Array(core.classes.count);
  for (let y = 0; y < core.spk.count; y++) {
    (core.spk.local[y] as Map<number, number>).forEach((_, q) => {
      const c = core.classes.pCls[q] as number;
      if (synced[c] !== y + 1) {
        synced[c] = y + 1;
        syncLocal(core, y, c);
      }
    });
  }
  const scratch: PeeringScratch = { meshes: new Map(), seen: new Int32Array(core.spk.count) };
  configs.forEach((c, i) => addPeerings(core, nodes[i] as number, c, scratch));
  layOutSessions(core);
  finishAll(core);
}
