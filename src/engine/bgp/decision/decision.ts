// engine/bgp: the BGP decision process (RFC 4271 §9.1.2 with RFC 4456 §9) twice: `selectBestReference`
// written straight from the RFC text over plain objects, and `selectBestFast` over typed scratch arrays
// used by the engine; property tests hold them equal. Both eliminate step by step (MED only among routes
// with the same neighbouring AS, an empty AS_PATH meaning the local AS), so the answer never depends on
// arrival order: BIRD with `deterministic med`. Calico's bird.cfg leaves that off and BIRD compares each
// new route only with the current best; where MEDs can conflict the engine follows that instead
// (bird-order.ts). Step e (IGP metric) is 0 on-link and unknown beyond the gateway (set-decision.ts, F_FAR).

/** One candidate route as the decision process sees it. */
export interface PathView {
  /** Protocol preference (BIRD: static 200, BGP 100, kernel 10); compared first, highest wins. */
  readonly preference: number;
  /** Locally originated (static/kernel): never merged into ECMP. */
  readonly local: boolean;
  readonly localPref: number;
  readonly asPath: readonly number[];
  /** 0 IGP, 1 EGP, 2 INCOMPLETE. */
  readonly origin: number;
  /** Missing MED counts as 0 (RFC 4271 §9.1.2.2 c; BIRD `default bgp_med` 0). */
  readonly med?: number;
  /** AS of the session the route came from (the local AS for IBGP): neighbour AS when AS_PATH is empty. */
  readonly peerAs: number;
  readonly ebgp: boolean;
  readonly igpCost: number;
  /** BGP Identifier of the advertising speaker (unsigned). */
  readonly bgpId: number;
  /** Replaces bgpId in step f when present (RFC 4456 §9). */
  readonly originatorId?: number;
  readonly clusterListLength: number;
  readonly peerAddress: number;
  readonly resolvable: boolean;
}

function neighbourAs(p: PathView): number {
  return p.asPath.length > 0 ? (p.asPath[0] as number) : p.peerAs;
}

/** Index of the best path (lowest index among complete ties), or -1 when none is eligible. */
export function selectBestReference(paths: readonly PathView[], localAs: number): number {
  // §9.1.2: routes with an unresolvable NEXT_HOP, or whose AS_PATH holds the local AS, are excluded.
  let c = paths.map((p, i) => ({ p, i })).filter(({ p }) => p.resolvable && !p.asPath.includes(localAs));
  if (c.length === 0) return -1;
  const keepMax = (f: (p: PathView) => number): void => {
    const m = Math.max(...c.map((x) => f(x.p)));
    c = c.filter((x) => f(x.p) === m);
  };
  const keepMin = (f: (p: PathView) => number): void => {
    const m = Math.min(...c.map((x) => f(x.p)));
    c = c.filter((x) => f(x.p) === m);
  };
  keepMax((p) => p.preference);
  keepMax((p) => p.localPref); // §9.1.1 degree of preference
  keepMin((p) => p.asPath.length); // a
  keepMin((p) => p.origin); // b
  // c: remove every route that a route with the same neighbouring AS beats on MED (elimination).
  const med = (p: PathView): number => p.med ?? 0;
  const before = c;
  c = before.filter((x) => !before.some((y) => neighbourAs(y.p) === neighbourAs(x.p) && med(y.p) < med(x.p)));
  if (c.some((x) => x.p.ebgp)) c = c.filter((x) => x.p.ebgp); // d
  keepMin((p) => p.igpCost); // e
  keepMin((p) => p.originatorId ?? p.bgpId); // f, RFC 4456 §9 a
  keepMin((p) => p.clusterListLength); // RFC 4456 §9 b
  keepMin((p) => p.peerAddress); // g
  return (c[0] as { i: number }).i;
}

/**
 * Whether `other` joins `best` in the kernel's multipath route (BIRD nest rte_mergable + proto/bgp
 * bgp_rte_mergable, used by Calico's `merge paths on`): both BGP, same preference, `other` resolvable, and
 * a tie on LOCAL_PREF, AS_PATH length, ORIGIN, MED (only when the neighbouring AS is the same), EBGP/IBGP
 * and IGP cost — steps a to e; router id, cluster list and peer address (f, f′, g) are ignored.
 */
export function mergeableReference(best: PathView, other: PathView, localAs: number): boolean {
  if (best.local || other.local || !other.resolvable || other.asPath.includes(localAs)) return false;
  if (best.preference !== other.preference || best.localPref !== other.localPref) return false;
  if (best.asPath.length !== other.asPath.length || best.origin !== other.origin) return false;
  if (neighbourAs(best) === neighbourAs(other) && (best.med ?? 0) !== (other.med ?? 0)) return false;
  return best.ebgp === other.ebgp && best.igpCost === other.igpCost;
}

