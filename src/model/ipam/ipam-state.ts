// model: Calico IPAM for one cluster — pools, nodes and IPAMConfig into block affinities and addresses,
// following libcalico-go/lib/ipam/ipam.go AutoAssign (affine blocks, claim, reclaim, borrow) and
// calico-node's tunnel-address allocation at start-up (node/pkg/allocateip/allocateip.go).
import { hashString, Prng } from '../../lib/random/prng.js';
import type { IpPoolSpec } from '../../scenario/types.js';
import { BlockStore } from './block-store.js';
import { buildEligibility, type Eligibility } from './eligibility.js';
import { blocksOf, borrowedBy, canAssign, liveBlocksByAddress } from './ipam-queries.js';
import { buildIpamReport } from './ipam-report.js';
import { buildPoolTable, poolOf, type PoolEntry } from './pool-table.js';
import { affinityOrderKey, fnv1Hash32, randomBlockStart } from './random-block-start.js';
import {
  DEFAULT_BLOCK_LIMIT,
  RECLAIM_AGE_MS,
  tunnelHandle,
  type AssignFailure,
  type IpamConfig,
  type IpamNode,
  type IpamReport,
  type TunnelKind,
} from './types.js';

/** IPAM state of one cluster. Addresses are unsigned 32-bit numbers; -1 means "none". */
export class IpamState {
  /** Simulated time (ms); only the 1-minute reclaim age of empty blocks depends on it. A double from the
   *  start (-0, then 0 in the constructor), as Simulation.now: the run stores the clock's doubles here, and a
   *  field first given a small integer would change representation then, deoptimising the IPAM code. */
  now = -0;
  lastFailure: AssignFailure = 'none';
  /** Internal to src/model/ipam: read by the report. */
  readonly store = new BlockStore();
  readonly pools: readonly PoolEntry[];
  readonly nodeNames: readonly string[];
  /** Per node, its affine block ids in the order Calico lists its affinities (affinityOrderKey). */
  readonly affine: number[][];
  /** Per node, addresses it holds and how many of them are borrowed from other nodes' blocks. */
  readonly nodeUsed: Int32Array;
  readonly nodeBorrowed: Int32Array;
  readonly blockLimit: number;
  readonly strictAffinity: boolean;
  /** Internal: pools each node may use for workloads. */
  readonly workload: Eligibility;
  private readonly startIndex: Int32Array;
  private readonly scratchStart: Int32Array;
  private readonly timeRng: Prng;
  /** Tunnel address per node and kind (node*2 + 0 ipip, + 1 vxlan); Float64 because addresses are unsigned. */
  private readonly tunnels: Float64Array;

  constructor(pools: readonly IpPoolSpec[], nodes: readonly IpamNode[], config: IpamConfig, seed: number) {
    this.now = 0;
    this.pools = buildPoolTable(pools);
    this.nodeNames = nodes.map((n) => n.name);
    this.affine = nodes.map(() => []);
    this.nodeUsed = new Int32Array(nodes.length);
    this.nodeBorrowed = new Int32Array(nodes.length);
    this.blockLimit = config.maxBlocksPerHost > 0 ? config.maxBlocksPerHost : DEFAULT_BLOCK_LIMIT;
    this.strictAffinity = config.strictAffinity;
    const P = this.pools.length;
    this.scratchStart = new Int32Array(P);
    // Calico seeds /32-block walks from the clock; we draw those seeds from a stream of the scenario seed.
    this.timeRng = new Prng((seed ^ hashString('calico-ipam/slash32-walks')) >>> 0);
    this.startIndex = new Int32Array(nodes.length * P);
    nodes.forEach((n, i) => {
      const h = fnv1Hash32(n.name);
      this.pools.forEach((pe, p) => {
        this.startIndex[i * P + p] = pe.blockLen === 32 ? -1 : randomBlockStart(h, pe.numBlocks);
      });
    });
    this.workload = buildEligibility(this.pools, nodes, 'Workload');
    this.tunnels = new Float64Array(nodes.length * 2).fill(-1);
    const ipip = buildEligibility(this.pools, nodes, 'Tunnel', 'ipipMode');
    const vxlan = buildEligibility(this.pools, nodes, 'Tunnel', 'vxlanMode');
    for (let i = 0; i < nodes.length; i++) {
      if ((ipip.lists[i] as Int32Array).length > 0) this.tunnels[2 * i] = this.assignFrom(i, tunnelHandle('ipip', i), ipip);
      if ((vxlan.lists[i] as Int32Array).length > 0) this.tunnels[2 * i + 1] = this.assignFrom(i, tunnelHandle('vxlan', i), vxlan);
    }
  }

