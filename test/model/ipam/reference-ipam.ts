// test: a slow IPAM written straight from libcalico-go's ipam.go / ipam_block_reader_writer.go with plain
// arrays (blocks as objects, the free list as an array shifted and pushed), to check IpamState against.
import { hashString, Prng } from '../../../src/lib/random/prng.js';
import type { IpamConfig, IpamNode } from '../../../src/model/ipam/types.js';
import { parseSelector } from '../../../src/lib/selector/parse.js';
import type { IpPoolSpec } from '../../../src/scenario/types.js';

interface RPool {
  spec: IpPoolSpec;
  base: number;
  len: number;
}
interface RBlock {
  pool: RPool;
  base: number;
  node: number;
  claimTime: number;
  unallocated: number[];
  owner: ({ handle: number; node: number } | null)[];
}

function fnv1(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h;
}

function startIndex(seed: number, n: number): number {
  const rng = new Prng(seed);
  let bits = 0; // big.Int.Rand masks to the bit length of n itself
  while (2 ** bits <= n) bits++;
  for (;;) {
    const v = rng.nextU32() % 2 ** bits;
    rng.nextU32();
    if (v < n) return v;
  }
}

export class ReferenceIpam {
  now = 0;
  blocks: RBlock[] = [];
  private readonly pools: RPool[];
  private readonly time: Prng;
  tunnels: number[] = [];

  constructor(
    pools: readonly IpPoolSpec[],
    private readonly nodes: readonly IpamNode[],
    private readonly config: IpamConfig,
    seed: number,
  ) {
    this.pools = [...pools]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((spec) => {
        const [ip, len] = spec.cidr.split('/') as [string, string];
        const base = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
        return { spec, base, len: Number(len) };
      });
    this.time = new Prng((seed ^ hashString('calico-ipam/slash32-walks')) >>> 0);
    nodes.forEach((_, n) => {
      for (const mode of ['ipipMode', 'vxlanMode'] as const) {
        const pools = this.eligible(n, 'Tunnel', mode);
        this.tunnels.push(pools.length > 0 ? this.autoAssign(n, -2 - 2 * n - (mode === 'vxlanMode' ? 1 : 0), pools) : -1);
      }
    });
  }

  assign(node: number, handle: number): number {
    return this.autoAssign(node, handle, this.eligible(node, 'Workload'));
  }

  release(ip: number): boolean {
    const b = this.blocks.find((x) => ip >= x.base && ip < x.base + x.owner.length);
    if (b === undefined || b.owner[ip - b.base] === null) return false;
    b.owner[ip - b.base] = null;
    b.unallocated.push(ip - b.base);
    return true;
  }

  gcEmptyBlocks(): number {
    let n = 0;
    for (const b of [...this.blocks].sort((x, y) => x.base - y.base)) {
      if (b.owner.every((o) => o === null) && this.blocks.filter((x) => x.node === b.node).length > 1) {
        this.blocks.splice(this.blocks.indexOf(b), 1);
        n++;
      }
    }
    return n;
  }

  blocksOf(node: number): string[] {
    return this.blocks
      .filter((b) => b.node === node)
      .sort((x, y) => x.base - y.base)
      .map((b) => `${dotted(b.base)}/${b.pool.spec.blockSize}`);
  }

  borrowedBy(node: number): string[] {
    const out: number[] = [];
    for (const b of this.blocks) b.owner.forEach((o, k) => o !== null && o.node === node && b.node !== node && out.push(b.base + k));
    return out.sort((x, y) => x - y).map((ip) => `${dotted(ip)}/32`);
  }

  private eligible(node: number, use: 'Workload' | 'Tunnel', mode?: 'ipipMode' | 'vxlanMode'): RPool[] {
    const labels = (this.nodes[node] as IpamNode).labels;
    return this.pools.filter(
      (p) =>
        !p.spec.disabled &&
        parseSelector(p.spec.nodeSelector).matches(labels) &&
        p.spec.allowedUses.includes(use) &&
        (mode === undefined || p.spec[mode] !== 'Never'),
    );
  }

  private generator(pool: RPool, node: number): number[] {
    const n = 2 ** (pool.spec.blockSize - pool.len);
    const seed = pool.spec.blockSize === 32 ? this.time.nextU32() : fnv1((this.nodes[node] as IpamNode).name);
    const start = startIndex(seed, n);
    const size = 2 ** (32 - pool.spec.blockSize);
    return Array.from({ length: n }, (_, k) => pool.base + ((start + k) % n) * size);
  }

  private autoAssign(node: number, handle: number, pools: RPool[]): number {
    if (pools.length === 0) return -1;
    const key = (b: RBlock): string => `${dotted(b.base).replaceAll('.', '-')}-${b.pool.spec.blockSize}`;
    const affine = this.blocks.filter((b) => b.node === node && pools.includes(b.pool)).sort((x, y) => (key(x) < key(y) ? -1 : 1));
    for (const b of affine) if (b.unallocated.length > 0) return this.take(b, node, handle);
    const limit = this.config.maxBlocksPerHost > 0 ? this.config.maxBlocksPerHost : 20;
    if (affine.length >= limit) return -1;
    const empties: RBlock[] = [];
    for (const p of pools) {
      for (const base of this.generator(p, node)) {
        const b = this.blocks.find((x) => x.base === base);
        if (b === undefined) return this.take(this.claim(p, base, node), node, handle);
        if (b.owner.every((o) => o === null)) empties.push(b);
      }
    }
    for (const e of empties) {
      if (this.now - e.claimTime < 60_000) continue;
      this.blocks.splice(this.blocks.indexOf(e), 1);
      return this.take(this.claim(e.pool, e.base, node), node, handle);
    }
    if (this.config.strictAffinity) return -1;
    for (const p of pools) {
      for (const base of this.generator(p, node)) {
        const b = this.blocks.find((x) => x.base === base);
        if (b !== undefined && b.unallocated.length > 0) return this.take(b, node, handle);
      }
    }
    return -1;
  }

  private claim(pool: RPool, base: number, node: number): RBlock {
    const size = 2 ** (32 - pool.spec.blockSize);
    const b: RBlock = { pool, base, node, claimTime: this.now, unallocated: [...Array(size).keys()], owner: Array(size).fill(null) };
    this.blocks.push(b);
    return b;
  }

  private take(b: RBlock, node: number, handle: number): number {
    const ord = b.unallocated.shift() as number;
    b.owner[ord] = { handle, node };
    return b.base + ord;
  }
}

function dotted(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}
