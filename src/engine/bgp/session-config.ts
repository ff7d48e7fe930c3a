// engine/bgp: session configuration — an end's settings from Calico's BgpPeering (or an external peer's
// spec), ADD-PATH and AS checks once both ends are known, and the export profile / import rule an end
// belongs to.
import { parseIpv4 } from '../../lib/ipv4.js';
import type { BgpPeering } from '../../model/bgp/types.js';
import type { ExternalPeerSpec } from '../../scenario/types.js';
import { NH_KEEP, NH_KEEP_NONZERO, NH_SELF } from './attr-transforms.js';
import type { BgpCore } from './bgp-core.js';
import {
  C_ADD_PATH,
  C_CONFIGURED,
  C_INTERNAL,
  C_MISMATCH,
  C_PASSIVE,
  C_RR_CLIENT,
  NHM_AUTO,
  NHM_KEEP,
  NHM_SELF,
} from './end-table.js';
import { P_ADD_PATH, P_INTERNAL, P_RR_CLIENT } from './update-log.js';

/** Configures end n of speaker y from a Calico peering. */
export function configureFromPeering(core: BgpCore, n: number, y: number, q: BgpPeering): void {
  const e = core.ends;
  const internal = q.localAs === q.peerAs;
  e.cfg[n] = C_CONFIGURED | (q.passive ? C_PASSIVE : 0) | (q.rrClient ? C_RR_CLIENT : 0) | (internal ? C_INTERNAL : 0);
  // BIRD: `rr cluster id` defaults to the router id (bgp.c bgp_start).
  const cid = q.rrClusterId !== undefined ? parseIpv4(q.rrClusterId) : -1;
  e.clusterId[n] = q.rrClient ? (cid >= 0 ? cid : (core.spk.rid[y] as number)) : -1;
  e.localAs[n] = q.localAs;
  e.peerAs[n] = q.peerAs;
  e.holdCfg[n] = q.holdTime ?? core.opt.holdTimeS;
  e.kaCfg[n] = q.keepaliveTime ?? 0;
  e.grTime[n] = q.gracefulRestartTime ?? core.opt.gracefulRestartS;
  e.nhMode[n] = q.nextHopMode === 'Self' ? NHM_SELF : q.nextHopMode === 'Keep' ? NHM_KEEP : NHM_AUTO;
  e.allowLocalAs[n] = q.numAllowedLocalASNumbers ?? 0;
  e.setPeering(n, q, (e.spk[n ^ 1] as number) >= 0);
}

/** Configures end n of external peer y towards the node on the other end (it accepts every node that
 *  configures it). Its timers come from the spec (ms) or the router default. */
export function configureExternal(core: BgpCore, n: number, y: number, spec: ExternalPeerSpec): void {
  const e = core.ends;
  const m = n ^ 1;
  const peerAs = e.localAs[m] as number;
  const asn = core.spk.asn[y] as number;
  e.cfg[n] = C_CONFIGURED | (asn === peerAs ? C_INTERNAL : 0);
  e.clusterId[n] = -1;
  e.localAs[n] = asn;
  e.peerAs[n] = peerAs;
  e.holdCfg[n] = spec.holdTime !== undefined ? Math.round(spec.holdTime / 1000) : core.opt.externalHoldTimeS;
  e.kaCfg[n] = spec.keepaliveTime !== undefined ? Math.round(spec.keepaliveTime / 1000) : 0;
  e.grTime[n] = core.opt.gracefulRestartS;
  e.nhMode[n] = NHM_AUTO;
  e.allowLocalAs[n] = 0;
}

/** Session-level checks once both ends are configured: ADD-PATH between Calico nodes (`add paths on`
 *  on both sides), and OPEN's AS check (a wrong peer AS never establishes). */
export function finishSession(core: BgpCore, n0: number): void {
  const e = core.ends;
  e.cfg[n0] = (e.cfg[n0] as number) & ~(C_ADD_PATH | C_MISMATCH);
  e.cfg[n0 + 1] = (e.cfg[n0 + 1] as number) & ~(C_ADD_PATH | C_MISMATCH);
  const a = e.spk[n0] as number;
  const b = e.spk[n0 + 1] as number;
  const both = ((e.cfg[n0] as number) & (e.cfg[n0 + 1] as number) & C_CONFIGURED) !== 0;
  if (!both || b < 0) return;
  if (core.spk.isNode[a] === 1 && core.spk.isNode[b] === 1) {
    e.cfg[n0] = (e.cfg[n0] as number) | C_ADD_PATH;
    e.cfg[n0 + 1] = (e.cfg[n0 + 1] as number) | C_ADD_PATH;
  }
  if (e.peerAs[n0] !== e.localAs[n0 + 1] || e.peerAs[n0 + 1] !== e.localAs[n0]) {
    e.cfg[n0] = (e.cfg[n0] as number) | C_MISMATCH;
    e.cfg[n0 + 1] = (e.cfg[n0 + 1] as number) | C_MISMATCH;
  }
}

