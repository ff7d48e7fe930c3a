// engine/bgp: two BIRD 1.6 daemons whose connections cross (both ends active and their connect timers
// firing together) — the session restarts instead of settling, with a seeded draw per crossing; a
// restart re-arms both connect timers at one instant, so they cross again until a draw settles it.
//
// What BIRD does (proto/bgp/bgp.c and packets.c of v1.6.8, traced in the lab: README, `emulate`):
// - `connect delay time 2` goes through bgp_start_timer, whose randomisation is ⌊2/4⌋ = 0 s, and BIRD 1.6's
//   clock and poll timeouts are whole seconds (sysdep/unix/io.c io_loop), so two daemons that re-arm in the
//   same instant connect again in the same instant, 2 s later;
// - each end accepts the other's connection (bgp_incoming_connection); one end takes the peer's OPEN on its
//   incoming connection while its own is still connecting and gives its own up (bgp_rx_open: "Stop outgoing
//   connection attempts"), but the peer has already accepted it; the peer, established on the first
//   connection, takes that second one for a restart of the neighbour (bgp_incoming_connection:
//   bgp_handle_graceful_restart on an established, GR-ready session) and closes the first; both ends are
//   back in bgp_decision → bgp_active within a few ms, and connect again together;
// - followed strictly this never ends; what ends it is when the two daemons' event loops wake at sub-second
//   phases far enough apart that one end's OPEN reaches the other before its timer fires. That phase is
//   the scheduling noise of the two processes, drawn here: `crossingRestartP` per crossing, measured.
import type { BgpCore } from '../bgp-core.js';
import { draw, DRAW_COLLISION } from '../../../lib/random/hash-draw.js';
import { EB_PARK, EF_CONN_START, EF_SESS_DELAY, EI_GEN, EI_KEY, EI_SPK, END_B, END_F, END_I, PARK_NONE, SESS_F, ST_ACTIVE } from '../tables/end-table.js';
import { connectDelayMs } from './timers.js';

/** True when end n's SYN, reaching its peer m in Connect, crosses m's own SYN on the wire (m opened within
 *  one latency, not a parked retry) and the crossing restarts the session (both ends BIRD nodes; the draw is
 *  keyed by the session and both ends' generations, so it is the same per seed). */
export function crossingRestarts(core: BgpCore, n: number): boolean {
  const p = core.opt.crossingRestartP;
  if (p <= 0) return false;
  const e = core.ends;
  const m = n ^ 1;
  if (core.spk.isNode[e.i32[n * END_I + EI_SPK] as number] !== 1 || core.spk.isNode[e.i32[m * END_I + EI_SPK] as number] !== 1) return false;
  const d = e.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number;
  if (e.u8[m * END_B + EB_PARK] !== PARK_NONE || core.sim.now - (e.f64[m * END_F + EF_CONN_START] as number) > d) return false;
  const a = n & ~1;
  const u = draw(core.seed, e.i32[a * END_I + EI_KEY] as number, DRAW_COLLISION, (e.i32[a * END_I + EI_GEN] as number) + (e.i32[(a + 1) * END_I + EI_GEN] as number) * 65536);
  return u < p * 4294967296;
}

/** Both ends give the crossing connections up and re-arm their connect delay at one instant: when the
 *  restart reaches them, two latencies after the crossing (the OPEN/KEEPALIVE exchange that established
 *  the first connection, then the close of the second). */
export function restartCrossing(core: BgpCore, n: number): void {
  const e = core.ends;
  const d = e.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number;
  const t = core.sim.now + 2 * d;
  for (const x of [n, n ^ 1]) {
    const g = ++e.i32[x * END_I + EI_GEN];
    e.setState(x, ST_ACTIVE);
    core.armConnect(x, t + connectDelayMs(core, x, g), g);
  }
}
