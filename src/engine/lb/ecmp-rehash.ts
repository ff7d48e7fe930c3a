// engine: a router's ECMP over the next hops MetalLB's BGP speakers advertise for a VIP — a flow's hash
// indexes the ordered next-hop list modulo its length, so a change of the set moves flows between nodes.

/** The next hop (index into `hops`) a flow with hash `h` takes: hash modulo the number of next hops. */
export function ecmpPick(hops: number, h: number): number {
  return hops > 0 ? (h >>> 0) % hops : -1;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The share of existing flows whose next hop changes when the router's set goes from `before` to `after`
 * (both in the router's order), under the plain modulo hash MetalLB's BGP limitations page describes
 * ("existing connections will be rehashed effectively randomly"): exact over one period of both moduli,
 * with uniform hashes. A flow moved to another node is reset (that node has no state for it).
 */
export function ecmpMovedShare(before: readonly string[], after: readonly string[]): number {
  const n = before.length;
  const m = after.length;
  if (n === 0) return 0;
  if (m === 0) return 1;
  const period = (n / gcd(n, m)) * m;
  let moved = 0;
  for (let h = 0; h < period; h++) if (before[h % n] !== after[h % m]) moved++;
  return moved / period;
}