/** Puts end n into the export profile matching its settings (creating it) and sets its import rule. */
export function assignProfile(core: BgpCore, n: number): void {
  const e = core.ends;
  const y = e.spk[n] as number;
  const c = e.cfg[n] as number;
  const internal = (c & C_INTERNAL) !== 0;
  const client = (c & C_RR_CLIENT) !== 0;
  const addPath = (c & C_ADD_PATH) !== 0;
  const localAs = e.localAs[n] as number;
  const nhm = e.nhMode[n] as number;
  const P = core.profiles;
  const old = e.profile[n] as number;
  let p = -1;
  for (const x of core.spk.profiles[y] as number[]) if (sameProfile(core, x, n)) p = x;
  if (p < 0) {
    const key = `${internal}|${client}|${e.clusterId[n]}|${localAs}|${nhm}|${addPath}|${e.allowLocalAs[n]}`;
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
    p = P.add(y, key, flags, e.clusterId[n] as number, localAs, learnRule, localRule);
    P.nhMode[p] = nhm;
    P.allowLocalAs[p] = e.allowLocalAs[n] as number;
    P.importRule[p] = core.xf.importRuleId({
      ebgp: !internal,
      localAs,
      allowLocalAs: e.allowLocalAs[n] as number,
      rrClient: client,
      clusterId: e.clusterId[n] as number,
      ctx: resolveCtxOf(core, y),
    });
    (core.spk.profiles[y] as number[]).push(p);
  }
  if (old !== p) {
    if (old >= 0) P.ends[old] = (P.ends[old] as number[]).filter((x) => x !== n);
    (P.ends[p] as number[]).push(n);
    e.profile[n] = p;
  }
  e.importRule[n] = P.importRule[p] as number;
}

/** Whether end n has exactly the settings of profile p. */
function sameProfile(core: BgpCore, p: number, n: number): boolean {
  const e = core.ends;
  const P = core.profiles;
  const c = e.cfg[n] as number;
  const flags = ((c & C_INTERNAL) !== 0 ? P_INTERNAL : 0) | ((c & C_RR_CLIENT) !== 0 ? P_RR_CLIENT : 0) | ((c & C_ADD_PATH) !== 0 ? P_ADD_PATH : 0);
  return (
    P.flags[p] === flags &&
    P.clusterId[p] === e.clusterId[n] &&
    P.localAs[p] === e.localAs[n] &&
    P.nhMode[p] === e.nhMode[n] &&
    P.allowLocalAs[p] === e.allowLocalAs[n]
  );
}

/** Next-hop resolution context of speaker y (0 = default route). */
function resolveCtxOf(core: BgpCore, y: number): number {
  if (core.opt.underlayDefaultRoute || core.spk.isNode[y] === 0 || (core.spk.subnetLen[y] as number) < 0) return 0;
  const base = core.spk.subnetBase[y] as number;
  const len = core.spk.subnetLen[y] as number;
  let i = core.resolveCtx.findIndex((c, k) => k > 0 && c.base === base && c.len === len);
  if (i < 0) i = core.resolveCtx.push({ base, len }) - 1;
  return i;
}

/** Recomputes a speaker's `hasClient` and `uniformAs` from its configured ends. */
export function refreshSpeakerFlags(core: BgpCore, y: number): void {
  const e = core.ends;
  let client = 0;
  let as = -1;
  let uniform = 1;
  for (const n of core.spk.ends[y] as number[]) {
    if (((e.cfg[n] as number) & C_CONFIGURED) === 0) continue;
    if (((e.cfg[n] as number) & C_RR_CLIENT) !== 0) client = 1;
    if (as < 0) as = e.localAs[n] as number;
    else if (as !== e.localAs[n]) uniform = 0;
  }
  core.spk.hasClient[y] = client;
  core.spk.uniformAs[y] = uniform;
}
