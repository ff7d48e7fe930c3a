// engine/bgp: the two ends of every session (BIRD `protocol bgp` instances). End n belongs to session
// n >> 1; its peer end is n ^ 1. RFC 4271 state, timer generations (a pending timer event carries the
// generation it was armed with and is ignored when it changed), update-stream cursors and counters live
// in a 128-byte record per end, so an event touching one session's ends touches 256 adjacent bytes; the
// configuration is interned (a mesh node's ends share one) and rarely used state (keepalive cursor,
// parked attempts, errors, graceful-restart generation) sits in arrays that stay untouched until needed.
// An initial build stages its sessions compactly and lays the table out afterwards (session-order.ts).
import type { BgpPeering } from '../../../model/bgp/types.js';
import { grow } from '../../../lib/containers/growable.js';

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
/** The end's number when it was created (the table may be laid out in another order): keys its timer
 *  draws. Word 15, after the uint8 fields. */
export const EI_KEY = 15;
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

/** The sessions of an initial build before the table is laid out, in creation order: a 32-byte record
 *  each of what configuring writes — both ends' speakers, configuration ids and flags — and the latency
 *  (int32 words 0-1, 2-3, 4-5; float64 word 3), so that laying one out reads one cache line. */
const STAGED_I = 8;
const STAGED_F = 4;
const SG_SPK = 0;
const SG_CONF = 2;
const SG_CFG = 4;
const SG_DELAY = 3;

/** Int32 word of end n's field `f` (SG_SPK, SG_CONF, SG_CFG) in the staged records. */
function stagedWord(n: number, f: number): number {
  return (n >> 1) * STAGED_I + f + (n & 1);
}

class StagedEnds {
  i32: Int32Array;
  f64: Float64Array;

  constructor(sessions: number) {
    this.f64 = new Float64Array(sessions * STAGED_F);
    this.i32 = new Int32Array(this.f64.buffer);
  }

  /** Makes room for `sessions` sessions. */
  room(sessions: number): void {
    if (sessions * STAGED_I <= this.i32.length) return;
    this.f64 = grow(this.f64, sessions * STAGED_F);
    this.i32 = new Int32Array(this.f64.buffer);
  }
}

/** The staged sessions in layout order (session order[p] at p). One tight loop of reads at random places
 *  keeps many cache misses in flight at once; read in place's long per-session step instead, each missed
 *  alone (B5: 499,500 sessions). The words are copied as int32, so the latency's bits are kept exactly. */
