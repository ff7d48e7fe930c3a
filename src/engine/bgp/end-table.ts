// engine/bgp: the two ends of every session (BIRD `protocol bgp` instances). End n belongs to session
// n >> 1; its peer end is n ^ 1. RFC 4271 state, timer generations (a pending timer event carries the
// generation it was armed with and is ignored when it changed), update-stream cursors and counters live
// in a 128-byte record per end, so an event touching one session's ends touches 256 adjacent bytes; the
// configuration is interned (a mesh node's ends share one) and rarely used state (keepalive cursor,
// parked attempts, errors, graceful-restart generation) sits in arrays that stay untouched until needed.
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

/** Bytes, int32 words and float64 words per end record. */
export const END_B = 128;
export const END_I = 32;
export const END_F = 16;
/** Words per session (its two end records); session fields live in the record of its even end. */
export const SESS_I = 2 * END_I;
export const SESS_F = 2 * END_F;
// int32 fields (words 0..12)
/** Speaker of the end. */
export const EI_SPK = 0;
/** Timer generation of connection attempts. */
export const EI_GEN = 1;
/** Export profile (-1 none). */
export const EI_PROFILE = 2;
/** Import rule (-1 none). */
export const EI_IMPORT_RULE = 3;
/** Generation of the hold timer. */
export const EI_HOLD_GEN = 4;
/** Log position sent up to. */
export const EI_SENT = 5;
/** Log position delivered up to. */
export const EI_DLV = 6;
/** Batches in flight. */
export const EI_INFLIGHT = 7;
/** In-flight arrivals to drop (torn-down connection). */
export const EI_DROP = 8;
/** Feed of an accepting end that arrives exactly when its peer becomes established (-1 none). */
export const EI_PENDING_FEED = 9;
/** Interned configuration (EndConfs id). */
export const EI_CONF = 10;
/** Error wait before the next start (s). */
export const EI_STARTUP_DELAY = 11;
/** Session field: connection counter (identifies the connection an establishment event belongs to). */
export const EI_SESS_CONN = 12;
// uint8 fields (bytes 52..56)
/** Configuration flags (C_*). */
export const EB_CFG = 52;
/** RFC 4271 state (ST_*). */
export const EB_ST = 53;
/** 1 while the end accepts connections. */
export const EB_LISTEN = 54;
/** Why a connecting end is parked (PARK_*). */
export const EB_PARK = 55;
/** 1 while the peer is restarting gracefully. */
export const EB_GR_ACTIVE = 56;
// float64 fields (words 8..14)
/** Time of the last arrival. */
export const EF_LAST_RX = 8;
/** UPDATE messages received. */
export const EF_UPD_RECV = 9;
/** Prefix updates received. */
export const EF_PFX_RECV = 10;
/** Time established (-1 never). */
export const EF_EST_AT = 11;
/** Keepalive stream start. */
export const EF_KA_START = 12;
/** Start of the current connection attempt. */
export const EF_CONN_START = 13;
/** Session field: one-way latency (ms). */
export const EF_SESS_DELAY = 14;

/** One end's configuration: peering kind, route-reflector cluster id (-1 none), ASes, BIRD timers (s,
 *  keepalive 0 = hold/3), next-hop mode and allowas-in count. */
export interface EndConf {
  readonly kind: number;
  readonly clusterId: number;
  readonly localAs: number;
  readonly peerAs: number;
  readonly holdCfg: number;
  readonly kaCfg: number;
  readonly grTime: number;
  readonly nhMode: number;
  readonly allowLocalAs: number;
}

/** The unconfigured end's configuration (conf id 0). */
const NO_CONF: EndConf = { kind: 0, clusterId: -1, localAs: 0, peerAs: 0, holdCfg: 0, kaCfg: 0, grTime: 0, nhMode: 0, allowLocalAs: 0 };

function confKey(c: EndConf): string {
  return `${c.kind}|${c.clusterId}|${c.localAs}|${c.peerAs}|${c.holdCfg}|${c.kaCfg}|${c.grTime}|${c.nhMode}|${c.allowLocalAs}`;
}

