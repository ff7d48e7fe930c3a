// model: the IPPools as IPAM walks them — sorted by name (the order the Kubernetes datastore lists
// them in, which every pool loop of libcalico-go's ipam.go follows), with block geometry, a block-index →
// block map and the running counts that let a walk skip pools with nothing to offer.
import { cidrContains, parseCidr, type Cidr } from '../../lib/ipv4.js';
import type { IpPoolSpec } from '../../scenario/types.js';

/** Pools with at most this many blocks map block index → block id with a typed array, larger ones with a Map. */
const DENSE_LIMIT = 1 << 20;

/** Block index within a pool → block id (-1 when no block exists there). */
export class BlockIndex {
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;
  constructor(numBlocks: number) {
    if (numBlocks <= DENSE_LIMIT) this.dense = new Int32Array(numBlocks).fill(-1);
    else this.sparse = new Map();
  }
  get(i: number): number {
    return this.dense !== undefined ? (this.dense[i] as number) : ((this.sparse as Map<number, number>).get(i) ?? -1);
  }
  set(i: number, id: number): void {
    if (this.dense !== undefined) this.dense[i] = id;
    else if (id < 0) (this.sparse as Map<number, number>).delete(i);
    else (this.sparse as Map<number, number>).set(i, id);
  }
}

/** One pool with its geometry and live counters. */
export interface PoolEntry {
  readonly spec: IpPoolSpec;
  readonly cidr: Cidr;
  /** Block prefix length and addresses per block. */
  readonly blockLen: number;
  readonly blockAddrs: number;
  readonly numBlocks: number;
  readonly index: BlockIndex;
  /** Blocks that exist, blocks with no allocation, free addresses inside existing blocks. */
  existing: number;
  empty: number;
  freeInBlocks: number;
}

/** The pools sorted by name (byte order); throws on a CIDR that validatePools would have rejected. */
export function buildPoolTable(pools: readonly IpPoolSpec[]): PoolEntry[] {
  const sorted = [...pools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((spec) => {
    const cidr = parseCidr(spec.cidr, true);
    if (cidr === undefined || spec.blockSize < cidr.len || spec.blockSize > 32) {
      throw new Error(`IPPool ${spec.name}: invalid cidr/blockSize ${spec.cidr}/${spec.blockSize}; run validatePools first`);
    }
    const numBlocks = 2 ** (spec.blockSize - cidr.len);
    return {
      spec,
      cidr,
      blockLen: spec.blockSize,
      blockAddrs: 2 ** (32 - spec.blockSize),
      numBlocks,
      index: new BlockIndex(numBlocks),
      existing: 0,
      empty: 0,
      freeInBlocks: 0,
    };
  });
}

/** Index of the pool containing `ip`, or -1. */
export function poolOf(pools: readonly PoolEntry[], ip: number): number {
  for (let p = 0; p < pools.length; p++) if (cidrContains((pools[p] as PoolEntry).cidr, ip)) return p;
  return -1;
}
