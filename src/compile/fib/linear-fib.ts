// compile: the slow twin of the stride trie — longest-prefix match by scanning every prefix, written
// straight from the definition; the reference of property tests and the ratio anchor of benchmark B10.
import { maskOf } from '../../lib/ipv4.js';

/** The value of the longest prefix containing `ip` (the last one among equal prefixes), or 0. */
export function linearLookup(
  bases: ArrayLike<number>,
  lens: ArrayLike<number>,
  values: ArrayLike<number>,
  ip: number,
  count = lens.length,
): number {
  let best = 0;
  let bestLen = -1;
  const x = ip >>> 0;
  for (let i = 0; i < count; i++) {
    const len = lens[i] as number;
    if (len < bestLen) continue;
    const mask = maskOf(len);
    if (((x & mask) >>> 0) === (((bases[i] as number) & mask) >>> 0)) {
      best = values[i] as number;
      bestLen = len;
    }
  }
  return best;
}
