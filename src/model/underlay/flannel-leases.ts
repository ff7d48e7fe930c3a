// model: flannel subnet leases for the management hosts — pkg/subnet/etcd/local_manager.go allocateSubnet:
// a host picks at random among the first ≤ 100 free subnets from SubnetMin upward. Hosts ask in host order
// and the pick comes from the seeded Prng (flannel uses Go's math/rand), so leases are reproducible.
import type { Prng } from '../../lib/random/prng.js';
import type { FlannelNetConfig } from './flannel-config.js';

/** How many free subnets flannel collects before choosing one at random. */
const CANDIDATES = 100;

/**
 * The subnet base leased to each of `hostCount` hosts (-1 when the network ran out of subnets). Hosts with
 * an entry in `pinned` keep that subnet (a lease that already exists, e.g. implied by explicit VM
 * addresses) and are served first; the others draw in host order.
 */
export function allocateFlannelLeases(config: FlannelNetConfig, hostCount: number, pinned: ReadonlyMap<number, number>, rng: Prng): number[] {
  const size = 2 ** (32 - config.subnetLen);
  const leased = new Set<number>();
  const out = new Array<number>(hostCount).fill(-1);
  for (const [host, base] of [...pinned].sort((a, b) => a[0] - b[0])) {
    out[host] = base;
    leased.add(base);
  }
  const candidates: number[] = [];
  for (let h = 0; h < hostCount; h++) {
    if (pinned.has(h)) continue;
    candidates.length = 0;
    for (let sn = config.subnetMin; sn <= config.subnetMax && candidates.length < CANDIDATES; sn += size) {
      if (!leased.has(sn)) candidates.push(sn);
    }
    if (candidates.length === 0) continue;
    const pick = candidates[rng.int(candidates.length)] as number;
    out[h] = pick;
    leased.add(pick);
  }
  return out;
}
