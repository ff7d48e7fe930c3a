// engine/bgp: export profiles and their update logs. The ends of one speaker that share every setting
// that shapes what is sent (IBGP/EBGP, rr client and cluster id, local AS, next-hop mode, ADD-PATH) form a
// profile; a route change is turned into UPDATE entries once per profile and appended to its log, and
// each established end keeps a cursor into the log. A batch sent to a peer is just a log range, so a
// reflector with 5,000 clients stores each change once, not 5,000 times.
import { grow } from '../../../lib/containers/growable.js';
import { IntList } from '../../../lib/containers/int-list.js';

/** Log entry layout (int32 each): class, path id, attributes (-1 withdraw), sender-side source speaker,
 *  class split sequence at generation, and caches filled by receivers: the import (rule id, element id)
 *  and the last RIB transition (set before → set after), which most receivers share. */
export const E_CLS = 0;
export const E_PID = 1;
export const E_ATTR = 2;
export const E_FROM = 3;
export const E_SEQ = 4;
export const E_RULE = 5;
export const E_ELEM = 6;
export const E_OLD = 7;
export const E_NEW = 8;
export const ENTRY = 9;

/** The log of a profile nothing was appended to: most never get an entry (a mesh node's IBGP profile
 *  exports only its own routes), so a log is allocated on the first append, FIRST_LOG entries long. */
const NO_LOG = new Int32Array(0);
const FIRST_LOG = 64;

export const P_INTERNAL = 1;
export const P_RR_CLIENT = 2;
export const P_ADD_PATH = 4;

export class ProfileTable {
  count = 0;
  spk = new Int32Array(16);
  flags = new Uint8Array(16);
  clusterId = new Float64Array(16);
  localAs = new Float64Array(16);
  /** Export rewrite ids for learned and for locally originated routes. */
  learnRule = new Int32Array(16);
  localRule = new Int32Array(16);
  /** Import rule of the profile's ends. */
  importRule = new Int32Array(16);
  nhMode = new Uint8Array(16);
  allowLocalAs = new Int32Array(16);
  /** The last feed built for the profile (arena position, arena epoch, RIB version, export epoch). */
  feedPos = new Int32Array(16);
  feedEpoch = new Int32Array(16);
  feedVersion = new Int32Array(16);
  feedExport = new Int32Array(16);
  /** Established ends of the profile. */
  active = new Int32Array(16);
  flushPending = new Uint8Array(16);
  logBase = new Int32Array(16);
  logLen = new Int32Array(16);
  readonly ends: IntList[] = [];
  readonly logs: Int32Array[] = [];
  readonly keys: string[] = [];

  add(spk: number, key: string, flags: number, clusterId: number, localAs: number, learnRule: number, localRule: number): number {
    const p = this.count++;
    const n = p + 1;
    this.spk = grow(this.spk, n);
    this.flags = grow(this.flags, n);
    this.clusterId = grow(this.clusterId, n);
    this.localAs = grow(this.localAs, n);
    this.learnRule = grow(this.learnRule, n);
    this.localRule = grow(this.localRule, n);
    this.importRule = grow(this.importRule, n);
    this.nhMode = grow(this.nhMode, n);
    this.allowLocalAs = grow(this.allowLocalAs, n);
    this.feedPos = grow(this.feedPos, n);
    this.feedEpoch = grow(this.feedEpoch, n);
    this.feedVersion = grow(this.feedVersion, n);
    this.feedExport = grow(this.feedExport, n);
    this.feedPos[p] = -1;
    this.active = grow(this.active, n);
    this.flushPending = grow(this.flushPending, n);
    this.logBase = grow(this.logBase, n);
    this.logLen = grow(this.logLen, n);
    this.spk[p] = spk;
    this.flags[p] = flags;
    this.clusterId[p] = clusterId;
    this.localAs[p] = localAs;
    this.learnRule[p] = learnRule;
    this.localRule[p] = localRule;
    this.ends.push(new IntList());
    this.logs.push(NO_LOG);
    this.keys.push(key);
    return p;
  }

  /** Absolute position just past the last entry. */
  end(p: number): number {
    return (this.logBase[p] as number) + (this.logLen[p] as number);
  }

  append(p: number, cls: number, pid: number, attr: number, from: number, seq: number): void {
    const len = this.logLen[p] as number;
    let log = this.logs[p] as Int32Array;
    if ((len + 1) * ENTRY > log.length) {
      log = log === NO_LOG ? new Int32Array(FIRST_LOG * ENTRY) : grow(log, (len + 1) * ENTRY);
      this.logs[p] = log;
    }
    const i = len * ENTRY;
    log[i + E_CLS] = cls;
    log[i + E_PID] = pid;
    log[i + E_ATTR] = attr;
    log[i + E_FROM] = from;
    log[i + E_SEQ] = seq;
    log[i + E_RULE] = -1;
    log[i + E_ELEM] = -1;
    log[i + E_OLD] = -1;
    log[i + E_NEW] = -1;
    this.logLen[p] = len + 1;
  }

  /** Drops the transition caches (set ids changed). */
  clearCaches(): void {
    for (let p = 0; p < this.count; p++) {
      const log = this.logs[p] as Int32Array;
      const len = this.logLen[p] as number;
      for (let i = 0; i < len; i++) log[i * ENTRY + E_OLD] = -1;
    }
  }

  /** Forgets entries before absolute position `pos` (every reader is past it). */
  trim(p: number, pos: number): void {
    const base = this.logBase[p] as number;
    const drop = pos - base;
    if (drop <= 0) return;
    const len = this.logLen[p] as number;
    const log = this.logs[p] as Int32Array;
    log.copyWithin(0, drop * ENTRY, len * ENTRY);
    this.logBase[p] = pos;
    this.logLen[p] = len - drop;
  }
}
