// model: which pools each node may draw from for one use — ipam.go determinePools/filterPoolsByUse (enabled,
// nodeSelector matches, allowedUses contains the use) and, for tunnel addresses, allocateip.go's
// determineEnabledPoolCIDRs (the pool's IPIP or VXLAN mode is not Never).
import type { AllowedUse } from '../../scenario/types.js';
import { parseSelector } from '../../lib/selector/parse.js';
import type { PoolEntry } from './pool-table.js';
import type { IpamNode } from './types.js';

/** Pools eligible for one use on every node: pool indices in name order and a node×pool membership mask. */
export interface Eligibility {
  readonly lists: readonly Int32Array[];
  /** `mask[node * pools.length + pool]` is 1 when eligible. */
  readonly mask: Uint8Array;
}

/** Eligibility of `pools` (name order) for `use`, optionally only pools whose `mode` is enabled. */
export function buildEligibility(pools: readonly PoolEntry[], nodes: readonly IpamNode[], use: AllowedUse, mode?: 'ipipMode' | 'vxlanMode'): Eligibility {
  const P = pools.length;
  const mask = new Uint8Array(nodes.length * P);
  const selectors = pools.map((pe) => parseSelector(pe.spec.nodeSelector));
  const lists = nodes.map((n, i) => {
    const list: number[] = [];
    pools.forEach((pe, p) => {
      const s = pe.spec;
      if (s.disabled || !s.allowedUses.includes(use) || (mode !== undefined && s[mode] === 'Never')) return;
      if (!(selectors[p] as ReturnType<typeof parseSelector>).matches(n.labels)) return;
      list.push(p);
      mask[i * P + p] = 1;
    });
    return Int32Array.from(list);
  });
  return { lists, mask };
}
