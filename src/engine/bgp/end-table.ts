// engine/bgp: the two ends of every session (BIRD `protocol bgp` instances) as parallel arrays. End n
// belongs to session n >> 1; its peer end is n ^ 1. Configuration, RFC 4271 state, timer generations
// (a pending timer event carries the generation it was armed with and is ignored when it changed),
// graceful-restart state, update-stream cursors and counters.
import type { BgpPeering } from '../../model/bgp/types.js';

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

/** Int32 words per end record (its float64 fields start at float64 word 16 of the record). */
export const END_I = 64;
/** Float64 words per end record. */
export const END_F = 32;
/** Words per session (its two end records); session fields live in the record of its even end. */
export const SESS_I = 2 * END_I;
export const SESS_F = 2 * END_F;
// int32 fields of an end record (words 0..31)
/** Speaker of the end. */
export const EI_SPK = 0;
/** Configuration flags (C_*). */
export const EI_CFG = 1;
/** RFC 4271 state (ST_*). */
export const EI_ST = 2;
/** Timer generation of connection attempts. */
export const EI_GEN = 3;
/** 1 while the end accepts connections. */
export const EI_LISTEN = 4;
/** Why a connecting end is parked (PARK_*). */
export const EI_PARK = 5;
/** Export profile (-1 none). */
export const EI_PROFILE = 6;
/** Import rule (-1 none). */
export const EI_IMPORT_RULE = 7;
/** Generation of the hold timer. */
export const EI_HOLD_GEN = 8;
/** Log position sent up to. */
export const EI_SENT = 9;
/** Log position delivered up to. */
export const EI_DLV = 10;
/** Batches in flight. */
export const EI_INFLIGHT = 11;
/** In-flight arrivals to drop (torn-down connection). */
export const EI_DROP = 12;
/** Feed of an accepting end that arrives exactly when its peer becomes established (-1 none). */
export const EI_PENDING_FEED = 13;
/** 1 while the peer is restarting gracefully. */
export const EI_GR_ACTIVE = 14;
/** Generation of the graceful-restart timer. */
export const EI_GR_GEN = 15;
/** Error wait before the next start (s). */
export const EI_STARTUP_DELAY = 16;
/** Connection the keepalive cursor belongs to (-1 none). */
export const EI_KA_CONN = 17;
/** Keepalive cursor index. */
export const EI_KA_IDX = 18;
/** Generation when parked. */
export const EI_PARK_GEN = 19;
/** Configured hold time (s). */
export const EI_HOLD_CFG = 20;
/** Configured keepalive time (s, 0 = hold/3). */
export const EI_KA_CFG = 21;
/** Graceful-restart time (s). */
export const EI_GR_TIME = 22;
/** Next-hop mode (NHM_*). */
export const EI_NH_MODE = 23;
/** allowas-in count. */
export const EI_ALLOW_LOCAL_AS = 24;
/** Peering kind (KIND_NAMES index). */
export const EI_KIND = 25;
/** Session field: connection counter (identifies the connection an establishment event belongs to). */
export const EI_SESS_CONN = 26;
// float64 fields of an end record (float64 words 16..31)
/** Time of the last arrival. */
export const EF_LAST_RX = 16;
/** UPDATE messages received. */
export const EF_UPD_RECV = 17;
/** Prefix updates received. */
export const EF_PFX_RECV = 18;
/** Time established (-1 never). */
export const EF_EST_AT = 19;
/** Keepalive stream start. */
export const EF_KA_START = 20;
/** Start of the current connection attempt. */
export const EF_CONN_START = 21;
/** Keepalive cursor time. */
export const EF_KA_TIME = 22;
/** Time parked. */
export const EF_PARK_T0 = 23;
/** Time of the last error. */
export const EF_LAST_ERR_AT = 24;
/** Route-reflector cluster id (-1 none). */
export const EF_CLUSTER_ID = 25;
/** Local AS. */
export const EF_LOCAL_AS = 26;
/** Peer AS. */
export const EF_PEER_AS = 27;
/** Session field: one-way latency (ms). */
export const EF_SESS_DELAY = 28;

/**
 * The ends as 256-byte records in one buffer, seen as int32 (`i32[n * END_I + EI_*]`) and float64
 * (`f64[n * END_F + EF_*]`): an event touches one end pair, so its fields share four adjacent cache lines
 * instead of one line per field array.
 */
export class EndTable {
  count = 0;
  i32 = new Int32Array(16 * END_I);
  f64 = new Float64Array(this.i32.buffer);
  /** BIRD protocol names of non-mesh ends (a mesh end is always `Mesh_<peer address with _>`). */
  readonly protocol = new Map<number, string>();
  /** Remotes that are no speaker of the network: the peering's name and address. */
  readonly unknownPeer = new Map<number, { readonly name: string; readonly ip: string }>();
  /** Last error of an end (absent: none), as `birdc show protocols` prints it. */
  readonly lastError = new Map<number, string>();

  /** Records what a report needs from the peering (the peering object itself is not kept). */
  setPeering(n: number, q: BgpPeering, remoteKnown: boolean): void {
    this.i32[n * END_I + EI_KIND] = q.kind === 'mesh' ? 1 : KIND_NAMES.indexOf(q.kind);
    if (q.kind !== 'mesh') this.protocol.set(n, q.protocolName);
    if (!remoteKnown) this.unknownPeer.set(n, { name: q.peerName, ip: q.peerIp });
  }

  /** BIRD protocol name of end n whose remote address is `peerIp`. */
  protocolName(n: number, peerIp: string): string {
    return this.protocol.get(n) ?? `${this.i32[n * END_I + EI_KIND] === 1 ? 'Mesh' : 'Node'}_${peerIp.replaceAll('.', '_')}`;
  }

  setError(n: number, text: string): void {
    if (text !== '') this.lastError.set(n, text);
    else if (this.lastError.size > 0) this.lastError.delete(n);
  }

  /** Makes room for `n` ends. */
  reserve(n: number): void {
    if (n * END_I > this.i32.length) this.ensure(n);
  }

  /** Appends the two ends of a new session; returns the first end (even). */
  addPair(a: number, b: number): number {
    const n0 = this.count;
    this.count += 2;
    if (this.count * END_I > this.i32.length) this.ensure(this.count);
    const i32 = this.i32;
    const f64 = this.f64;
    i32[n0 * END_I + EI_SPK] = a;
    i32[(n0 + 1) * END_I + EI_SPK] = b;
    for (let n = n0; n < n0 + 2; n++) {
      i32[n * END_I + EI_PROFILE] = -1;
      i32[n * END_I + EI_IMPORT_RULE] = -1;
      i32[n * END_I + EI_PENDING_FEED] = -1;
      i32[n * END_I + EI_KA_CONN] = -1;
      f64[n * END_F + EF_EST_AT] = -1;
      f64[n * END_F + EF_CLUSTER_ID] = -1;
    }
    return n0;
  }

  private ensure(min: number): void {
    const n = Math.max(min, (this.i32.length / END_I) * 2);
    const i32 = new Int32Array(n * END_I);
    i32.set(this.i32);
    this.i32 = i32;
    this.f64 = new Float64Array(i32.buffer);
  }
}
