// engine/bgp: session configuration — an end's settings from Calico's BgpPeering (or an external peer's
// spec), ADD-PATH and AS checks once both ends are known, and the export profile / import rule an end
// belongs to.
import { parseIpv4 } from '../../../lib/ipv4.js';
import type { BgpMesh, BgpMeshMember, BgpPeering, NodeBgpConfig } from '../../../model/bgp/types.js';
import type { ExternalPeerSpec } from '../../../scenario/types.js';
import { NH_KEEP, NH_KEEP_NONZERO, NH_SELF } from '../tables/attr-transforms.js';
import type { BgpCore } from '../bgp-core.js';
import {
  C_ADD_PATH,
  C_CONFIGURED,
  C_INTERNAL,
  C_MISMATCH,
  C_PASSIVE,
  C_RR_CLIENT,
  EB_CFG,
  EI_CONF,
  EI_IMPORT_RULE,
  EI_PROFILE,
  EI_SPK,
  END_B,
  END_I,
  KIND_NAMES,
  NHM_AUTO,
  NHM_KEEP,
  NHM_SELF,
} from '../tables/end-table.js';
import { P_ADD_PATH, P_INTERNAL, P_RR_CLIENT } from '../tables/update-log.js';
import type { IntList } from '../../../lib/containers/int-list.js';

/** Configures end n of speaker y from a Calico peering. */
export function configureFromPeering(core: BgpCore, n: number, y: number, q: BgpPeering): void {
  const e = core.ends;
  const internal = q.localAs === q.peerAs;
  e.setCfg(n, C_CONFIGURED | (q.passive ? C_PASSIVE : 0) | (q.rrClient ? C_RR_CLIENT : 0) | (internal ? C_INTERNAL : 0));
  // BIRD: `rr cluster id` defaults to the router id (bgp.c bgp_start).
  const cid = q.rrClusterId !== undefined ? parseIpv4(q.rrClusterId) : -1;
  e.setConf(n, {
    kind: q.kind === 'mesh' ? 1 : KIND_NAMES.indexOf(q.kind),
    clusterId: q.rrClient ? (cid >= 0 ? cid : (core.spk.rid[y] as number)) : -1,
    localAs: q.localAs,
    peerAs: q.peerAs,
    holdCfg: q.holdTime ?? core.opt.holdTimeS,
    kaCfg: q.keepaliveTime ?? 0,
    grTime: q.gracefulRestartTime ?? core.opt.gracefulRestartS,
    nhMode: q.nextHopMode === 'Self' ? NHM_SELF : q.nextHopMode === 'Keep' ? NHM_KEEP : NHM_AUTO,
    allowLocalAs: q.numAllowedLocalASNumbers ?? 0,
  });
  e.setPeering(n, q, e.spkOf(n ^ 1) >= 0);
}

/** The interned configuration of a node's `Mesh_` protocols towards members of AS `peerAs`. */
export function meshConfId(core: BgpCore, cfg: NodeBgpConfig, mesh: BgpMesh, peerAs: number): number {
  return core.ends.intern({
    kind: 1,
    clusterId: -1,
    localAs: cfg.asNumber,
    peerAs,
    holdCfg: core.opt.holdTimeS,
    kaCfg: 0,
    grTime: mesh.gracefulRestartTime ?? core.opt.gracefulRestartS,
    nhMode: NHM_AUTO,
    allowLocalAs: 0,
  });
}

/** Configures end n of a node as its `Mesh_` protocol towards member m (speaker r, -1 when no speaker has
 *  its address), passive when m's address is the greater string, with the configuration `meshConfId` gave
 *  (what configureFromPeering does with `meshPeering(cfg, mesh, m, ip)`, without building the peering or
 *  reading the remote end). */
export function configureMesh(core: BgpCore, n: number, r: number, cfg: NodeBgpConfig, m: BgpMeshMember, passive: boolean, confId: number): void {
  const e = core.ends;
  const internal = cfg.asNumber === (m.asNumber ?? cfg.asNumber);
  e.setCfg(n, C_CONFIGURED | (passive ? C_PASSIVE : 0) | (internal ? C_INTERNAL : 0));
  e.setConfId(n, confId);
  if (r < 0) e.unknownPeer.set(n, { name: m.name, ip: m.ip });
}

/** Configures end n of external peer y towards the node on the other end (it accepts every node that
 *  configures it). Its timers come from the spec (ms) or the router default. */
