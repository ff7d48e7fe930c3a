// engine/bgp: the filter part of many prefixes' class signatures at once — each prefix's verdict under every
// filter profile, one digit per profile as `signature` writes them. Instead of asking every profile about
// every prefix (large.yaml: 2,020 prefixes × 51 profiles), each profile's few CIDRs find the prefixes inside
// them in the prefixes sorted by address; every other (prefix, profile) pair is FILTER_NO_MATCH.
import type { FilterProfiles } from './export-filter.js';
import { FILTER_NO_MATCH } from './export-filter.js';
import type { PrefixClasses } from '../tables/prefix-classes.js';

/** First index of `sorted` (ascending) whose value is at least `v`. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of `qs` in ascending order of their prefixes' bases, equal bases in index order (a stable sort).
 *  Below 2^21 prefixes each key is base · n + index, exact in a double (< 2^53), and a typed-array sort needs
 *  no comparator calls (B5: 64,000 prefixes). */
function addressOrder(classes: PrefixClasses, qs: readonly number[]): Int32Array {
  const n = qs.length;
  if (n >= 1 << 21) return Int32Array.from(Array.from(qs, (_, i) => i).sort((a, b) => (classes.pBase[qs[a] as number] as number) - (classes.pBase[qs[b] as number] as number)));
  // Plain loops: TypedArray.from over an array or typed array walks an iterator (an object per element
  // until optimised).
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (classes.pBase[qs[i] as number] as number) * n + i;
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n;
  return order;
}

/** The filter verdicts of prefixes `qs` (aligned with it), each the string `signature` builds from
 *  `filters.evaluate` over every profile. */
export function filterVerdicts(filters: FilterProfiles, classes: PrefixClasses, qs: readonly number[]): string[] {
  const G = filters.count;
  const order = addressOrder(classes, qs);
  const bases = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) bases[k] = classes.pBase[qs[order[k] as number] as number] as number;
  // Per prefix, its marks so far — (profile · 4 + verdict) for each profile whose rules match it, profiles
  // ascending; the first matching rule of a profile decides, as in evaluate — as a state: state 0 has no
  // marks, and each state met is a list of marks. Prefixes share states, so nothing is allocated per prefix.
  const state = new Int32Array(qs.length);
  const decided = new Int32Array(qs.length).fill(-1);
  const marksOf: number[][] = [[]];
  const next = new Map<number, number>();
  for (let g = 0; g < G; g++) {
    for (const { cidr, verdict } of filters.rules(g)) {
      const end = lowerBound(bases, cidr.base + 2 ** (32 - cidr.len));
      for (let k = lowerBound(bases, cidr.base); k < end; k++) {
        const i = order[k] as number;
        if (decided[i] === g || (classes.pLen[qs[i] as number] as number) < cidr.len) continue;
        decided[i] = g;
        const from = state[i] as number;
        const key = from * 4 * G + g * 4 + verdict;
        let to = next.get(key);
        if (to === undefined) {
          to = marksOf.push([...(marksOf[from] as number[]), g * 4 + verdict]) - 1;
          next.set(key, to);
        }
        state[i] = to;
      }
    }
  }
  const text = marksOf.map((m) => {
    const digits = Array.from({ length: G }, () => String(FILTER_NO_MATCH));
    for (const x of m) digits[x >> 2] = String(x & 3);
    return digits.join('');
  });
  const out: string[] = new Array(qs.length);
  for (let i = 0; i < qs.length; i++) out[i] = text[state[i] as number] as string;
  return out;
}
