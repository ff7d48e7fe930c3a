// model: BGPConfiguration `prefixAdvertisements` resolved to community values per CIDR, the way
// confd's getPrefixAdvertisementsKVPair does (names looked up in `communities`, deduplicated, sorted).
import { quoteToken } from '../../lib/quote-token.js';
import { cidrProblem } from './bird-values.js';
import type { SpecReader } from './manifest-fields.js';
import { isObject } from './manifest-fields.js';
import type { PrefixCommunities } from './types.js';

/** True for a community value: `aa:nn` (16-bit parts) or `aa:nn:mm` (32-bit parts). */
export function isCommunityValue(text: string): boolean {
  const parts = text.split(':');
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => !/^\d+$/.test(p))) return false;
  const max = parts.length === 2 ? 65535 : 4294967295;
  return parts.every((p) => Number(p) <= max);
}

/** Reads `spec.prefixAdvertisements` (IPv4 entries only; IPv6 goes to bird6.cfg, not modelled). */
export function readPrefixCommunities(r: SpecReader): PrefixCommunities[] {
  const defined = new Map<string, string>();
  const defs = r.raw('communities');
  if (Array.isArray(defs)) {
    for (const d of defs) {
      if (isObject(d) && typeof d['name'] === 'string' && typeof d['value'] === 'string') {
        if (isCommunityValue(d['value'])) defined.set(d['name'], d['value']);
        else r.error('communities', `community ${quoteToken(d['name'], 'a name')}: its value is not a BGP community value (aa:nn or aa:nn:mm)`);
      }
    }
  }
  const ads = r.raw('prefixAdvertisements');
  const result: PrefixCommunities[] = [];
  if (!Array.isArray(ads)) return result;
  ads.forEach((ad, i) => {
    if (!isObject(ad)) return;
    const cidr = ad['cidr'];
    if (typeof cidr !== 'string' || cidr === '' || cidr.includes(':')) return;
    // Written into bird.cfg as `net ~ <cidr>`: only a real CIDR (validator.go `net`) gets there.
    if (cidrProblem(cidr) !== undefined) {
      r.error(`prefixAdvertisements[${i}].cidr`, `${quoteToken(cidr, 'a value')} is not an IPv4 CIDR`);
      return;
    }
    const set = new Set<string>();
    const list = Array.isArray(ad['communities']) ? ad['communities'] : [];
    for (const c of list) {
      if (typeof c !== 'string') continue;
      const value = isCommunityValue(c) ? c : defined.get(c);
      if (value === undefined) r.warn(`prefixAdvertisements[${i}].communities`, `community ${c} is not defined`);
      else set.add(value);
    }
    // Go sort.Strings: byte order.
    const communities = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    result.push({ cidr, communities });
  });
  return result;
}
