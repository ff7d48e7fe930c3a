// engine/bgp: the attribute rewrites of export and import, memoised per (attribute id, rewrite id) —
// BIRD proto/bgp/attrs.c: bgp_create_attrs (local routes), bgp_update_attrs (learned routes, with RFC
// 4456 reflection), bgp_decode_attrs normalisation and loop checks on receipt.
import type { AttrTable, PathAttrs } from './attr-table.js';
import { ABSENT, IntPairMap } from '../../../lib/containers/int-pair-map.js';

/** Next-hop rewrite on export. */
export const NH_KEEP = 0;
export const NH_SELF = 1;
/** Keep a non-zero next hop, else self (BIRD default for IBGP). */
export const NH_KEEP_NONZERO = 2;

/** How a speaker rewrites a route it sends over one kind of session. */
export interface ExportRewrite {
  /** AS to prepend (EBGP), or -1. */
  readonly prependAs: number;
  /** Prepend only when the path does not already start with `prependAs` (external peers' own routes). */
  readonly prependIfAbsent: boolean;
  readonly nextHopMode: number;
  /** This speaker's address (`source address`), used by NH_SELF. */
  readonly self: number;
  /** BIRD sets MED to 0 when sending a route to another AS (attrs.c bgp_update_attrs). */
  readonly resetMed: boolean;
  /** Locally originated route: next hop self whatever the mode (bgp_create_attrs: blackhole/device routes). */
  readonly local: boolean;
}

/** How a speaker normalises and checks a route received over one kind of session. */
export interface ImportRule {
  readonly ebgp: boolean;
  readonly localAs: number;
  /** `allow local as N` (Calico numAllowedLocalASNumbers); 0 = reject any path holding the local AS. */
  readonly allowLocalAs: number;
  readonly rrClient: boolean;
  readonly clusterId: number;
  /** Next-hop resolution context of the receiving node (BgpCore.resolveCtx index); not a rewrite. */
  readonly ctx: number;
}

/** Memoised attribute rewrites over one AttrTable. */
export class AttrTransforms {
  private readonly exportRules: ExportRewrite[] = [];
  private readonly importRules: ImportRule[] = [];
  private readonly ruleIds = new Map<string, number>();
  private readonly exportMemo = new IntPairMap(1024);
  private readonly importMemo = new IntPairMap(1024);
  private readonly originatorMemo = new IntPairMap(1024);
  private readonly clusterMemo = new IntPairMap(1024);

  constructor(readonly attrs: AttrTable) {}

  exportRuleId(r: ExportRewrite): number {
    return this.ruleId(`e${r.prependAs}|${r.prependIfAbsent}|${r.nextHopMode}|${r.self}|${r.resetMed}|${r.local}`, r, this.exportRules);
  }

  importRuleId(r: ImportRule): number {
    return this.ruleId(`i${r.ebgp}|${r.localAs}|${r.allowLocalAs}|${r.rrClient}|${r.clusterId}|${r.ctx}`, r, this.importRules);
  }

  importRule(id: number): ImportRule {
    return this.importRules[id] as ImportRule;
  }

  /** The attributes sent for `attr` under export rule `rule`. */
  exported(attr: number, rule: number): number {
    const m = this.exportMemo.get(attr, rule);
    if (m !== ABSENT) return m;
    const a = this.attrs.get(attr);
    const r = this.exportRules[rule] as ExportRewrite;
    let asPath = a.asPath;
    if (r.prependAs >= 0 && !(r.prependIfAbsent && asPath[0] === r.prependAs)) asPath = [r.prependAs, ...asPath];
    const keep = r.nextHopMode === NH_KEEP || (r.nextHopMode === NH_KEEP_NONZERO && a.nextHop !== 0);
    const out: PathAttrs = {
      ...a,
      asPath,
      nextHop: r.local || !keep ? r.self : a.nextHop,
      med: r.resetMed && a.med >= 0 ? 0 : a.med,
    };
    const id = this.attrs.intern(out);
    this.exportMemo.set(attr, rule, id);
    return id;
  }

  /** The attributes stored for a route received with `attr` under import rule `rule`, or -1 (loop). */
  imported(attr: number, rule: number): number {
    const m = this.importMemo.get(attr, rule);
    if (m !== ABSENT) return m;
    const a = this.attrs.get(attr);
    const r = this.importRules[rule] as ImportRule;
    let id: number;
    const own = a.asPath.reduce((n, as) => (as === r.localAs ? n + 1 : n), 0);
    if (own > r.allowLocalAs || (r.rrClient && a.clusterList.includes(r.clusterId))) id = -1;
    else if (r.ebgp) {
      // LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST are not accepted from EBGP (allow_in_ebgp = 0).
      id = this.attrs.intern({ ...a, localPref: 100, originatorId: -1, clusterList: [] });
    } else id = a.localPref >= 0 ? attr : this.attrs.intern({ ...a, localPref: 100 });
    this.importMemo.set(attr, rule, id);
    return id;
  }

  /** RFC 4456 §8: ORIGINATOR_ID is set by the reflector when absent, never overwritten. */
  withOriginator(attr: number, routerId: number): number {
    if (this.attrs.get(attr).originatorId >= 0) return attr;
    const m = this.originatorMemo.get(attr, routerId | 0);
    if (m !== ABSENT) return m;
    const id = this.attrs.intern({ ...this.attrs.get(attr), originatorId: routerId });
    this.originatorMemo.set(attr, routerId | 0, id);
    return id;
  }

  /** RFC 4456 §8: the reflector prepends its CLUSTER_ID to CLUSTER_LIST. */
  withCluster(attr: number, clusterId: number): number {
    const m = this.clusterMemo.get(attr, clusterId | 0);
    if (m !== ABSENT) return m;
    const a = this.attrs.get(attr);
    const id = this.attrs.intern({ ...a, clusterList: [clusterId, ...a.clusterList] });
    this.clusterMemo.set(attr, clusterId | 0, id);
    return id;
  }

  private ruleId<T>(key: string, r: T, list: T[]): number {
    const known = this.ruleIds.get(key);
    if (known !== undefined) return known;
    list.push(r);
    this.ruleIds.set(key, list.length - 1);
    return list.length - 1;
  }
}