function gather(st: StagedEnds, order: Int32Array): StagedEnds {
  const out = new StagedEnds(order.length);
  const from = st.i32;
  const to = out.i32;
  for (let p = 0; p < order.length; p++) {
    const w = (order[p] as number) * STAGED_I;
    const o = p * STAGED_I;
    for (let j = 0; j < STAGED_I; j++) to[o + j] = from[w + j] as number;
  }
  return out;
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
  /** Called with an end just before its state, configuration or speaker's liveness changes, while a recorder
   *  asks for it (emit/viz/record-history.ts); null otherwise, at no cost. */
  beforeChange: ((n: number) => void) | null = null;

  /** Set by `stage` until `layOut`; then what `place` reads. */
  private staged: StagedEnds | null = null;
  private placing: StagedEnds | null = null;
  private order: Int32Array | null = null;

  /** Configuration of end n. */
  conf(n: number): EndConf {
    return this.confs[this.confId(n)] as EndConf;
  }

  /** Sets end n's configuration (interned: equal configurations share an id). */
  setConf(n: number, c: EndConf): void {
    this.setConfId(n, this.intern(c));
  }

  // Configuring reads and writes through these, so that it works on staged ends too.
  confId(n: number): number {
    return this.staged !== null ? (this.staged.i32[stagedWord(n, SG_CONF)] as number) : (this.i32[n * END_I + EI_CONF] as number);
  }

  setConfId(n: number, id: number): void {
    if (this.staged !== null) this.staged.i32[stagedWord(n, SG_CONF)] = id;
    else this.i32[n * END_I + EI_CONF] = id;
  }

  /** Configuration flags (C_*) of end n. */
  cfg(n: number): number {
    return this.staged !== null ? (this.staged.i32[stagedWord(n, SG_CFG)] as number) : (this.u8[n * END_B + EB_CFG] as number);
  }

  setCfg(n: number, flags: number): void {
    if (this.staged !== null) this.staged.i32[stagedWord(n, SG_CFG)] = flags;
    else {
      this.willChange(n);
      this.u8[n * END_B + EB_CFG] = flags;
    }
  }

  /** Sets end n's RFC 4271 state (ST_*). */
  setState(n: number, st: number): void {
    this.willChange(n);
    this.u8[n * END_B + EB_ST] = st;
  }

  /** Announces that end n's state, configuration or speaker's liveness is about to change. */
  willChange(n: number): void {
    if (this.beforeChange !== null) this.beforeChange(n);
  }

  /** Announces that the liveness of the speaker owning `ends` is about to change. */
  willChangeAll(ends: Int32Array): void {
    if (this.beforeChange !== null) for (const n of ends) this.beforeChange(n);
  }

  /** Speaker of end n (-1: a remote that is no speaker). */
  spkOf(n: number): number {
    return this.staged !== null ? (this.staged.i32[stagedWord(n, SG_SPK)] as number) : (this.i32[n * END_I + EI_SPK] as number);
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
    // One path for clearing whether or not errors exist yet: compiled code that never saw the delete would
    // deoptimise at the first establishment after an error.
    if (text !== '') this.lastError.set(n, text);
    else this.lastError.delete(n);
  }

  /** Makes room for `n` ends. */
  reserve(n: number): void {
    if (this.staged !== null) this.staged.room((n + 1) >> 1);
    else if (n * END_B > this.u8.length) this.ensure(n);
  }

  /** Appends the two ends of a new session between speakers a and b with one-way latency `delay` (ms);
   *  returns the first end (even). */
  addPair(a: number, b: number, delay: number): number {
    const n0 = this.count;
    this.count += 2;
    const st = this.staged;
    if (st !== null) {
      const k = n0 >> 1;
      st.room(k + 1);
      st.i32[stagedWord(n0, SG_SPK)] = a;
      st.i32[stagedWord(n0 + 1, SG_SPK)] = b;
      st.f64[k * STAGED_F + SG_DELAY] = delay;
      return n0;
    }
    if (this.count * END_B > this.u8.length) this.ensure(this.count);
    this.initPair(n0, n0, a, b, delay);
    return n0;
  }

  /** Writes a new session's records at ends n0, n0 + 1: created as ends key, key + 1. */
  private initPair(n0: number, key: number, a: number, b: number, delay: number): void {
    const i32 = this.i32;
    const f64 = this.f64;
    i32[n0 * END_I + EI_SPK] = a;
    i32[(n0 + 1) * END_I + EI_SPK] = b;
    for (let j = 0; j < 2; j++) {
      const n = n0 + j;
      i32[n * END_I + EI_KEY] = key + j;
      i32[n * END_I + EI_PROFILE] = -1;
      i32[n * END_I + EI_IMPORT_RULE] = -1;
      i32[n * END_I + EI_PENDING_FEED] = -1;
      f64[n * END_F + EF_EST_AT] = -1;
    }
    f64[(n0 >> 1) * SESS_F + EF_SESS_DELAY] = delay;
  }

  /** From now until `layOut`, new ends are staged (the table holds none yet). */
  stage(): void {
    if (this.count > 0) throw new Error('staging starts on an empty table');
    this.staged = new StagedEnds(16);
  }

  /** One-way latency of every staged session, in creation order. */
  stagedDelays(): Float64Array {
    const f64 = (this.staged as StagedEnds).f64;
    const out = new Float64Array(this.count >> 1);
    for (let k = 0; k < out.length; k++) out[k] = f64[k * STAGED_F + SG_DELAY] as number;
    return out;
  }

  /**
   * Ends staging: session `order[p]` (creation order) is to be session p, written by `place(p)`. Renames
   * the ends in the maps keyed by end; returns the new number of each created session.
   */
  layOut(order: Int32Array): Int32Array {
    const sessions = this.count >> 1;
    this.placing = gather(this.staged as StagedEnds, order);
    this.order = order;
    this.staged = null;
    if (this.count * END_B > this.u8.length) this.ensure(this.count);
    const at = new Int32Array(sessions);
    for (let p = 0; p < sessions; p++) at[order[p] as number] = p;
    const renamed = (n: number): number => 2 * (at[n >> 1] as number) + (n & 1);
    for (const m of [this.protocol, this.unknownPeer, this.lastError] as Map<number, unknown>[]) {
      const entries = [...m];
      m.clear();
      for (const [n, v] of entries) m.set(renamed(n), v);
    }
    return at;
  }

  /** Writes the records of session p from the staged session laid out there. */
  place(p: number): void {
    const st = this.placing as StagedEnds;
    const k = (this.order as Int32Array)[p] as number;
    const w = p * STAGED_I;
    this.initPair(2 * p, 2 * k, st.i32[w + SG_SPK] as number, st.i32[w + SG_SPK + 1] as number, st.f64[p * STAGED_F + SG_DELAY] as number);
    for (let j = 0; j < 2; j++) {
      this.u8[(2 * p + j) * END_B + EB_CFG] = st.i32[w + SG_CFG + j] as number;
      this.i32[(2 * p + j) * END_I + EI_CONF] = st.i32[w + SG_CONF + j] as number;
    }
  }

  /** Every session is placed: drops the staged ends. */
  placed(): void {
    this.placing = null;
    this.order = null;
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
