// engine/bgp: how a session end comes up (RFC 4271 §8 as BIRD 1.6 runs it, proto/bgp/bgp.c): start with
// the error wait → Active → connect delay → Connect → TCP + OPEN exchange → Established, collision by BGP
// identifier (§6.8), or a restart when two BIRDs' connections cross (collision.ts); passive ends never
// open. Doomed connection attempts (peer down, unreachable, or refusing) are parked rather than simulated:
// the retry times are replayed from the same draws when the obstacle clears (see `wake`). Going down:
// session-teardown.ts.
import type { BgpCore } from '../bgp-core.js';
import {
  C_CONFIGURED,
  C_DISABLED,
  C_MISMATCH,
  C_PASSIVE,
  EB_CFG,
  EB_LISTEN,
  EB_PARK,
  EB_ST,
  EF_CONN_START,
  EF_EST_AT,
  EF_KA_START,
  EF_SESS_DELAY,
  EI_DLV,
  EI_GEN,
  EI_HOLD_GEN,
  EI_INFLIGHT,
  EI_PENDING_FEED,
  EI_PROFILE,
  EI_SENT,
  EI_SESS_CONN,
  EI_SPK,
  EI_STARTUP_DELAY,
  END_B,
  END_F,
  END_I,
  PARK_LOST,
  PARK_MISMATCH,
  PARK_NONE,
  PARK_REFUSED,
  SESS_F,
  SESS_I,
  ST_ACTIVE,
  ST_CONNECT,
  ST_ESTABLISHED,
  ST_IDLE,
  ST_OPENSENT,
} from '../tables/end-table.js';
import { crossingRestarts, restartCrossing } from './collision.js';
import { buildFeed } from './feed.js';
import { onFeed } from './flush.js';
import { closeConnection, grStart, leaveEstablished } from './session-teardown.js';
import { connectDelayMs, connectRetryMs, startupMs } from './timers.js';

export function runnable(core: BgpCore, n: number): boolean {
  const c = core.ends.u8[n * END_B + EB_CFG] as number;
  return (c & C_CONFIGURED) !== 0 && (c & C_DISABLED) === 0 && core.spk.alive[core.ends.i32[n * END_I + EI_SPK] as number] === 1;
}

/** BIRD bgp_start + bgp_initiate: (re)starts the protocol, after the error wait if one is pending. */
export function startEnd(core: BgpCore, n: number): void {
  const e = core.ends;
  e.i32[n * END_I + EI_GEN]++;
  e.u8[n * END_B + EB_LISTEN] = 0;
  e.u8[n * END_B + EB_PARK] = PARK_NONE;
  e.setState(n, ST_IDLE);
  if (!runnable(core, n)) return;
  const d = e.i32[n * END_I + EI_STARTUP_DELAY] as number;
  if (d > 0) core.sim.after(startupMs(core, n, d, e.i32[n * END_I + EI_GEN] as number), core.kinds.startup, n, e.i32[n * END_I + EI_GEN] as number);
  else startup(core, n);
}

export function onStartup(core: BgpCore, n: number, g: number): void {
  if (g !== core.ends.i32[n * END_I + EI_GEN] || core.ends.u8[n * END_B + EB_ST] !== ST_IDLE || !runnable(core, n)) return;
  startup(core, n);
}

/** bgp_startup → bgp_active: listen, and unless passive open a connection after the connect delay. */
function startup(core: BgpCore, n: number): void {
  const e = core.ends;
  e.u8[n * END_B + EB_LISTEN] = 1;
  e.setState(n, ST_ACTIVE);
  if (((e.u8[n * END_B + EB_CFG] as number) & C_PASSIVE) === 0) {
    core.armConnect(n, core.sim.now + connectDelayMs(core, n, e.i32[n * END_I + EI_GEN] as number), e.i32[n * END_I + EI_GEN] as number);
  }
}

export function onConnect(core: BgpCore, n: number, g: number): void {
  const st = core.ends.u8[n * END_B + EB_ST];
  if (g !== core.ends.i32[n * END_I + EI_GEN] || (st !== ST_ACTIVE && st !== ST_CONNECT) || !runnable(core, n)) return;
  doConnect(core, n);
}

/** A batch of connect timers (BgpCore.armConnect) fires: each end's, in the order they were armed. */
export function onConnectBatch(core: BgpCore, b: number): void {
  const list = core.takeBatch(b);
  connectEach(core, list.data, list.length);
  core.releaseBatch(list);
}

/** The loop of onConnectBatch on its own: V8 compiles a long loop on the stack (OSR) while it runs, and
 *  code after the loop that had not yet run would lack type feedback — the cached OSR code then
 *  deoptimised at every later batch's end (2,000 batches on scenarios/large.yaml). */
