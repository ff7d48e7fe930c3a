// model: an IpamState into its usage report — per pool (by name) blocks, used/free addresses and
// exhaustion; per node (input order) affine blocks, addresses held, borrowed ones, and whether it can
// still get a workload address.
import { formatCidr } from '../../lib/ipv4.js';
import { liveBlocksByAddress } from './ipam-queries.js';
import type { IpamState } from './ipam-state.js';
import type { PoolEntry } from './pool-table.js';
import type { IpamNodeUsage, IpamPoolUsage, IpamReport } from './types.js';

/** The usage report of `state`. */
export function buildIpamReport(state: IpamState): IpamReport {
  const st = state.store;
  const poolBlocks = new Int32Array(state.pools.length);
  const poolUsed = new Int32Array(state.pools.length);
  const nodeFree = new Int32Array(state.nodeNames.length);
  for (const id of liveBlocksByAddress(state)) {
    const p = st.pool[id] as number;
    const used = st.used[id] as number;
    poolBlocks[p] = (poolBlocks[p] as number) + 1;
    poolUsed[p] = (poolUsed[p] as number) + used;
    const n = st.node[id] as number;
    nodeFree[n] = (nodeFree[n] as number) + (st.size[id] as number) - used;
  }
  const pools: IpamPoolUsage[] = state.pools.map((pe: PoolEntry, p) => {
    const capacity = pe.numBlocks * pe.blockAddrs;
    const used = poolUsed[p] as number;
    return {
      name: pe.spec.name,
      cidr: formatCidr(pe.cidr),
      blockSize: pe.blockLen,
      capacity,
      blocks: poolBlocks[p] as number,
      used,
      free: capacity - used,
      exhausted: used === capacity,
    };
  });
  const nodes: IpamNodeUsage[] = state.nodeNames.map((name, n) => ({
    name,
    blocks: state.blocksOf(n),
    used: state.nodeUsed[n] as number,
    free: nodeFree[n] as number,
    borrowed: state.nodeBorrowed[n] as number,
    exhausted: !state.canAssign(n),
  }));
  return { pools, nodes };
}
