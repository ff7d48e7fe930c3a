// engine/bgp: how a session end goes down (BIRD proto/bgp/bgp.c): TCP loss without NOTIFICATION →
// graceful restart (RFC 4724 receiving speaker: the peer's routes kept stale until its End-of-RIB or its
// restart time); NOTIFICATION (Cease, or an error such as hold-timer expiry) → routes flushed and the
// protocol restarted, after an error wait that doubles 5 → 30 s on errors (not on Cease).
import type { BgpCore } from './bgp-core.js';
import { C_PASSIVE, ST_ACTIVE, ST_ESTABLISHED, ST_OPENSENT } from './end-table.js';
import { runnable, startEnd } from './fsm.js';
import { OP_MARK_STALE, OP_PURGE_STALE, OP_REMOVE_FROM } from './path-sets.js';
import { forEachCell } from './rib.js';
import { connectDelayMs } from './timers.js';

/** End n leaves Established (profile accounting). */
export function leaveEstablished(core: BgpCore, n: number): void {
  if (core.ends.st[n] === ST_ESTABLISHED && (core.ends.estAt[n] as number) >= 0) core.profiles.active[core.ends.profile[n] as number]--;
  core.ends.estAt[n] = -1;
}

/** End n's connection is gone: drop what its peer had in flight towards it and invalidate handshakes. */
export function closeConnection(core: BgpCore, n: number): void {
  const e = core.ends;
  const s = n >> 1;
  const m = n ^ 1;
  core.sessConn[s]++;
  const q = core.deferred.get(s);
  if (q !== undefined) {
    const keep: number[] = [];
    for (let i = 0; i < q.length; i += 3) {
      if (q[i + 1] === m) {
        e.inflight[m]--;
        if (q[i] === core.kinds.feed) core.releaseFeed();
      } else keep.push(q[i] as number, q[i + 1] as number, q[i + 2] as number);
    }
    if (keep.length > 0) core.deferred.set(s, keep);
    else core.deferred.delete(s);
  }
  e.drop[m] = e.inflight[m] as number;
}

/** bgp_sock_err: the TCP connection failed without a NOTIFICATION. */
export function sockErr(core: BgpCore, n: number): void {
  const e = core.ends;
  const was = e.st[n] as number;
  closeConnection(core, n);
  leaveEstablished(core, n);
  e.gen[n]++;
  e.holdGen[n]++;
  if (was === ST_ESTABLISHED) grStart(core, n);
  if (!runnable(core, n)) return;
  e.st[n] = ST_ACTIVE;
  e.listen[n] = 1;
  if (((e.cfg[n] as number) & C_PASSIVE) === 0) {
    core.sim.after(connectDelayMs(core, n, e.gen[n] as number), core.kinds.connect, n, e.gen[n] as number);
  }
}

/** RFC 4724 receiving speaker: keep the peer's routes as stale for the restart time it advertised. */
export function grStart(core: BgpCore, n: number): void {
  const e = core.ends;
  const y = e.spk[n] as number;
  const x = e.spk[n ^ 1] as number;
  if (e.grActive[n] === 1) forEachCell(core, y, OP_PURGE_STALE, x);
  forEachCell(core, y, OP_MARK_STALE, x);
  e.grActive[n] = 1;
  e.grGen[n]++;
  core.sim.after((e.grTime[n ^ 1] as number) * 1000, core.kinds.gr, n, e.grGen[n] as number);
}

/** End-of-RIB from the restarted peer: what is still stale is gone. */
export function endGracefulRestart(core: BgpCore, n: number): void {
  const e = core.ends;
  const x = e.spk[n ^ 1] as number;
  forEachCell(core, e.spk[n] as number, OP_PURGE_STALE, x);
  e.grActive[n] = 0;
  e.grGen[n]++;
}

export function onGrTimeout(core: BgpCore, n: number, g: number): void {
  const e = core.ends;
  if (g !== e.grGen[n] || e.grActive[n] === 0) return;
  e.setError(n, 'Graceful restart timeout');
  if ((e.st[n] as number) >= ST_OPENSENT) sendNotify(core, n, false);
  stopEnd(core, n, false);
}

/** Sends a NOTIFICATION (Cease, or an error) to the peer end when it can arrive. */
export function sendNotify(core: BgpCore, n: number, error: boolean): void {
  const e = core.ends;
  const m = n ^ 1;
  if (!core.pathUp(e.spk[n] as number, e.spk[m] as number) || (e.st[m] as number) < ST_OPENSENT) return;
  const kind = error ? core.kinds.notifyError : core.kinds.notifyCease;
  core.sim.after(core.sessDelay[n >> 1] as number, kind, m, e.gen[m] as number);
}

export function onNotify(core: BgpCore, m: number, g: number, error: boolean): void {
  const e = core.ends;
  if (g !== e.gen[m] || (e.st[m] as number) < ST_OPENSENT) return;
  e.setError(m, error ? 'Received: Hold timer expired' : 'Received: Cease');
  stopEnd(core, m, error);
}

export function onHold(core: BgpCore, n: number, g: number): void {
  const e = core.ends;
  if (g !== e.holdGen[n] || (e.st[n] as number) < ST_OPENSENT) return;
  e.setError(n, 'Error: Hold timer expired');
  sendNotify(core, n, true);
  stopEnd(core, n, true);
}

export function onRst(core: BgpCore, n: number, g: number): void {
  if (g !== core.ends.gen[n] || core.ends.st[n] !== ST_ESTABLISHED) return;
  core.ends.setError(n, 'Connection reset');
  sockErr(core, n);
}

/** bgp_stop: the protocol goes down (every route from the peer flushed) and starts again. */
export function stopEnd(core: BgpCore, n: number, error: boolean): void {
  const e = core.ends;
  if (error) updateStartupDelay(core, n);
  if ((e.st[n] as number) >= ST_OPENSENT) closeConnection(core, n);
  leaveEstablished(core, n);
  flushFrom(core, n);
  e.holdGen[n]++;
  startEnd(core, n);
}

/** Removes every route end n's speaker holds from its peer. */
export function flushFrom(core: BgpCore, n: number): void {
  const e = core.ends;
  const x = e.spk[n ^ 1] as number;
  if (x >= 0) forEachCell(core, e.spk[n] as number, OP_REMOVE_FROM, x);
  e.grActive[n] = 0;
  e.grGen[n]++;
}

/** bgp_update_startup_delay: error wait min, doubling to max, forgotten after the amnesia time. */
function updateStartupDelay(core: BgpCore, n: number): void {
  const e = core.ends;
  const now = core.sim.now;
  if (now - (e.lastErrAt[n] as number) >= core.opt.errorAmnesiaS * 1000) e.startupDelay[n] = 0;
  e.lastErrAt[n] = now;
  const d = e.startupDelay[n] as number;
  e.startupDelay[n] = d === 0 ? core.opt.errorWaitMinS : Math.min(2 * d, core.opt.errorWaitMaxS);
}
