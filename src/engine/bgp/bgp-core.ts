// engine/bgp: the state of one BGP network on a Simulation — every table the protocol modules read and
// write (speakers, session ends, profiles and logs, attributes, path sets, prefix classes, the per-node
// RIB rows), plus the event kinds registered for it. A hot data holder; behaviour lives in the modules.
import type { Simulation } from '../simulation.js';
import { AttrTable } from './tables/attr-table.js';
import { AttrTransforms } from './tables/attr-transforms.js';
import { DecisionScratch } from './decision/decision.js';
import { EndIndex } from './tables/end-index.js';
import { EndTable } from './tables/end-table.js';
import { FilterProfiles } from './decision/export-filter.js';
import { grow } from '../../lib/containers/growable.js';
import { HoleLog } from './reports/holes.js';
import { IntPairMap } from '../../lib/containers/int-pair-map.js';
import { NextHopGroups } from './tables/next-hop-groups.js';
import { PathSets } from './tables/path-sets.js';
import { PrefixClasses } from './tables/prefix-classes.js';
import { SpeakerTable } from './tables/speaker-table.js';
import type { ResolvedBgpOptions } from './types.js';
import { E_ATTR, E_CLS, E_ELEM, E_FROM, E_NEW, E_OLD, E_PID, E_RULE, E_SEQ, ENTRY, ProfileTable } from './tables/update-log.js';
import { IntList } from '../../lib/containers/int-list.js';

/** Integer event kinds of the network (see bgp-events.ts). */
export interface BgpKinds {
  readonly connect: number;
  readonly connectBatch: number;
  readonly startup: number;
  readonly syn: number;
  readonly refused: number;
  readonly retry: number;
  readonly estPassive: number;
  readonly estActive: number;
  readonly hold: number;
  readonly gr: number;
  readonly notifyCease: number;
  readonly notifyError: number;
  readonly rst: number;
  readonly flush: number;
  readonly update: number;
  readonly feed: number;
  readonly change: number;
}

/** Link state between two speakers. */
export const LINK_RESET = 1;
export const LINK_SILENT = 2;

/** Convergence bookkeeping of one applied change; `last` is -1 until a route changes. The times are
 *  declared as -0 (only ever a double in V8) before the constructor sets them: a field first given a small
 *  integer (0, -1) turns double at a fractional time, deprecating the shape and deoptimising the RIB code
 *  that records route changes (noteRouteChange, inlined into onChange and deliver). */
export class ChangeState {
  readonly at: number = -0;
  last: number = -0;
  count = 0;
  constructor(
    readonly label: string,
    at: number,
  ) {
    this.at = at;
    this.last = -1;
  }
}

/** A receiving node's next-hop context: its subnet (len 0: everything is on-link), and whether next hops
 *  beyond it resolve (through the default route) or are unreachable. */
export interface ResolveCtx {
  readonly base: number;
  readonly len: number;
  readonly anyRoute: boolean;
}

