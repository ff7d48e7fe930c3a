// engine/bgp: failures and changes applied at the current simulated time — node down (silent power loss:
// peers hold its routes until their hold timers expire; clean BIRD stop: Cease to every peer, routes
// flushed at once), node up (fresh BIRD; peers still holding an old session see it restart), link down
// (TCP reset → graceful restart on both ends; or a silent partition → hold expiry) and up, one session
// administratively down/up (Cease), and IPAM block changes.
import type { BgpCore } from '../bgp-core.js';
import { LINK_RESET, LINK_SILENT } from '../bgp-core.js';
import { refreshLiveness } from '../decision/class-assign.js';
import { dropBirdLists } from '../decision/bird-order.js';
import {
  C_DISABLED,
  EB_CFG,
  EB_GR_ACTIVE,
  EB_LISTEN,
  EB_PARK,
  EB_ST,
  EF_CONN_START,
  EF_LAST_RX,
  EF_SESS_DELAY,
  EI_GEN,
  EI_HOLD_GEN,
  EI_SPK,
  EI_STARTUP_DELAY,
  END_B,
  END_F,
  END_I,
  PARK_NONE,
  SESS_F,
  ST_ESTABLISHED,
  ST_IDLE,
  ST_OPENSENT,
} from '../tables/end-table.js';
import { startEnd, wake } from '../protocol/fsm.js';
import { closeConnection, flushFrom, leaveEstablished, sendNotify, sockErr } from '../protocol/session-teardown.js';
import { closeHolesOf, evaluateHole, markEver, rescanHoles } from '../reports/holes.js';
import { nodeOrigination, originate, syncLocal } from '../decision/origination.js';
import { holdExpiryAt, initialHoldMs, nextKeepaliveAfter } from '../protocol/timers.js';
import type { IntList } from '../../../lib/containers/int-list.js';
import type { NodeDownMode } from '../../../scenario/types.js';

/** Arms end m's hold timer as if its peer fell silent now. */
function armHold(core: BgpCore, m: number, inFlightArrives: boolean): void {
  const e = core.ends;
  let t: number;
  if (e.u8[m * END_B + EB_ST] === ST_ESTABLISHED) t = holdExpiryAt(core, m, inFlightArrives);
  else if ((e.u8[m * END_B + EB_ST] as number) >= ST_OPENSENT) t = Math.max(core.sim.now, (e.f64[m * END_F + EF_CONN_START] as number) + initialHoldMs(core, m, e.i32[m * END_I + EI_GEN] as number));
  else return;
  if (t !== Infinity) core.sim.at(t, core.kinds.hold, m, e.i32[m * END_I + EI_HOLD_GEN] as number);
}

/**
 * A killed process's kernel closes its sockets: the peer end reads end-of-stream one latency later with no
 * NOTIFICATION, which BIRD 1.6 handles as a socket error (bgp.c bgp_sock_err → graceful restart when both
 * sides advertised it, as Calico's `graceful restart;` does): the routes stay, stale, for the restart time.
 */
function closedUnder(core: BgpCore, n: number): void {
  const e = core.ends;
  const m = n ^ 1;
  if ((e.u8[m * END_B + EB_ST] as number) < ST_OPENSENT || !core.pathUp(e.i32[n * END_I + EI_SPK] as number, e.i32[m * END_I + EI_SPK] as number)) return;
  core.sim.after(e.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number, core.kinds.rst, m, e.i32[m * END_I + EI_GEN] as number);
}

/** Resets end n of a speaker that stops existing (its state is lost; nothing is sent). */
function killEnd(core: BgpCore, n: number): void {
  const e = core.ends;
  leaveEstablished(core, n);
  e.setState(n, ST_IDLE);
  e.u8[n * END_B + EB_LISTEN] = 0;
  e.i32[n * END_I + EI_GEN]++;
  e.u8[n * END_B + EB_PARK] = PARK_NONE;
  e.u8[n * END_B + EB_GR_ACTIVE] = 0;
  e.grGen[n]++;
  e.i32[n * END_I + EI_HOLD_GEN]++;
  e.i32[n * END_I + EI_STARTUP_DELAY] = 0;
}

/** Node y goes down: `silent` peers notice at hold expiry, `clean` sends Cease, `crash` closes TCP. */
export function nodeDown(core: BgpCore, y: number, mode: NodeDownMode): void {
  if (core.spk.alive[y] === 0) return;
  const e = core.ends;
  for (const n of (core.spk.ends[y] as IntList).view()) {
    const m = n ^ 1;
    const r = e.i32[m * END_I + EI_SPK] as number;
    if (r >= 0 && core.spk.alive[r] === 1) {
      if (mode === 'clean') {
        if ((e.u8[n * END_B + EB_ST] as number) >= ST_OPENSENT) sendNotify(core, n, false);
      } else if (mode === 'crash') closedUnder(core, n);
      else armHold(core, m, true);
    }
    killEnd(core, n);
  }
  e.willChangeAll((core.spk.ends[y] as IntList).view());
  core.spk.alive[y] = 0;
  core.downSpeakers++;
  if (core.opt.trackBlackholes) {
    closeHolesOf(core, y);
    markEver(core, y);
  }
  core.emptyRow(y);
  dropBirdLists(core, y);
  (core.spk.openClasses[y] as Set<number>).clear();
  for (const p of core.spk.profiles[y] as number[]) core.profiles.trim(p, core.profiles.end(p));
  rescanHoles(core, [y], refreshLiveness(core, y));
}