function connectEach(core: BgpCore, d: Int32Array, len: number): void {
  for (let i = 0; i < len; i += 2) onConnect(core, d[i] as number, d[i + 1] as number);
}

export function onRetry(core: BgpCore, n: number, g: number): void {
  if (g !== core.ends.i32[n * END_I + EI_GEN] || core.ends.u8[n * END_B + EB_ST] !== ST_CONNECT || !runnable(core, n)) return;
  doConnect(core, n);
}

/** bgp_connect: send a SYN now, or park when the attempt cannot succeed. */
function doConnect(core: BgpCore, n: number): void {
  const e = core.ends;
  e.i32[n * END_I + EI_GEN]++;
  e.setState(n, ST_CONNECT);
  e.f64[n * END_F + EF_CONN_START] = core.sim.now;
  const m = n ^ 1;
  const r = e.i32[m * END_I + EI_SPK] as number;
  if (r < 0 || !core.pathUp(e.i32[n * END_I + EI_SPK] as number, r)) return park(core, n, PARK_LOST);
  const cm = e.u8[m * END_B + EB_CFG] as number;
  if ((cm & C_CONFIGURED) === 0 || (cm & C_DISABLED) !== 0) return park(core, n, PARK_REFUSED);
  if (((e.u8[n * END_B + EB_CFG] as number) & C_MISMATCH) !== 0) return park(core, n, PARK_MISMATCH);
  core.sim.after(core.ends.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number, core.kinds.syn, n, e.i32[n * END_I + EI_GEN] as number);
}

function park(core: BgpCore, n: number, kind: number): void {
  const e = core.ends;
  e.u8[n * END_B + EB_PARK] = kind;
  e.parkT0[n] = core.sim.now;
  e.parkGen[n] = e.i32[n * END_I + EI_GEN] as number;
  e.setState(n, kind === PARK_LOST ? ST_CONNECT : kind === PARK_REFUSED ? ST_ACTIVE : ST_IDLE);
  if (kind === PARK_MISMATCH) core.ends.setError(n, 'Received: Bad peer AS');
}

/**
 * The obstacle of a parked end may have cleared: schedule its next attempt at the time the skipped
 * retries would have reached — connect-retry draws after lost SYNs, RST round trip + connect delay after
 * refusals — so the result equals simulating every doomed attempt.
 */
export function wake(core: BgpCore, n: number): void {
  const e = core.ends;
  const kind = e.u8[n * END_B + EB_PARK] as number;
  if (kind === PARK_NONE || !runnable(core, n)) return;
  e.u8[n * END_B + EB_PARK] = PARK_NONE;
  const now = core.sim.now;
  let t = e.parkT0[n] as number;
  const g = e.parkGen[n] as number;
  let k = 0;
  if (kind === PARK_LOST) {
    do t += connectRetryMs(core, n, g, k++);
    while (t <= now);
  } else if (kind === PARK_REFUSED) {
    const rtt = 2 * (core.ends.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number);
    do t += rtt + connectDelayMs(core, n, g + 7919 * ++k);
    while (t <= now);
  } else {
    e.setState(n, ST_ACTIVE);
    t = now + connectDelayMs(core, n, g);
  }
  core.sim.at(t, core.kinds.connect, n, e.i32[n * END_I + EI_GEN] as number);
}

/** The initiator's SYN reaches the remote end. */
export function onSyn(core: BgpCore, n: number, g: number): void {
  const e = core.ends;
  if (g !== e.i32[n * END_I + EI_GEN] || e.u8[n * END_B + EB_ST] !== ST_CONNECT) return;
  const m = n ^ 1;
  const x = e.i32[n * END_I + EI_SPK] as number;
  const r = e.i32[m * END_I + EI_SPK] as number;
  if (!core.pathUp(x, r)) {
    // Lost on the way: the connect-retry timer started at the attempt fires.
    const t = Math.max(core.sim.now, (e.f64[n * END_F + EF_CONN_START] as number) + connectRetryMs(core, n, g, 0));
    core.sim.at(t, core.kinds.retry, n, g);
    return;
  }
  if (!runnable(core, m) || e.u8[m * END_B + EB_LISTEN] === 0) {
    core.sim.after(core.ends.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number, core.kinds.refused, n, g);
    return;
  }
  const sm = e.u8[m * END_B + EB_ST] as number;
  if (sm === ST_ESTABLISHED) {
    // bgp_incoming_connection: a new connection from an established, GR-capable peer means it restarted.
    closeConnection(core, m);
    leaveEstablished(core, m);
    e.i32[m * END_I + EI_HOLD_GEN]++;
    grStart(core, m);
  } else if (sm === ST_CONNECT && crossingRestarts(core, n)) {
    restartCrossing(core, n);
    return;
  } else if (sm === ST_CONNECT || sm >= ST_OPENSENT) {
    // §6.8 collision: keep the connection opened by the higher BGP identifier (RFC 6286: then higher AS).
    const rx = core.spk.rid[x] as number;
    const rr = core.spk.rid[r] as number;
    if (!(rx > rr || (rx === rr && (core.spk.asn[x] as number) > (core.spk.asn[r] as number)))) {
      e.i32[n * END_I + EI_GEN]++;
      e.setState(n, ST_ACTIVE);
      return;
    }
  }
  accept(core, n);
}