export function configureExternal(core: BgpCore, n: number, y: number, spec: ExternalPeerSpec): void {
  const e = core.ends;
  const m = n ^ 1;
  const peerAs = e.conf(m).localAs;
  const asn = core.spk.asn[y] as number;
  e.willChange(n);
  e.u8[n * END_B + EB_CFG] = C_CONFIGURED | (asn === peerAs ? C_INTERNAL : 0);
  e.setConf(n, {
    kind: 0,
    clusterId: -1,
    localAs: asn,
    peerAs,
    holdCfg: spec.holdTime !== undefined ? Math.round(spec.holdTime / 1000) : core.opt.externalHoldTimeS,
    kaCfg: spec.keepaliveTime !== undefined ? Math.round(spec.keepaliveTime / 1000) : 0,
    grTime: core.opt.gracefulRestartS,
    nhMode: NHM_AUTO,
    allowLocalAs: 0,
  });
}

/** Session-level checks once both ends are configured: ADD-PATH between Calico nodes (`add paths on`
 *  on both sides), and OPEN's AS check (a wrong peer AS never establishes). */
export function finishSession(core: BgpCore, n0: number): void {
  const e = core.ends;
  e.u8[n0 * END_B + EB_CFG] = (e.u8[n0 * END_B + EB_CFG] as number) & ~(C_ADD_PATH | C_MISMATCH);
  e.u8[(n0 + 1) * END_B + EB_CFG] = (e.u8[(n0 + 1) * END_B + EB_CFG] as number) & ~(C_ADD_PATH | C_MISMATCH);
  const a = e.i32[n0 * END_I + EI_SPK] as number;
  const b = e.i32[(n0 + 1) * END_I + EI_SPK] as number;
  const both = ((e.u8[n0 * END_B + EB_CFG] as number) & (e.u8[(n0 + 1) * END_B + EB_CFG] as number) & C_CONFIGURED) !== 0;
  if (!both || b < 0) return;
  if (core.spk.isNode[a] === 1 && core.spk.isNode[b] === 1) {
    e.u8[n0 * END_B + EB_CFG] = (e.u8[n0 * END_B + EB_CFG] as number) | C_ADD_PATH;
    e.u8[(n0 + 1) * END_B + EB_CFG] = (e.u8[(n0 + 1) * END_B + EB_CFG] as number) | C_ADD_PATH;
  }
  if (e.conf(n0).peerAs !== e.conf(n0 + 1).localAs || e.conf(n0 + 1).peerAs !== e.conf(n0).localAs) {
    e.u8[n0 * END_B + EB_CFG] = (e.u8[n0 * END_B + EB_CFG] as number) | C_MISMATCH;
    e.u8[(n0 + 1) * END_B + EB_CFG] = (e.u8[(n0 + 1) * END_B + EB_CFG] as number) | C_MISMATCH;
  }
}

/** Per speaker, the configuration id and flag bits of the last end assigned, and its profile: a profile
 *  depends on nothing else, so runs of alike ends (a mesh node's) skip the search. */
export interface ProfileCache {
  readonly conf: Int32Array;
  readonly bits: Int32Array;
  readonly profile: Int32Array;
}

export function profileCache(speakers: number): ProfileCache {
  return { conf: new Int32Array(speakers).fill(-1), bits: new Int32Array(speakers), profile: new Int32Array(speakers) };
}

/** Puts end n into the export profile matching its settings (creating it) and sets its import rule. */
export function assignProfile(core: BgpCore, n: number, cache?: ProfileCache): void {
  const e = core.ends;
  const y = e.i32[n * END_I + EI_SPK] as number;
  const c = e.u8[n * END_B + EB_CFG] as number;
  const P = core.profiles;
  const old = e.i32[n * END_I + EI_PROFILE] as number;
  const confId = e.i32[n * END_I + EI_CONF] as number;
  const bits = c & (C_INTERNAL | C_RR_CLIENT | C_ADD_PATH);
  let p = -1;
  if (cache !== undefined && cache.conf[y] === confId && cache.bits[y] === bits) p = cache.profile[y] as number;
  else p = findProfile(core, y, n);
  if (cache !== undefined) {
    cache.conf[y] = confId;
    cache.bits[y] = bits;
    cache.profile[y] = p;
  }
  if (old !== p) {
    if (old >= 0) (P.ends[old] as IntList).remove(n);
    (P.ends[p] as IntList).push(n);
    e.i32[n * END_I + EI_PROFILE] = p;
  }
  e.i32[n * END_I + EI_IMPORT_RULE] = P.importRule[p] as number;
}