export function nodeUp(core: BgpCore, y: number): void {
  if (core.spk.alive[y] === 1) return;
  const e = core.ends;
  e.willChangeAll((core.spk.ends[y] as IntList).view());
  core.spk.alive[y] = 1;
  core.downSpeakers--;
  const seen = new Set<number>();
  for (const q of (core.spk.local[y] as Map<number, number>).keys()) {
    const c = core.classes.pCls[q] as number;
    if (!seen.has(c)) {
      seen.add(c);
      syncLocal(core, y, c);
    }
  }
  const changed = refreshLiveness(core, y);
  for (const n of (core.spk.ends[y] as IntList).view()) {
    startEnd(core, n);
    const m = n ^ 1;
    const r = e.i32[m * END_I + EI_SPK] as number;
    if (r < 0 || core.spk.alive[r] === 0) continue;
    if (e.u8[m * END_B + EB_ST] === ST_ESTABLISHED) {
      // The peer still has the old session: its next keepalive hits the new TCP stack and gets a RST.
      const t = nextKeepaliveAfter(core, m, core.sim.now);
      if (t !== Infinity) core.sim.at(t + 2 * (core.ends.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number), core.kinds.rst, m, e.i32[m * END_I + EI_GEN] as number);
    }
    wake(core, m);
  }
  if (core.opt.trackBlackholes) {
    for (let c = 0; c < core.classes.count; c++) if (core.classes.tracked[c] === 1) evaluateHole(core, y, c, false);
  }
  rescanHoles(core, [y], changed);
}

export function linkDown(core: BgpCore, a: number, b: number, mode: 'reset' | 'silent'): void {
  if (a === b || core.linkState(a, b) !== 0) return;
  core.links.set(Math.min(a, b), Math.max(a, b), mode === 'reset' ? LINK_RESET : LINK_SILENT);
  core.downLinks++;
  const n = core.endOf.get(a, b);
  if (n >= 0 && core.spk.alive[a] === 1 && core.spk.alive[b] === 1) {
    for (const x of [n, n ^ 1]) {
      if (mode === 'reset') {
        if ((core.ends.u8[x * END_B + EB_ST] as number) >= ST_OPENSENT) sockErr(core, x);
      } else armHold(core, x, false);
    }
  }
  rescanHoles(core, [a, b], []);
}

export function linkUp(core: BgpCore, a: number, b: number): void {
  const mode = core.linkState(a, b);
  if (mode === 0) return;
  core.links.set(Math.min(a, b), Math.max(a, b), 0);
  core.downLinks--;
  const n = core.endOf.get(a, b);
  if (n >= 0) {
    const e = core.ends;
    if (mode === LINK_SILENT) {
      for (const x of [n, n ^ 1]) {
        if (e.u8[x * END_B + EB_ST] !== ST_ESTABLISHED) continue;
        e.i32[x * END_I + EI_HOLD_GEN]++; // keepalives get through again before the hold timer fires
        e.f64[x * END_F + EF_LAST_RX] = core.sim.now;
      }
      const s = n >> 1;
      const q = core.deferred.get(s);
      core.deferred.delete(s);
      for (let i = 0; q !== undefined && i < q.length; i += 3) core.sim.after(core.ends.f64[s * SESS_F + EF_SESS_DELAY] as number, q[i] as number, q[i + 1] as number, q[i + 2] as number);
    }
    wake(core, n);
    wake(core, n ^ 1);
  }
  rescanHoles(core, [a, b], []);
}

export function peerDown(core: BgpCore, y: number, r: number): void {
  const n = core.endOf.get(y, r);
  if (n < 0) return;
  const e = core.ends;
  e.u8[n * END_B + EB_CFG] = (e.u8[n * END_B + EB_CFG] as number) | C_DISABLED;
  if ((e.u8[n * END_B + EB_ST] as number) >= ST_OPENSENT) {
    sendNotify(core, n, false);
    closeConnection(core, n);
  }
  killEnd(core, n);
  flushFrom(core, n);
  e.setError(n, 'Administrative shutdown');
}

export function peerUp(core: BgpCore, y: number, r: number): void {
  const n = core.endOf.get(y, r);
  if (n < 0) return;
  const e = core.ends;
  if (((e.u8[n * END_B + EB_CFG] as number) & C_DISABLED) === 0) return;
  e.u8[n * END_B + EB_CFG] = (e.u8[n * END_B + EB_CFG] as number) & ~C_DISABLED;
  e.i32[n * END_I + EI_STARTUP_DELAY] = 0;
  startEnd(core, n);
  wake(core, n ^ 1);
}

/** Replaces a node's affine blocks (and optionally its borrowed /32s). */
export function setBlocks(core: BgpCore, y: number, blocks: readonly string[], borrowed?: readonly string[]): void {
  const cfg = core.spk.nodeConfig[y];
  if (cfg === undefined) return;
  const next = { ...cfg, blocks: [...blocks], borrowed: borrowed !== undefined ? [...borrowed] : cfg.borrowed };
  core.spk.nodeConfig[y] = next;
  originate(core, y, nodeOrigination(core, y, next.blocks, next.borrowed, next.serviceCidrs));
}
