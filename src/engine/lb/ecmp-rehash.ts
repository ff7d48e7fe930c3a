// engine: a router's ECMP over the next hops MetalLB's BGP speakers advertise for a VIP — by default a flow's
// hash indexes the ordered next-hop list modulo its length, so a change of the set moves flows between nodes;
// with resilient ECMP (a peer's `ecmp: resilient`) flows stay on surviving next hops.
import { draw } from '../../lib/random/hash-draw.js';

/** The next hop (index into `hops`) a flow with hash `h` takes: hash modulo the number of next hops. */
export function ecmpPick(hops: number, h: number): number {
  return hops > 0 ? (h >>> 0) % hops : -1;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The share of existing flows whose next hop changes when the router's set goes from `before` to `after`
 * (both in the router's order, each node once), under the plain modulo hash MetalLB's BGP limitations page
 * describes ("existing connections will be rehashed effectively randomly"), with uniform hashes. Over one
 * period L = lcm(n, m) a flow keeps its node only when before[h mod n] and after[h mod m] are that node: by
 * the Chinese remainder theorem one h in L per node at indices i, j with i ≡ j (mod gcd(n, m)), none
 * otherwise. A flow moved to another node is reset (that node has no state for it).
 */
export function ecmpMovedShare(before: readonly string[], after: readonly string[]): number {
  const n = before.length;
  const m = after.length;
  if (n === 0) return 0;
  if (m === 0) return 1;
  const g = gcd(n, m);
  const at = new Map(after.map((node, j) => [node, j]));
  let stay = 0;
  before.forEach((node, i) => {
    const j = at.get(node);
    if (j !== undefined && (i - j) % g === 0) stay++;
  });
  return 1 - stay / ((n / g) * m);
}

/**
 * Resilient ECMP (resilient hashing: Linux nexthop groups of type `resilient`, vendors' "resilient ECMP"): the
 * router keeps each flow on its next hop while that hop stays; a lost hop's flows spread over the others and a
 * new hop takes its share from all. calisim picks by rendezvous hashing, which moves exactly those flows: the
 * next hop (index into `keys`, each hop's stable key such as its address) with the highest hash of (flow, key).
 */
export function resilientPick(keys: readonly number[], h: number): number {
  let best = -1;
  let top = -1;
  keys.forEach((k, i) => {
    const w = draw(h | 0, k | 0, 0x5eed, 0);
    if (w > top) [best, top] = [i, w];
  });
  return best;
}

/**
 * The share of existing flows that move under resilient ECMP when the set goes from `before` to `after`: a flow
 * stays only when its hop survives and no added hop outranks it, so with s survivors and a added hops the share
 * that stays is s / (n + a) (a lost hop's flows move: r/n; a new hop takes a/m).
 */
export function resilientMovedShare(before: readonly string[], after: readonly string[]): number {
  if (before.length === 0) return 0;
  if (after.length === 0) return 1;
  const was = new Set(before);
  const survivors = after.filter((x) => was.has(x)).length;
  const added = after.length - survivors;
  return 1 - survivors / (before.length + added);
}