/** The profile of speaker y with end n's settings, created when it has none. */
export function findProfile(core: BgpCore, y: number, n: number): number {
  const e = core.ends;
  const c = e.u8[n * END_B + EB_CFG] as number;
  const internal = (c & C_INTERNAL) !== 0;
  const client = (c & C_RR_CLIENT) !== 0;
  const addPath = (c & C_ADD_PATH) !== 0;
  const localAs = e.conf(n).localAs;
  const nhm = e.conf(n).nhMode;
  const P = core.profiles;
  let p = -1;
  for (const x of core.spk.profiles[y] as number[]) if (sameProfile(core, x, n)) p = x;
  if (p < 0) {
    const key = `${internal}|${client}|${e.conf(n).clusterId}|${localAs}|${nhm}|${addPath}|${e.conf(n).allowLocalAs}`;
    const self = core.spk.ip[y] as number;
    const isNode = core.spk.isNode[y] === 1;
    const learnRule = core.xf.exportRuleId({
      prependAs: internal ? -1 : localAs,
      prependIfAbsent: false,
      nextHopMode: nhm === NHM_SELF ? NH_SELF : nhm === NHM_KEEP ? NH_KEEP : internal ? NH_KEEP_NONZERO : NH_SELF,
      self,
      resetMed: !internal,
      local: false,
    });
    const localRule = core.xf.exportRuleId({
      prependAs: internal ? -1 : localAs,
      prependIfAbsent: !isNode,
      nextHopMode: NH_SELF,
      self,
      resetMed: false,
      local: true,
    });
    const flags = (internal ? P_INTERNAL : 0) | (client ? P_RR_CLIENT : 0) | (addPath ? P_ADD_PATH : 0);
    p = P.add(y, key, flags, e.conf(n).clusterId, localAs, learnRule, localRule);
    P.nhMode[p] = nhm;
    P.allowLocalAs[p] = e.conf(n).allowLocalAs;
    P.importRule[p] = core.xf.importRuleId({
      ebgp: !internal,
      localAs,
      allowLocalAs: e.conf(n).allowLocalAs,
      rrClient: client,
      clusterId: e.conf(n).clusterId,
      ctx: resolveCtxOf(core, y),
    });
    (core.spk.profiles[y] as number[]).push(p);
    (P.ends[p] as IntList).reserve((core.spk.ends[y] as IntList).length);
  }
  return p;
}

/** Whether end n has exactly the settings of profile p. */
function sameProfile(core: BgpCore, p: number, n: number): boolean {
  const e = core.ends;
  const P = core.profiles;
  const c = e.u8[n * END_B + EB_CFG] as number;
  const flags = ((c & C_INTERNAL) !== 0 ? P_INTERNAL : 0) | ((c & C_RR_CLIENT) !== 0 ? P_RR_CLIENT : 0) | ((c & C_ADD_PATH) !== 0 ? P_ADD_PATH : 0);
  return (
    P.flags[p] === flags &&
    P.clusterId[p] === e.conf(n).clusterId &&
    P.localAs[p] === e.conf(n).localAs &&
    P.nhMode[p] === e.conf(n).nhMode &&
    P.allowLocalAs[p] === e.conf(n).allowLocalAs
  );
}

/** Next-hop context of speaker y: a node's subnet (0 = none known: every next hop on-link). */
function resolveCtxOf(core: BgpCore, y: number): number {
  if (core.spk.isNode[y] === 0 || (core.spk.subnetLen[y] as number) < 0) return 0;
  const base = core.spk.subnetBase[y] as number;
  const len = core.spk.subnetLen[y] as number;
  const anyRoute = core.opt.underlayDefaultRoute;
  // One number (< 2^39, exact in a double): base, length and the default-route bit.
  const key = ((base >>> 0) * 64 + len) * 2 + (anyRoute ? 1 : 0);
  let i = core.resolveCtxIds.get(key);
  if (i === undefined) {
    i = core.resolveCtx.push({ base, len, anyRoute }) - 1;
    core.resolveCtxIds.set(key, i);
  }
  return i;
}

/** Per speaker, the local AS of its first configured end noted (-1 none yet). */
export type FirstAs = Float64Array;

/** Clears every speaker's `hasClient` and `uniformAs` before its configured ends are noted. */
export function beginSpeakerFlags(core: BgpCore): FirstAs {
  core.spk.hasClient.fill(0, 0, core.spk.count);
  core.spk.uniformAs.fill(1, 0, core.spk.count);
  return new Float64Array(core.spk.count).fill(-1);
}

/** Folds configured end n into its speaker's `hasClient` and `uniformAs`. */
export function noteSpeakerFlags(core: BgpCore, firstAs: FirstAs, n: number): void {
  const e = core.ends;
  const y = e.i32[n * END_I + EI_SPK] as number;
  if (((e.u8[n * END_B + EB_CFG] as number) & C_RR_CLIENT) !== 0) core.spk.hasClient[y] = 1;
  const as = e.conf(n).localAs;
  if (firstAs[y] === -1) firstAs[y] = as;
  else if (firstAs[y] !== as) core.spk.uniformAs[y] = 0;
}

/** Recomputes every speaker's `hasClient` and `uniformAs` from its configured ends (one pass over the
 *  ends in order, rather than each speaker's ends scattered over the table). */
export function refreshSpeakerFlags(core: BgpCore): void {
  const e = core.ends;
  const firstAs = beginSpeakerFlags(core);
  for (let n = 0; n < e.count; n++) if (((e.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) !== 0) noteSpeakerFlags(core, firstAs, n);
}
