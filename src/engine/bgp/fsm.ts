// engine/bgp: how a session end comes up (RFC 4271 §8 as BIRD 1.6 runs it, proto/bgp/bgp.c): start with
// the error wait → Active → connect delay → Connect → TCP + OPEN exchange → Established, collision by BGP
// identifier (§6.8); passive ends never open. Doomed connection attempts (peer down, unreachable, or
// refusing) are parked rather than simulated: the retry times are replayed from the same draws when the
// obstacle clears (see `wake`). Going down: session-teardown.ts.
import type { BgpCore } from './bgp-core.js';
import {
  C_CONFIGURED,
  C_DISABLED,
  C_MISMATCH,
  C_PASSIVE,
  PARK_LOST,
  PARK_MISMATCH,
  PARK_NONE,
  PARK_REFUSED,
  ST_ACTIVE,
  ST_CONNECT,
  ST_ESTABLISHED,
  ST_IDLE,
  ST_OPENSENT,
} from './end-table.js';
import { buildFeed } from './feed.js';
import { onFeed } from './flush.js';
import { closeConnection, grStart, leaveEstablished } from './session-teardown.js';
import { connectDelayMs, connectRetryMs, startupMs } from './timers.js';

export function runnable(core: BgpCore, n: number): boolean {
  const c = core.ends.cfg[n] as number;
  return (c & C_CONFIGURED) !== 0 && (c & C_DISABLED) === 0 && core.spk.alive[core.ends.spk[n] as number] === 1;
}

/** BIRD bgp_start + bgp_initiate: (re)starts the protocol, after the error wait if one is pending. */
export function startEnd(core: BgpCore, n: number): void {
  const e = core.ends;
  e.gen[n]++;
  e.listen[n] = 0;
  e.park[n] = PARK_NONE;
  e.st[n] = ST_IDLE;
  if (!runnable(core, n)) return;
  const d = e.startupDelay[n] as number;
  if (d > 0) core.sim.after(startupMs(core, n, d, e.gen[n] as number), core.kinds.startup, n, e.gen[n] as number);
  else startup(core, n);
}

export function onStartup(core: BgpCore, n: number, g: number): void {
  if (g !== core.ends.gen[n] || core.ends.st[n] !== ST_IDLE || !runnable(core, n)) return;
  startup(core, n);
}

/** bgp_startup → bgp_active: listen, and unless passive open a connection after the connect delay. */
function startup(core: BgpCore, n: number): void {
  const e = core.ends;
  e.listen[n] = 1;
  e.st[n] = ST_ACTIVE;
  if (((e.cfg[n] as number) & C_PASSIVE) === 0) {
    core.armConnect(n, core.sim.now + connectDelayMs(core, n, e.gen[n] as number), e.gen[n] as number);
  }
}

export function onConnect(core: BgpCore, n: number, g: number): void {
  const st = core.ends.st[n];
  if (g !== core.ends.gen[n] || (st !== ST_ACTIVE && st !== ST_CONNECT) || !runnable(core, n)) return;
  doConnect(core, n);
}

export function onRetry(core: BgpCore, n: number, g: number): void {
  if (g !== core.ends.gen[n] || core.ends.st[n] !== ST_CONNECT || !runnable(core, n)) return;
  doConnect(core, n);
}

/** bgp_connect: send a SYN now, or park when the attempt cannot succeed. */
function doConnect(core: BgpCore, n: number): void {
  const e = core.ends;
  e.gen[n]++;
  e.st[n] = ST_CONNECT;
  e.connStart[n] = core.sim.now;
  const m = n ^ 1;
  const r = e.spk[m] as number;
  if (r < 0 || !core.pathUp(e.spk[n] as number, r)) return park(core, n, PARK_LOST);
  const cm = e.cfg[m] as number;
  if ((cm & C_CONFIGURED) === 0 || (cm & C_DISABLED) !== 0) return park(core, n, PARK_REFUSED);
  if (((e.cfg[n] as number) & C_MISMATCH) !== 0) return park(core, n, PARK_MISMATCH);
  core.sim.after(core.sessDelay[n >> 1] as number, core.kinds.syn, n, e.gen[n] as number);
}

function park(core: BgpCore, n: number, kind: number): void {
  const e = core.ends;
  e.park[n] = kind;
  e.parkT0[n] = core.sim.now;
  e.parkGen[n] = e.gen[n] as number;
  e.st[n] = kind === PARK_LOST ? ST_CONNECT : kind === PARK_REFUSED ? ST_ACTIVE : ST_IDLE;
  if (kind === PARK_MISMATCH) core.ends.setError(n, 'Received: Bad peer AS');
}

/**
 * The obstacle of a parked end may have cleared: schedule its next attempt at the time the skipped
 * retries would have reached — connect-retry draws after lost SYNs, RST round trip + connect delay after
 * refusals — so the result equals simulating every doomed attempt.
 */