  /** Assigns one workload address to `node` for `handle` (≥ 0); -1 when none (see lastFailure). */
  assign(node: number, handle: number): number {
    if (!(node >= 0 && node < this.nodeNames.length)) throw new RangeError(`no node #${node}`);
    return this.assignFrom(node, handle, this.workload);
  }

  /** The node's tunnel address of that kind, or -1. */
  tunnelAddress(node: number, kind: TunnelKind): number {
    return this.tunnels[2 * node + (kind === 'ipip' ? 0 : 1)] as number;
  }

  /** Releases an allocated address (it goes to the end of its block's free queue); false if not allocated. */
  release(address: number): boolean {
    const ip = address >>> 0;
    const id = this.blockOf(ip);
    if (id < 0) return false;
    const st = this.store;
    const ord = ip - ((st.base[id] as number) >>> 0);
    const requester = st.requester[(st.addrOffset[id] as number) + ord] as number;
    if (!st.release(id, ord)) return false;
    const pe = this.pools[st.pool[id] as number] as PoolEntry;
    pe.freeInBlocks++;
    if (st.used[id] === 0) pe.empty++;
    this.nodeUsed[requester] = (this.nodeUsed[requester] as number) - 1;
    if (st.node[id] !== requester) this.nodeBorrowed[requester] = (this.nodeBorrowed[requester] as number) - 1;
    const t = this.tunnels.indexOf(ip);
    if (t >= 0) this.tunnels[t] = -1;
    return true;
  }

  /**
   * One pass of kube-controllers' releaseUnusedBlocks after its grace period: every empty block is
   * released while its node keeps at least one other block. Calico walks a Go map (random order); we
   * walk blocks in address order. Returns how many blocks were released.
   */
  gcEmptyBlocks(): number {
    const st = this.store;
    let released = 0;
    for (const id of liveBlocksByAddress(this)) {
      const node = st.node[id] as number;
      if (st.used[id] === 0 && (this.affine[node] as number[]).length > 1) {
        this.deleteBlock(id);
        released++;
      }
    }
    return released;
  }

  /** Handle of an allocated address (tunnel handles are negative, see tunnelHandle), or -1. */
  handleOf(ip: number): number {
    const at = this.addressSlot(ip);
    return at < 0 ? -1 : (this.store.handle[at] as number);
  }

  /** Node that asked for an allocated address, or -1. */
  requesterOf(ip: number): number {
    const at = this.addressSlot(ip);
    return at < 0 ? -1 : (this.store.requester[at] as number);
  }

  /** The node's affine blocks as CIDRs, in address order (each is announced as one route). */
  blocksOf(node: number): string[] {
    return blocksOf(this, node);
  }

  /** Addresses the node borrowed from other nodes' blocks, as /32 CIDRs in address order. */
  borrowedBy(node: number): string[] {
    return borrowedBy(this, node);
  }

  /** Whether a workload assignment on `node` would succeed now (no state change, no PRNG draw). */
  canAssign(node: number): boolean {
    return canAssign(this, node);
  }

  /** Per-pool and per-node usage. */
  report(): IpamReport {
    return buildIpamReport(this);
  }

