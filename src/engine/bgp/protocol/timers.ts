// engine/bgp: BIRD's timer values for one session end, drawn per (the end's creation number EI_KEY,
// purpose, index), so where the end sits in the table changes no draw — and the lazily evaluated keepalive
// stream. Keepalives are never simulated one by one: a peer's hold timer only matters once that peer falls
// silent, so the engine replays the keepalive times it would have sent (the same draws, computed on
// demand) and schedules the expiry at last-heard + hold. Exact, and O(1) events.
import type { BgpCore } from '../bgp-core.js';
import {
  birdTimerMs,
  draw,
  DRAW_CONNECT_DELAY,
  DRAW_CONNECT_RETRY,
  DRAW_HOLD,
  DRAW_INITIAL_HOLD,
  DRAW_KEEPALIVE,
  DRAW_STARTUP,
} from '../../../lib/random/hash-draw.js';
import {
  EF_KA_START,
  EF_LAST_RX,
  EF_SESS_DELAY,
  EI_KEY,
  EI_SESS_CONN,
  END_I,
  END_F,
  SESS_F,
  SESS_I,
} from '../tables/end-table.js';

function ms(core: BgpCore, seconds: number, n: number, purpose: number, index: number): number {
  return birdTimerMs(seconds, draw(core.seed, core.ends.i32[n * END_I + EI_KEY] as number, purpose, index), core.opt.timerJitter);
}

/** `connect delay time` before an active open (bgp_active: at least 1 s). */
export function connectDelayMs(core: BgpCore, n: number, index: number): number {
  return ms(core, Math.max(1, core.opt.connectDelayS), n, DRAW_CONNECT_DELAY, index);
}

/** `connect retry time` of attempt k of connection generation g. */
export function connectRetryMs(core: BgpCore, n: number, g: number, k: number): number {
  return ms(core, core.opt.connectRetryS, n, DRAW_CONNECT_RETRY + 16 * (g & 0xffffff), k);
}

/** The error-wait (startup delay) timer. */
export function startupMs(core: BgpCore, n: number, delayS: number, index: number): number {
  return ms(core, delayS, n, DRAW_STARTUP, index);
}

/** Hold timer restarted by a message received at time `rx`. */
export function holdMs(core: BgpCore, n: number, holdS: number, rx: number): number {
  return ms(core, holdS, n, DRAW_HOLD, Math.floor(rx) | 0);
}

/** The `startup hold time` running in OpenSent/OpenConfirm. */
export function initialHoldMs(core: BgpCore, n: number, index: number): number {
  return ms(core, core.opt.holdTimeS, n, DRAW_INITIAL_HOLD, index);
}

/** Hold time of end n's session: the minimum of both OPENs (RFC 4271 §4.2). */
export function negotiatedHold(core: BgpCore, n: number): number {
  return Math.min(core.ends.conf(n).holdCfg, core.ends.conf(n ^ 1).holdCfg);
}

/** Keepalive time of end n: configured (BIRD 1.6 uses it as is) or a third of the negotiated hold. */
export function keepaliveTime(core: BgpCore, n: number): number {
  const k = core.ends.conf(n).kaCfg;
  return k > 0 ? k : Math.floor(negotiatedHold(core, n) / 3);
}

function keepaliveMs(core: BgpCore, n: number, k: number): number {
  const conn = core.ends.i32[(n >> 1) * SESS_I + EI_SESS_CONN] as number;
  return ms(core, keepaliveTime(core, n), n, DRAW_KEEPALIVE + 16 * (conn & 0xffffff), k);
}

/** Advances end n's keepalive stream to the last keepalive sent at or before t; returns its time.
 *  (BIRD restarts the keepalive timer only when it sends a KEEPALIVE: packets.c bgp_fire_tx.) */
export function lastKeepaliveAt(core: BgpCore, n: number, t: number): number {
  const e = core.ends;
  if (keepaliveTime(core, n) === 0) return e.f64[n * END_F + EF_KA_START] as number;
  const conn = core.ends.i32[(n >> 1) * SESS_I + EI_SESS_CONN] as number;
  if (e.kaConn1[n] !== conn + 1) {
    e.kaConn1[n] = conn + 1;
    e.kaIdx[n] = 0;
    e.kaTime[n] = e.f64[n * END_F + EF_KA_START] as number;
  }
  for (;;) {
    const next = (e.kaTime[n] as number) + keepaliveMs(core, n, e.kaIdx[n] as number);
    if (next > t) return e.kaTime[n] as number;
    e.kaTime[n] = next;
    e.kaIdx[n]++;
  }
}

/** Time of the first keepalive end n sends after t (Infinity when keepalives are off). */
export function nextKeepaliveAfter(core: BgpCore, n: number, t: number): number {
  const e = core.ends;
  if (keepaliveTime(core, n) === 0) return Infinity;
  const last = lastKeepaliveAt(core, n, t);
  return last + keepaliveMs(core, n, e.kaIdx[n] as number);
}

/** When end m's hold timer expires if its peer goes silent now (Infinity: hold time 0). Packets already
 *  on the wire still arrive when the peer died (`inFlightArrives`), not when the link failed. */
export function holdExpiryAt(core: BgpCore, m: number, inFlightArrives: boolean): number {
  const e = core.ends;
  const hold = negotiatedHold(core, m);
  if (hold === 0) return Infinity;
  const n = m ^ 1;
  const heard = lastKeepaliveAt(core, n, core.sim.now) + (core.ends.f64[(m >> 1) * SESS_F + EF_SESS_DELAY] as number);
  const rx = Math.max(e.f64[m * END_F + EF_LAST_RX] as number, inFlightArrives ? heard : Math.min(heard, core.sim.now));
  return Math.max(core.sim.now, rx + holdMs(core, m, hold, rx));
}
