// engine/bgp: the two ends of every session (BIRD `protocol bgp` instances) as parallel arrays. End n
// belongs to session n >> 1; its peer end is n ^ 1. Configuration, RFC 4271 state, timer generations
// (a pending timer event carries the generation it was armed with and is ignored when it changed),
// graceful-restart state, update-stream cursors and counters.
import type { BgpPeering } from '../../model/bgp/types.js';
import { grow } from './growable.js';

/** Configuration flags. */
export const C_CONFIGURED = 1;
export const C_PASSIVE = 2;
export const C_RR_CLIENT = 4;
export const C_INTERNAL = 8;
export const C_ADD_PATH = 16;
export const C_DISABLED = 32;
export const C_MISMATCH = 64;

/** RFC 4271 §8 states. */
export const ST_IDLE = 0;
export const ST_CONNECT = 1;
export const ST_ACTIVE = 2;
export const ST_OPENSENT = 3;
export const ST_OPENCONFIRM = 4;
export const ST_ESTABLISHED = 5;
export const STATE_NAMES = ['Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established'] as const;

/** Why a connecting end is parked (its doomed retries are computed lazily, not simulated). */
export const PARK_NONE = 0;
/** The remote host is down or unreachable: SYNs are lost, BIRD retries every connect-retry time. */
export const PARK_LOST = 1;
/** The remote host answers but has no such protocol (or it is disabled): RST, retry after connect delay. */
export const PARK_REFUSED = 2;
/** The OPEN would be rejected (AS mismatch): no session until reconfigured. */
export const PARK_MISMATCH = 3;

/** Peering kinds (BgpPeering.kind), 0 for an external peer's own end. */
export const KIND_NAMES = ['external', 'mesh', 'global', 'node', 'local-workload'] as const;

/** Next-hop modes (Calico nextHopMode). */
export const NHM_AUTO = 0;
export const NHM_SELF = 1;
export const NHM_KEEP = 2;

export class EndTable {
  count = 0;
  spk = new Int32Array(16);
  cfg = new Uint8Array(16);
  clusterId = new Float64Array(16);
  localAs = new Float64Array(16);
  peerAs = new Float64Array(16);
  holdCfg = new Int32Array(16);
  kaCfg = new Int32Array(16);
  grTime = new Int32Array(16);
  nhMode = new Uint8Array(16);
  allowLocalAs = new Int32Array(16);
  profile = new Int32Array(16);
  importRule = new Int32Array(16);
  st = new Uint8Array(16);
  listen = new Uint8Array(16);
  gen = new Int32Array(16);
  holdGen = new Int32Array(16);
  grGen = new Int32Array(16);
  grActive = new Uint8Array(16);
  startupDelay = new Int32Array(16);
  lastErrAt = new Float64Array(16);
  estAt = new Float64Array(16);
  /** The keepalive stream cursor (see timers.ts), valid for connection `kaConn`. */
  kaConn = new Int32Array(16);
  kaStart = new Float64Array(16);
  kaIdx = new Int32Array(16);
  kaTime = new Float64Array(16);
  lastRx = new Float64Array(16);
  connStart = new Float64Array(16);
  park = new Uint8Array(16);
  parkT0 = new Float64Array(16);
  parkGen = new Int32Array(16);
  sent = new Int32Array(16);
  dlv = new Int32Array(16);
  inflight = new Int32Array(16);
  drop = new Int32Array(16);
  /** Feed of an accepting end that arrives exactly when its peer becomes established (-1 none). */
  pendingFeed = new Int32Array(16);
  /** UPDATE messages and prefix updates received (what the peer end sent is its peer's received). */
  updRecv = new Float64Array(16);
  pfxRecv = new Float64Array(16);
  /** Peering kind (KIND_NAMES index). */
  kind = new Uint8Array(16);
  /** BIRD protocol names of non-mesh ends (a mesh end is always `Mesh_<peer address with _>`). */
  readonly protocol = new Map<number, string>();
  /** Remotes that are no speaker of the network: the peering's name and address. */
  readonly unknownPeer = new Map<number, { readonly name: string; readonly ip: string }>();
  /** Last error of an end (absent: none), as `birdc show protocols` prints it. */
  readonly lastError = new Map<number, string>();

