// engine: a router's ECMP over the next hops MetalLB's BGP speakers advertise for a VIP — a flow's hash
// indexes the ordered next-hop list modulo its length, so a change of the set moves flows between nodes.

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