  /** ipam.go autoAssign for one address: affine blocks, then a new or reclaimed block, then borrowing. */
  private assignFrom(node: number, handle: number, use: Eligibility): number {
    const pools = use.lists[node] as Int32Array;
    if (pools.length === 0) return this.fail('no-pool');
    const st = this.store;
    const list = this.affine[node] as number[];
    const mOff = node * this.pools.length;
    let owned = 0;
    for (let i = 0; i < list.length; i++) if (use.mask[mOff + (st.pool[list[i] as number] as number)] === 1) owned++;
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      if (use.mask[mOff + (st.pool[id] as number)] === 1 && (st.used[id] as number) < (st.size[id] as number)) {
        return this.take(id, node, handle);
      }
    }
    // At the limit Calico returns ErrBlockLimit without trying other nodes' blocks.
    if (owned >= this.blockLimit) return this.fail('block-limit');
    const claimed = this.claimBlock(node, pools);
    if (claimed >= 0) return this.take(claimed, node, handle);
    if (this.strictAffinity) return this.fail('exhausted');
    const ip = this.borrow(node, handle, pools);
    return ip >= 0 ? ip : this.fail('exhausted');
  }

  /**
   * findUsableBlock: per pool (name order) the first block index, in the host's walk, with no block; failing
   * that, the first empty block met (pool order, then walk order) claimed at least a minute ago is taken
   * from its node and recreated for this one. (Its "block of this host with free space" case cannot occur
   * here: the affine blocks were all tried first.)
   */
  private claimBlock(node: number, pools: Int32Array): number {
    for (let k = 0; k < pools.length; k++) {
      const p = pools[k] as number;
      const pe = this.pools[p] as PoolEntry;
      const start = this.startFor(node, p);
      this.scratchStart[k] = start;
      if (pe.existing === pe.numBlocks) continue;
      const n = pe.numBlocks;
      for (let j = 0, i = start; j < n; j++, i = i + 1 === n ? 0 : i + 1) {
        if (pe.index.get(i) < 0) return this.createBlock(p, i, node);
      }
    }
    const st = this.store;
    for (let k = 0; k < pools.length; k++) {
      const p = pools[k] as number;
      const pe = this.pools[p] as PoolEntry;
      if (pe.empty === 0) continue;
      const n = pe.numBlocks;
      for (let j = 0, i = this.scratchStart[k] as number; j < n; j++, i = i + 1 === n ? 0 : i + 1) {
        const id = pe.index.get(i);
        if (id >= 0 && st.used[id] === 0 && this.now - (st.claimTime[id] as number) >= RECLAIM_AGE_MS) {
          this.deleteBlock(id);
          return this.createBlock(p, i, node);
        }
      }
    }
    return -1;
  }

  /** The non-affine pass of autoAssign: per pool a fresh walk, first existing block with a free address. */
  private borrow(node: number, handle: number, pools: Int32Array): number {
    const st = this.store;
    for (let k = 0; k < pools.length; k++) {
      const p = pools[k] as number;
      const pe = this.pools[p] as PoolEntry;
      const start = this.startFor(node, p);
      if (pe.freeInBlocks === 0) continue;
      const n = pe.numBlocks;
      for (let j = 0, i = start; j < n; j++, i = i + 1 === n ? 0 : i + 1) {
        const id = pe.index.get(i);
        if (id >= 0 && (st.used[id] as number) < (st.size[id] as number)) return this.take(id, node, handle);
      }
    }
    return -1;
  }

  private startFor(node: number, p: number): number {
    const s = this.startIndex[node * this.pools.length + p] as number;
    return s >= 0 ? s : randomBlockStart(this.timeRng.nextU32(), (this.pools[p] as PoolEntry).numBlocks);
  }

  private take(id: number, node: number, handle: number): number {
    const st = this.store;
    const pe = this.pools[st.pool[id] as number] as PoolEntry;
    if (st.used[id] === 0) pe.empty--;
    pe.freeInBlocks--;
    const ord = st.take(id, handle, node);
    this.nodeUsed[node] = (this.nodeUsed[node] as number) + 1;
    if (st.node[id] !== node) this.nodeBorrowed[node] = (this.nodeBorrowed[node] as number) + 1;
    this.lastFailure = 'none';
    return (((st.base[id] as number) >>> 0) + ord) >>> 0;
  }

  private fail(reason: AssignFailure): number {
    this.lastFailure = reason;
    return -1;
  }

  private createBlock(p: number, i: number, node: number): number {
    const pe = this.pools[p] as PoolEntry;
    const base = pe.cidr.base + i * pe.blockAddrs;
    const key = affinityOrderKey(base, pe.blockLen);
    const id = this.store.create(p, base, pe.blockAddrs, node, this.now, key);
    pe.index.set(i, id);
    pe.existing++;
    pe.empty++;
    pe.freeInBlocks += pe.blockAddrs;
    const list = this.affine[node] as number[];
    let at = list.length;
    while (at > 0 && (this.store.key[list[at - 1] as number] as string) > key) at--;
    list.splice(at, 0, id);
    return id;
  }

  private deleteBlock(id: number): void {
    const st = this.store;
    const pe = this.pools[st.pool[id] as number] as PoolEntry;
    pe.index.set((((st.base[id] as number) >>> 0) - pe.cidr.base) / pe.blockAddrs, -1);
    pe.existing--;
    if (st.used[id] === 0) pe.empty--;
    pe.freeInBlocks -= (st.size[id] as number) - (st.used[id] as number);
    const list = this.affine[st.node[id] as number] as number[];
    list.splice(list.indexOf(id), 1);
    st.remove(id);
  }

  private blockOf(ip: number): number {
    const p = poolOf(this.pools, ip);
    if (p < 0) return -1;
    const pe = this.pools[p] as PoolEntry;
    return pe.index.get(Math.floor(((ip >>> 0) - pe.cidr.base) / pe.blockAddrs));
  }

  private addressSlot(ip: number): number {
    const id = this.blockOf(ip);
    if (id < 0) return -1;
    const st = this.store;
    const ord = (ip >>> 0) - ((st.base[id] as number) >>> 0);
    return st.isAllocated(id, ord) ? (st.addrOffset[id] as number) + ord : -1;
  }
}