export class EndTable {
  count = 0;
  u8 = new Uint8Array(16 * END_B);
  i32 = new Int32Array(this.u8.buffer);
  f64 = new Float64Array(this.u8.buffer);
  /** Keepalive cursor (see timers.ts): connection + 1 it is valid for (0 none), index and time. */
  kaConn1 = new Int32Array(16);
  kaIdx = new Int32Array(16);
  kaTime = new Float64Array(16);
  /** A parked attempt's time and generation; time of the last error; graceful-restart timer generation. */
  parkT0 = new Float64Array(16);
  parkGen = new Int32Array(16);
  lastErrAt = new Float64Array(16);
  grGen = new Int32Array(16);
  /** Interned configurations, by id. */
  private readonly confs: EndConf[] = [NO_CONF];
  private readonly confIds = new Map<string, number>([[confKey(NO_CONF), 0]]);
  private lastConf = 0;
  /** BIRD protocol names of non-mesh ends (a mesh end is always `Mesh_<peer address with _>`). */
  readonly protocol = new Map<number, string>();
  /** Remotes that are no speaker of the network: the peering's name and address. */
  readonly unknownPeer = new Map<number, { readonly name: string; readonly ip: string }>();
  /** Last error of an end (absent: none), as `birdc show protocols` prints it. */
  readonly lastError = new Map<number, string>();

  /** Configuration of end n. */
  conf(n: number): EndConf {
    return this.confs[this.i32[n * END_I + EI_CONF] as number] as EndConf;
  }

  /** Sets end n's configuration (interned: equal configurations share an id). */
  setConf(n: number, c: EndConf): void {
    this.i32[n * END_I + EI_CONF] = this.intern(c);
  }

  /** The id of a configuration (equal configurations share one). */
  intern(c: EndConf): number {
    // Ends are mostly configured in runs sharing a configuration: compare with the last one first.
    const prev = this.confs[this.lastConf] as EndConf;
    let id = this.lastConf;
    if (
      prev.kind !== c.kind || prev.clusterId !== c.clusterId || prev.localAs !== c.localAs || prev.peerAs !== c.peerAs || prev.holdCfg !== c.holdCfg ||
      prev.kaCfg !== c.kaCfg || prev.grTime !== c.grTime || prev.nhMode !== c.nhMode || prev.allowLocalAs !== c.allowLocalAs
    ) {
      const key = confKey(c);
      id = this.confIds.get(key) ?? -1;
      if (id < 0) {
        id = this.confs.push({ ...c }) - 1;
        this.confIds.set(key, id);
      }
    }
    this.lastConf = id;
    return id;
  }

  /** Records what a report needs from the peering (the peering object itself is not kept). */
  setPeering(n: number, q: BgpPeering, remoteKnown: boolean): void {
    if (q.kind !== 'mesh') this.protocol.set(n, q.protocolName);
    if (!remoteKnown) this.unknownPeer.set(n, { name: q.peerName, ip: q.peerIp });
  }

  /** BIRD protocol name of end n whose remote address is `peerIp`. */
  protocolName(n: number, peerIp: string): string {
    return this.protocol.get(n) ?? `${this.conf(n).kind === 1 ? 'Mesh' : 'Node'}_${peerIp.replaceAll('.', '_')}`;
  }

  setError(n: number, text: string): void {
    if (text !== '') this.lastError.set(n, text);
    else if (this.lastError.size > 0) this.lastError.delete(n);
  }

  /** Makes room for `n` ends. */
  reserve(n: number): void {
    if (n * END_B > this.u8.length) this.ensure(n);
  }

  /** Appends the two ends of a new session; returns the first end (even). */
  addPair(a: number, b: number): number {
    const n0 = this.count;
    this.count += 2;
    if (this.count * END_B > this.u8.length) this.ensure(this.count);
    const i32 = this.i32;
    const f64 = this.f64;
    i32[n0 * END_I + EI_SPK] = a;
    i32[(n0 + 1) * END_I + EI_SPK] = b;
    for (let n = n0; n < n0 + 2; n++) {
      i32[n * END_I + EI_PROFILE] = -1;
      i32[n * END_I + EI_IMPORT_RULE] = -1;
      i32[n * END_I + EI_PENDING_FEED] = -1;
      f64[n * END_F + EF_EST_AT] = -1;
    }
    return n0;
  }

  private ensure(min: number): void {
    const n = Math.max(min, (this.u8.length / END_B) * 2);
    const u8 = new Uint8Array(n * END_B);
    u8.set(this.u8);
    this.u8 = u8;
    this.i32 = new Int32Array(u8.buffer);
    this.f64 = new Float64Array(u8.buffer);
    this.kaConn1 = grow(this.kaConn1, n);
    this.kaIdx = grow(this.kaIdx, n);
    this.kaTime = grow(this.kaTime, n);
    this.parkT0 = grow(this.parkT0, n);
    this.parkGen = grow(this.parkGen, n);
    this.lastErrAt = grow(this.lastErrAt, n);
    this.grGen = grow(this.grGen, n);
  }
}