/** Typed scratch arrays the fast decision reads; `load` fills entry i. Unsigned values as doubles. */
export class DecisionScratch {
  n = 0;
  pref = new Float64Array(16);
  lp = new Float64Array(16);
  pathLen = new Int32Array(16);
  origin = new Int32Array(16);
  med = new Float64Array(16);
  nas = new Float64Array(16);
  ebgp = new Uint8Array(16);
  igp = new Float64Array(16);
  rid = new Float64Array(16);
  clLen = new Int32Array(16);
  peer = new Float64Array(16);
  /** 1 when eligible (resolvable, no AS loop). */
  ok = new Uint8Array(16);
  alive = new Uint8Array(16);
  local = new Uint8Array(16);

  reset(n: number): void {
    this.n = n;
    if (n <= this.ok.length) return;
    let c = this.ok.length;
    while (c < n) c *= 2;
    this.pref = new Float64Array(c);
    this.lp = new Float64Array(c);
    this.pathLen = new Int32Array(c);
    this.origin = new Int32Array(c);
    this.med = new Float64Array(c);
    this.nas = new Float64Array(c);
    this.ebgp = new Uint8Array(c);
    this.igp = new Float64Array(c);
    this.rid = new Float64Array(c);
    this.clLen = new Int32Array(c);
    this.peer = new Float64Array(c);
    this.ok = new Uint8Array(c);
    this.alive = new Uint8Array(c);
    this.local = new Uint8Array(c);
  }
}

/** Keeps only alive entries whose `v` is minimal (sign = 1) or maximal (sign = -1). */
function keepExtreme(s: DecisionScratch, v: Float64Array | Int32Array, sign: number): void {
  const n = s.n;
  const alive = s.alive;
  let m = Infinity;
  for (let i = 0; i < n; i++) if (alive[i] === 1 && sign * (v[i] as number) < m) m = sign * (v[i] as number);
  for (let i = 0; i < n; i++) if (alive[i] === 1 && sign * (v[i] as number) !== m) alive[i] = 0;
}

/** Index of the best entry of the scratch (lowest index among complete ties), or -1. */
export function selectBestFast(s: DecisionScratch): number {
  const n = s.n;
  const alive = s.alive;
  let count = 0;
  for (let i = 0; i < n; i++) {
    alive[i] = s.ok[i] as number;
    count += alive[i] as number;
  }
  if (count === 0) return -1;
  if (count > 1) {
    keepExtreme(s, s.pref, -1);
    keepExtreme(s, s.lp, -1);
    keepExtreme(s, s.pathLen, 1);
    keepExtreme(s, s.origin, 1);
    medStep(s);
    let anyEbgp = false;
    for (let i = 0; i < n; i++) if (alive[i] === 1 && s.ebgp[i] === 1) anyEbgp = true;
    if (anyEbgp) for (let i = 0; i < n; i++) if (s.ebgp[i] === 0) alive[i] = 0;
    keepExtreme(s, s.igp, 1);
    keepExtreme(s, s.rid, 1);
    keepExtreme(s, s.clLen, 1);
    keepExtreme(s, s.peer, 1);
  }
  for (let i = 0; i < n; i++) if (alive[i] === 1) return i;
  return -1;
}

/** Step c by elimination: an entry dies when a live entry with the same neighbour AS has a lower MED. */
function medStep(s: DecisionScratch): void {
  const n = s.n;
  const alive = s.alive;
  const nas = s.nas;
  const med = s.med;
  // Mark victims in `ok`'s sibling pass: collect first, then remove, so removal order cannot matter.
  let victims = 0;
  for (let i = 0; i < n; i++) {
    if (alive[i] !== 1) continue;
    for (let j = 0; j < n; j++) {
      if (j !== i && alive[j] !== 0 && nas[j] === nas[i] && (med[j] as number) < (med[i] as number)) {
        alive[i] = 2;
        victims++;
        break;
      }
    }
  }
  if (victims > 0) for (let i = 0; i < n; i++) if (alive[i] === 2) alive[i] = 0;
}

/** The fast twin of mergeableReference over scratch entries b (best) and i. */
export function mergeableFast(s: DecisionScratch, b: number, i: number): boolean {
  if (s.local[b] === 1 || s.local[i] === 1 || s.ok[i] === 0) return false;
  if (s.pref[b] !== s.pref[i] || s.lp[b] !== s.lp[i]) return false;
  if (s.pathLen[b] !== s.pathLen[i] || s.origin[b] !== s.origin[i]) return false;
  if (s.nas[b] === s.nas[i] && s.med[b] !== s.med[i]) return false;
  return s.ebgp[b] === s.ebgp[i] && s.igp[b] === s.igp[i];
}