  /** Records what a report needs from the peering (the peering object itself is not kept). */
  setPeering(n: number, q: BgpPeering, remoteKnown: boolean): void {
    this.kind[n] = q.kind === 'mesh' ? 1 : KIND_NAMES.indexOf(q.kind);
    if (q.kind !== 'mesh') this.protocol.set(n, q.protocolName);
    if (!remoteKnown) this.unknownPeer.set(n, { name: q.peerName, ip: q.peerIp });
  }

  /** BIRD protocol name of end n whose remote address is `peerIp`. */
  protocolName(n: number, peerIp: string): string {
    return this.protocol.get(n) ?? `${this.kind[n] === 1 ? 'Mesh' : 'Node'}_${peerIp.replaceAll('.', '_')}`;
  }

  setError(n: number, text: string): void {
    if (text !== '') this.lastError.set(n, text);
    else if (this.lastError.size > 0) this.lastError.delete(n);
  }

  /** Makes room for `n` ends. */
  reserve(n: number): void {
    if (n > this.spk.length) this.ensure(n);
  }

  /** Appends the two ends of a new session; returns the first end (even). */
  addPair(a: number, b: number): number {
    const n0 = this.count;
    this.count += 2;
    if (this.count > this.spk.length) this.ensure(this.count);
    this.spk[n0] = a;
    this.spk[n0 + 1] = b;
    for (let n = n0; n < n0 + 2; n++) {
      this.profile[n] = -1;
      this.importRule[n] = -1;
      this.estAt[n] = -1;
      this.clusterId[n] = -1;
      this.pendingFeed[n] = -1;
      this.kaConn[n] = -1;
    }
    return n0;
  }

  private ensure(min: number): void {
    const n = Math.max(min, this.spk.length * 2);
    this.spk = grow(this.spk, n);
    this.kind = grow(this.kind, n);
    this.cfg = grow(this.cfg, n);
    this.clusterId = grow(this.clusterId, n);
    this.localAs = grow(this.localAs, n);
    this.peerAs = grow(this.peerAs, n);
    this.holdCfg = grow(this.holdCfg, n);
    this.kaCfg = grow(this.kaCfg, n);
    this.grTime = grow(this.grTime, n);
    this.nhMode = grow(this.nhMode, n);
    this.allowLocalAs = grow(this.allowLocalAs, n);
    this.profile = grow(this.profile, n);
    this.importRule = grow(this.importRule, n);
    this.st = grow(this.st, n);
    this.listen = grow(this.listen, n);
    this.gen = grow(this.gen, n);
    this.holdGen = grow(this.holdGen, n);
    this.grGen = grow(this.grGen, n);
    this.grActive = grow(this.grActive, n);
    this.startupDelay = grow(this.startupDelay, n);
    this.lastErrAt = grow(this.lastErrAt, n);
    this.estAt = grow(this.estAt, n);
    this.kaConn = grow(this.kaConn, n);
    this.kaStart = grow(this.kaStart, n);
    this.kaIdx = grow(this.kaIdx, n);
    this.kaTime = grow(this.kaTime, n);
    this.lastRx = grow(this.lastRx, n);
    this.connStart = grow(this.connStart, n);
    this.park = grow(this.park, n);
    this.parkT0 = grow(this.parkT0, n);
    this.parkGen = grow(this.parkGen, n);
    this.sent = grow(this.sent, n);
    this.dlv = grow(this.dlv, n);
    this.inflight = grow(this.inflight, n);
    this.drop = grow(this.drop, n);
    this.pendingFeed = grow(this.pendingFeed, n);
    this.updRecv = grow(this.updRecv, n);
    this.pfxRecv = grow(this.pfxRecv, n);
  }
}