export class BgpCore {
  readonly attrs = new AttrTable();
  readonly xf = new AttrTransforms(this.attrs);
  readonly sets = new PathSets();
  readonly groups = new NextHopGroups();
  readonly scratch = new DecisionScratch();
  readonly classes = new PrefixClasses();
  readonly filters = new FilterProfiles();
  readonly spk = new SpeakerTable();
  readonly ends = new EndTable();
  readonly profiles = new ProfileTable();
  sessions = 0;
  /** (speaker, remote speaker) → end of the speaker's session with it. */
  readonly endOf = new EndIndex();
  /** `tenant|ip` → speaker. */
  readonly byIp = new Map<string, number>();
  /** tenant → dotted address text → speaker (configuration lookups). */
  readonly byIpText = new Map<string, Map<string, number>>();
  /** `tenant/name` (and bare `name` when unambiguous) → speaker. */
  readonly byName = new Map<string, number>();
  /** (min speaker, max speaker) → LINK_RESET / LINK_SILENT while a link is down. */
  readonly links = new IntPairMap(64);
  /** Path-set pool size that triggers the next set collection (set-gc.ts). */
  setGcAt = 1 << 22;
  /** Speakers down and links down right now (fast paths when nothing has failed). */
  downSpeakers = 0;
  downLinks = 0;
  /** Session → deliveries held while its link is silently down: flattened (kind, a, b). */
  readonly deferred = new Map<number, number[]>();
  /** Feeds in flight (the whole export for a newly established session): an arena where a feed is its
   *  entry count followed by its entries; the arena restarts whenever no feed is in flight. */
  feedArena = new Int32Array(1 << 12);
  feedHead = 0;
  feedLive = 0;
  /** Bumped whenever the arena restarts (cached feed positions die with it). */
  feedEpoch = 0;
  /** Per speaker: bumped on every RIB change, and on changes of classes holding local/EBGP paths. */
  ribVersion = new Int32Array(16);
  openVersion = new Int32Array(16);
  /** Per speaker: the span [cellLo, cellHi) of classes whose RIB cell may be non-empty (every cell outside
   *  it is empty), so scans of a row read only that span: a tenant's node holds its own tenant's classes,
   *  a few dozen of the platform's thousands. Widened whenever a cell becomes non-empty (`holdCell`). */
  cellLo = new Int32Array(16);
  cellHi = new Int32Array(16);
  /** Bumped by anything that changes export verdicts without a RIB change (filters, origination). */
  exportEpoch = 0;
  /** Per speaker: set id per class, and hole-tracking flags per class. */
  readonly rows: Int32Array[] = [];
  readonly rowFlags: Uint8Array[] = [];
  classCap = 0;
  /** Next-hop resolution contexts: 0 = default route; others a subnet. */
  readonly resolveCtx: ResolveCtx[] = [{ base: 0, len: 0, anyRoute: true }];
  /** (base · 64 + len) · 2 + anyRoute → index in resolveCtx (contexts after the first), so a speaker's is
   *  found without a scan: a platform has a context per node subnet, hundreds of them. */
  readonly resolveCtxIds = new Map<number, number>();
  readonly changes: ChangeState[] = [];
  routeChanges = 0;
  readonly holes = new HoleLog();
  /** BIRD's route list (elements, best first) of each cell whose class is `ordered` (bird-order.ts). */
  readonly birdLists = new Map<number, number[]>();
  /** Prefix lengths of all affine blocks seen (calico_aggr containment lookups). */
  readonly blockLens: number[] = [];
  /** Connect timers armed one after another for one instant, with no other event scheduled in between,
   *  share an event and fire in the order they were armed: exactly the order of one event each (Calico's
   *  connect delay of 2 s has no jitter, so the ends started together open their sessions at once).
   *  Batch id → ends, gens. */
  readonly batchEnds: IntList[] = [];
  /** An emptied batch list, reused by the next batch. */
  private spareBatch: IntList | null = null;
  readonly batchTime: number[] = [];
  readonly freeBatches: number[] = [];
  /** The batch that connect timers for its instant may join (-1 none), and the queue's push count after
   *  it was scheduled (a timer joins only while that is still the count). */
  private openBatch = -1;
  private openPushed = -1;
  /** Set by bgp-events.ts when the kinds are registered. */
  kinds!: BgpKinds;

  constructor(
    readonly sim: Simulation,
    readonly opt: ResolvedBgpOptions,
    readonly seed: number,
  ) {}

  /** Appends a session between speakers a and b (b may be -1: unknown remote); returns its first end. */
  addSession(a: number, b: number, delay: number): number {
    this.sessions++;
    const n = this.ends.addPair(a, b, delay);
    this.spk.ends[a]?.push(n);
    if (b >= 0) this.spk.ends[b]?.push(n + 1);
    if (b >= 0) {
      this.endOf.set(a, b, n);
      this.endOf.set(b, a, n + 1);
    }
    return n;
  }

  /** Adds the RIB row of a new speaker. */
  addRow(): void {
    const y = this.rows.length;
    if (y + 1 > this.ribVersion.length) {
      this.ribVersion = grow(this.ribVersion, y + 1);
      this.openVersion = grow(this.openVersion, y + 1);
      this.cellLo = grow(this.cellLo, y + 1);
      this.cellHi = grow(this.cellHi, y + 1);
    }
    this.cellLo[y] = 0x7fffffff;
    this.cellHi[y] = 0;
    this.rows.push(new Int32Array(this.classCap));
    this.rowFlags.push(new Uint8Array(this.classCap));
  }

  /** Cell (y, c) is becoming non-empty: widens y's span of possibly non-empty cells to cover it. */
  holdCell(y: number, c: number): void {
    if (c < (this.cellLo[y] as number)) this.cellLo[y] = c;
    if (c >= (this.cellHi[y] as number)) this.cellHi[y] = c + 1;
  }