/** The refusal (RST) of a SYN reaches the initiator: idle, then a new attempt after the connect delay. */
export function onRefused(core: BgpCore, n: number, g: number): void {
  const e = core.ends;
  if (g !== e.i32[n * END_I + EI_GEN] || e.u8[n * END_B + EB_ST] !== ST_CONNECT) return;
  e.i32[n * END_I + EI_GEN]++;
  e.setState(n, ST_ACTIVE);
  core.sim.after(connectDelayMs(core, n, e.i32[n * END_I + EI_GEN] as number), core.kinds.connect, n, e.i32[n * END_I + EI_GEN] as number);
}

/** The remote end accepts: OPENs cross, the acceptor is established after 2 latencies, the initiator 3. */
function accept(core: BgpCore, n: number): void {
  const e = core.ends;
  const m = n ^ 1;
  const s = n >> 1;
  const d = core.ends.f64[s * SESS_F + EF_SESS_DELAY] as number;
  const c = ++core.ends.i32[s * SESS_I + EI_SESS_CONN];
  e.i32[m * END_I + EI_GEN]++;
  e.u8[m * END_B + EB_PARK] = PARK_NONE;
  e.setState(m, ST_OPENSENT);
  e.setState(n, ST_OPENSENT);
  e.f64[m * END_F + EF_CONN_START] = core.sim.now;
  e.f64[n * END_F + EF_KA_START] = core.sim.now + d;
  e.f64[m * END_F + EF_KA_START] = core.sim.now + 2 * d;
  core.sim.after(2 * d, core.kinds.estPassive, m, c);
  core.sim.after(3 * d, core.kinds.estActive, n, c);
}

/** Establishment of end n (`acceptor`: the end that accepted the connection, established first). The
 *  acceptor's feed reaches the initiator exactly when the initiator is established (2 + 1 latencies after
 *  the accept = 3), so it is delivered by that event instead of one of its own. */
export function onEstablish(core: BgpCore, n: number, c: number, acceptor: boolean): void {
  const e = core.ends;
  const m = n ^ 1;
  if (core.ends.i32[(n >> 1) * SESS_I + EI_SESS_CONN] === c && (e.u8[n * END_B + EB_ST] as number) >= ST_OPENSENT && e.u8[n * END_B + EB_ST] !== ST_ESTABLISHED && core.pathUp(e.i32[n * END_I + EI_SPK] as number, e.i32[m * END_I + EI_SPK] as number)) {
    establish(core, n, acceptor);
  }
  if (!acceptor) {
    const pf = e.i32[m * END_I + EI_PENDING_FEED] as number;
    if (pf >= 0) {
      e.i32[m * END_I + EI_PENDING_FEED] = -1;
      onFeed(core, m, pf);
    }
  }
}

function establish(core: BgpCore, n: number, acceptor: boolean): void {
  const e = core.ends;
  e.setState(n, ST_ESTABLISHED);
  e.f64[n * END_F + EF_EST_AT] = core.sim.now;
  e.i32[n * END_I + EI_HOLD_GEN]++;
  e.setError(n, '');
  const p = e.i32[n * END_I + EI_PROFILE] as number;
  core.profiles.active[p]++;
  e.i32[n * END_I + EI_SENT] = core.profiles.end(p);
  e.i32[n * END_I + EI_DLV] = e.i32[n * END_I + EI_SENT] as number;
  const pf = e.i32[n * END_I + EI_PENDING_FEED] as number;
  if (pf >= 0) {
    e.i32[n * END_I + EI_PENDING_FEED] = -1;
    onFeed(core, n, pf);
  }
  const id = buildFeed(core, n);
  e.i32[n * END_I + EI_INFLIGHT]++;
  if (acceptor) e.i32[n * END_I + EI_PENDING_FEED] = id;
  else core.sim.after(core.ends.f64[(n >> 1) * SESS_F + EF_SESS_DELAY] as number, core.kinds.feed, n, id);
}