export function wake(core: BgpCore, n: number): void {
  const e = core.ends;
  const kind = e.park[n] as number;
  if (kind === PARK_NONE || !runnable(core, n)) return;
  e.park[n] = PARK_NONE;
  const now = core.sim.now;
  let t = e.parkT0[n] as number;
  const g = e.parkGen[n] as number;
  let k = 0;
  if (kind === PARK_LOST) {
    do t += connectRetryMs(core, n, g, k++);
    while (t <= now);
  } else if (kind === PARK_REFUSED) {
    const rtt = 2 * (core.sessDelay[n >> 1] as number);
    do t += rtt + connectDelayMs(core, n, g + 7919 * ++k);
    while (t <= now);
  } else {
    e.st[n] = ST_ACTIVE;
    t = now + connectDelayMs(core, n, g);
  }
  core.sim.at(t, core.kinds.connect, n, e.gen[n] as number);
}

/** The initiator's SYN reaches the remote end. */
export function onSyn(core: BgpCore, n: number, g: number): void {
  const e = core.ends;
  if (g !== e.gen[n] || e.st[n] !== ST_CONNECT) return;
  const m = n ^ 1;
  const x = e.spk[n] as number;
  const r = e.spk[m] as number;
  if (!core.pathUp(x, r)) {
    // Lost on the way: the connect-retry timer started at the attempt fires.
    const t = Math.max(core.sim.now, (e.connStart[n] as number) + connectRetryMs(core, n, g, 0));
    core.sim.at(t, core.kinds.retry, n, g);
    return;
  }
  if (!runnable(core, m) || e.listen[m] === 0) {
    core.sim.after(core.sessDelay[n >> 1] as number, core.kinds.refused, n, g);
    return;
  }
  const sm = e.st[m] as number;
  if (sm === ST_ESTABLISHED) {
    // bgp_incoming_connection: a new connection from an established, GR-capable peer means it restarted.
    closeConnection(core, m);
    leaveEstablished(core, m);
    e.holdGen[m]++;
    grStart(core, m);
  } else if (sm === ST_CONNECT || sm >= ST_OPENSENT) {
    // §6.8 collision: keep the connection opened by the higher BGP identifier (RFC 6286: then higher AS).
    const rx = core.spk.rid[x] as number;
    const rr = core.spk.rid[r] as number;
    if (!(rx > rr || (rx === rr && (core.spk.asn[x] as number) > (core.spk.asn[r] as number)))) {
      e.gen[n]++;
      e.st[n] = ST_ACTIVE;
      return;
    }
  }
  accept(core, n);
}

/** The refusal (RST) of a SYN reaches the initiator: idle, then a new attempt after the connect delay. */
export function onRefused(core: BgpCore, n: number, g: number): void {
  const e = core.ends;
  if (g !== e.gen[n] || e.st[n] !== ST_CONNECT) return;
  e.gen[n]++;
  e.st[n] = ST_ACTIVE;
  core.sim.after(connectDelayMs(core, n, e.gen[n] as number), core.kinds.connect, n, e.gen[n] as number);
}

/** The remote end accepts: OPENs cross, the acceptor is established after 2 latencies, the initiator 3. */
function accept(core: BgpCore, n: number): void {
  const e = core.ends;
  const m = n ^ 1;
  const s = n >> 1;
  const d = core.sessDelay[s] as number;
  const c = ++core.sessConn[s];
  e.gen[m]++;
  e.park[m] = PARK_NONE;
  e.st[m] = ST_OPENSENT;
  e.st[n] = ST_OPENSENT;
  e.connStart[m] = core.sim.now;
  e.kaStart[n] = core.sim.now + d;
  e.kaStart[m] = core.sim.now + 2 * d;
  core.sim.after(2 * d, core.kinds.estPassive, m, c);
  core.sim.after(3 * d, core.kinds.estActive, n, c);
}

/** Establishment of end n (`acceptor`: the end that accepted the connection, established first). The
 *  acceptor's feed reaches the initiator exactly when the initiator is established (2 + 1 latencies after
 *  the accept = 3), so it is delivered by that event instead of one of its own. */
export function onEstablish(core: BgpCore, n: number, c: number, acceptor: boolean): void {
  const e = core.ends;
  const m = n ^ 1;
  if (core.sessConn[n >> 1] === c && (e.st[n] as number) >= ST_OPENSENT && e.st[n] !== ST_ESTABLISHED && core.pathUp(e.spk[n] as number, e.spk[m] as number)) {
    establish(core, n, acceptor);
  }
  if (!acceptor) {
    const pf = e.pendingFeed[m] as number;
    if (pf >= 0) {
      e.pendingFeed[m] = -1;
      onFeed(core, m, pf);
    }
  }
}

function establish(core: BgpCore, n: number, acceptor: boolean): void {
  const e = core.ends;
  e.st[n] = ST_ESTABLISHED;
  e.estAt[n] = core.sim.now;
  e.holdGen[n]++;
  e.setError(n, '');
  const p = e.profile[n] as number;
  core.profiles.active[p]++;
  e.sent[n] = core.profiles.end(p);
  e.dlv[n] = e.sent[n] as number;
  const pf = e.pendingFeed[n] as number;
  if (pf >= 0) {
    e.pendingFeed[n] = -1;
    onFeed(core, n, pf);
  }
  const id = buildFeed(core, n);
  e.inflight[n]++;
  if (acceptor) e.pendingFeed[n] = id;
  else core.sim.after(core.sessDelay[n >> 1] as number, core.kinds.feed, n, id);
}