  /** Every cell of y's row was emptied. */
  emptyRow(y: number): void {
    (this.rows[y] as Int32Array).fill(0);
    this.cellLo[y] = 0x7fffffff;
    this.cellHi[y] = 0;
  }

  /** Makes room for `n` classes in every row. */
  ensureClasses(n: number): void {
    if (n <= this.classCap) return;
    let cap = Math.max(64, this.classCap);
    while (cap < n) cap *= 2;
    // Every row is a view into one buffer: thousands of separate typed arrays would each be an external
    // allocation, and their growth the trigger of collections (large.yaml: 2,020 rows of 2,048 classes).
    const cells = new Int32Array(cap * this.rows.length);
    const flags = new Uint8Array(cap * this.rows.length);
    for (let y = 0; y < this.rows.length; y++) {
      const r = cells.subarray(y * cap, (y + 1) * cap);
      r.set(this.rows[y] as Int32Array);
      this.rows[y] = r;
      const f = flags.subarray(y * cap, (y + 1) * cap);
      f.set(this.rowFlags[y] as Uint8Array);
      this.rowFlags[y] = f;
    }
    this.classCap = cap;
  }

  linkState(a: number, b: number): number {
    if (this.downLinks === 0) return 0;
    const v = a < b ? this.links.get(a, b) : this.links.get(b, a);
    return v < 0 ? 0 : v;
  }

  /** True when a and b can exchange packets now. */
  pathUp(a: number, b: number): boolean {
    return b >= 0 && this.spk.alive[a] === 1 && this.spk.alive[b] === 1 && this.linkState(a, b) === 0;
  }

  /** Arms end n's connect timer (generation g) to fire at time t. */
  armConnect(n: number, t: number, g: number): void {
    let b = this.openBatch;
    if (b < 0 || this.batchTime[b] !== t || this.sim.queue.pushed !== this.openPushed) {
      b = this.freeBatches.pop() ?? this.batchEnds.length;
      if (b === this.batchEnds.length) {
        this.batchEnds.push(new IntList());
        this.batchTime.push(t);
      }
      this.batchTime[b] = t;
      this.openBatch = b;
      this.sim.at(t, this.kinds.connectBatch, b, 0);
      this.openPushed = this.sim.queue.pushed;
    }
    const list = this.batchEnds[b] as IntList;
    list.push(n);
    list.push(g);
  }

  /** Takes the ends and generations of a fired batch (the list is the caller's until `releaseBatch`). */
  takeBatch(b: number): IntList {
    const list = this.batchEnds[b] as IntList;
    this.batchEnds[b] = this.spareBatch ?? new IntList();
    this.spareBatch = null;
    if (this.openBatch === b) this.openBatch = -1;
    this.freeBatches.push(b);
    return list;
  }

  releaseBatch(list: IntList): void {
    list.length = 0;
    this.spareBatch = list;
  }

  /** Opens a feed at the arena head; returns its position. */
  beginFeed(): number {
    const pos = this.feedHead;
    if (pos + 1 > this.feedArena.length) this.feedArena = grow(this.feedArena, pos + 1);
    this.feedArena[pos] = 0;
    this.feedHead = pos + 1;
    this.feedLive++;
    return pos;
  }

  /** Appends one entry to the feed opened at `pos` (the last one opened). */
  pushFeed(pos: number, cls: number, pid: number, attr: number, from: number, seq: number): void {
    const i = this.feedHead;
    if (i + ENTRY > this.feedArena.length) this.feedArena = grow(this.feedArena, i + ENTRY);
    const a = this.feedArena;
    a[i + E_CLS] = cls;
    a[i + E_PID] = pid;
    a[i + E_ATTR] = attr;
    a[i + E_FROM] = from;
    a[i + E_SEQ] = seq;
    a[i + E_RULE] = -1;
    a[i + E_ELEM] = -1;
    a[i + E_OLD] = -1;
    a[i + E_NEW] = -1;
    this.feedHead = i + ENTRY;
    a[pos]++;
  }

  releaseFeed(): void {
    if (--this.feedLive === 0) {
      this.feedHead = 0;
      this.feedEpoch++;
    }
  }

  /** Records a Loc-RIB change (convergence accounting). */
  noteRouteChange(): void {
    const now = this.sim.now;
    this.routeChanges++;
    const ch = this.changes[this.changes.length - 1];
    if (ch) {
      ch.last = now;
      ch.count++;
    }
  }
}
