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

/** The filter verdicts of prefixes `qs` (aligned with it), each the string `signature` builds from
 *  `filters.evaluate` over every profile. */
export function filterVerdicts(filters: FilterProfiles, classes: PrefixClasses, qs: readonly number[]): string[] {
  const G = filters.count;
  const order = Array.from(qs, (_, i) => i).sort((a, b) => (classes.pBase[qs[a] as number] as number) - (classes.pBase[qs[b] as number] as number));
  const bases = Float64Array.from(order, (i) => classes.pBase[qs[i] as number] as number);
  // Per prefix: (profile · 4 + verdict) for each profile whose rules match it, profiles ascending; the first
  // matching rule of a profile decides, as in evaluate.
  const marks: (number[] | undefined)[] = new Array(qs.length);
  const decided = new Int32Array(qs.length).fill(-1);
  for (let g = 0; g < G; g++) {
    for (const { cidr, verdict } of filters.rules(g)) {
      const end = lowerBound(bases, cidr.base + 2 ** (32 - cidr.len));
      for (let k = lowerBound(bases, cidr.base); k < end; k++) {
        const i = order[k] as number;
        if (decided[i] === g || (classes.pLen[qs[i] as number] as number) < cidr.len) continue;
        decided[i] = g;
        (marks[i] ??= []).push(g * 4 + verdict);
      }
    }
  }
  const none = String(FILTER_NO_MATCH).repeat(G);
  const built = new Map<string, string>();
  return Array.from(qs, (_, i) => {
    const m = marks[i];
    if (m === undefined) return none;
    const key = m.join(',');
    let s = built.get(key);
    if (s === undefined) {
      const digits = Array.from({ length: G }, () => String(FILTER_NO_MATCH));
      for (const x of m) digits[x >> 2] = String(x & 3);
      s = digits.join('');
      built.set(key, s);
    }
    return s;
  });
}
