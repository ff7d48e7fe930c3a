// model: read-only questions about an IpamState — a node's affine blocks and borrowed addresses (what
// its BIRD announces: one route per block, a /32 per borrowed address) and whether it could still get an
// address; plus the live blocks in address order.
import { formatIpv4 } from '../../lib/ipv4.js';
import type { IpamState } from './ipam-state.js';
import type { PoolEntry } from './pool-table.js';
import { RECLAIM_AGE_MS } from './types.js';

/** Block ids of live blocks, in address order. */
export function liveBlocksByAddress(state: IpamState): number[] {
  const st = state.store;
  const ids: number[] = [];
  for (let id = 0; id < st.count; id++) if ((st.pool[id] as number) >= 0) ids.push(id);
  return ids.sort((a, b) => ((st.base[a] as number) >>> 0) - ((st.base[b] as number) >>> 0));
}

/** The node's affine blocks as CIDRs, in address order. */
export function blocksOf(state: IpamState, node: number): string[] {
  const st = state.store;
  return [...(state.affine[node] as number[])]
    .sort((a, b) => ((st.base[a] as number) >>> 0) - ((st.base[b] as number) >>> 0))
    .map((id) => `${formatIpv4((st.base[id] as number) >>> 0)}/${(state.pools[st.pool[id] as number] as PoolEntry).blockLen}`);
}

/** Addresses the node holds in other nodes' blocks, as /32 CIDRs in address order. */
export function borrowedBy(state: IpamState, node: number): string[] {
  const st = state.store;
  const out: string[] = [];
  // Most nodes borrow nothing: the per-node count (kept by take and release) spares the scan of every block.
  if (state.nodeBorrowed[node] === 0) return out;
  for (const id of liveBlocksByAddress(state)) {
    if (st.node[id] === node) continue;
    const off = st.addrOffset[id] as number;
    for (let k = 0; k < (st.size[id] as number); k++) {
      if (st.requester[off + k] === node) out.push(`${formatIpv4(((st.base[id] as number) >>> 0) + k)}/32`);
    }
  }
  return out;
}

/**
 * Whether a workload assignment on `node` would succeed: a free address in an affine block; else, under
 * the block limit, an unclaimed block, another node's address to borrow (without strictAffinity), or an
 * empty block old enough to reclaim.
 */
export function canAssign(state: IpamState, node: number): boolean {
  const st = state.store;
  const P = state.pools.length;
  const { lists, mask } = state.workload;
  const pools = lists[node] as Int32Array;
  if (pools.length === 0) return false;
  let owned = 0;
  for (const id of state.affine[node] as number[]) {
    if (mask[node * P + (st.pool[id] as number)] !== 1) continue;
    owned++;
    if ((st.used[id] as number) < (st.size[id] as number)) return true;
  }
  if (owned >= state.blockLimit) return false;
  for (const p of pools) {
    const pe = state.pools[p] as PoolEntry;
    if (pe.existing < pe.numBlocks || (!state.strictAffinity && pe.freeInBlocks > 0)) return true;
  }
  for (let id = 0; id < st.count; id++) {
    const p = st.pool[id] as number;
    if (p >= 0 && mask[node * P + p] === 1 && st.used[id] === 0 && state.now - (st.claimTime[id] as number) >= RECLAIM_AGE_MS) return true;
  }
  return false;
}
