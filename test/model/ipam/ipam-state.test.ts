import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, parseCidr, parseIpv4, cidrContains } from '../../../src/lib/ipv4.js';
import { IpamState } from '../../../src/model/ipam/ipam-state.js';
import { tunnelHandle } from '../../../src/model/ipam/types.js';
import { ipamCase, nodes, pool, type IpamCase } from './fixtures.js';

const LOOSE = { strictAffinity: false, maxBlocksPerHost: 0 };
const ip = (s: string): number => parseIpv4(s);

describe('IpamState known answers', () => {
  it('hands out a fresh block from its first address, in address order', () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.1.0.0/26' })], nodes(1), LOOSE, 1);
    expect([0, 1, 2].map((h) => formatIpv4(s.assign(0, h)))).toEqual(['10.1.0.0', '10.1.0.1', '10.1.0.2']);
    expect(s.blocksOf(0)).toEqual(['10.1.0.0/26']);
    expect(s.handleOf(ip('10.1.0.1'))).toBe(1);
  });

  it('gives each node its tunnel address first, IPIP then VXLAN, with calico-node handles', () => {
    const pools = [
      pool({ name: 'a-ipip', cidr: '10.1.0.0/26', ipipMode: 'Always' }),
      pool({ name: 'b-vxlan', cidr: '10.2.0.0/26', vxlanMode: 'CrossSubnet' }),
      pool({ name: 'c-plain', cidr: '10.3.0.0/26' }),
    ];
    const s = new IpamState(pools, nodes(1), LOOSE, 1);
    expect(formatIpv4(s.tunnelAddress(0, 'ipip'))).toBe('10.1.0.0');
    expect(formatIpv4(s.tunnelAddress(0, 'vxlan'))).toBe('10.2.0.0');
    expect(s.handleOf(ip('10.1.0.0'))).toBe(tunnelHandle('ipip', 0));
    expect(s.handleOf(ip('10.2.0.0'))).toBe(tunnelHandle('vxlan', 0));
    // Workloads use the affine blocks first, in the order Calico lists the affinities.
    expect(formatIpv4(s.assign(0, 7))).toBe('10.1.0.1');
  });

  it('walks affine blocks in affinity-name order (10-0-0-128-26 before 10-0-0-64-26)', () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.0.0.0/24' })], nodes(1), LOOSE, 1);
    for (let h = 0; h < 128; h++) s.assign(0, h);
    const blocks = s.blocksOf(0);
    expect(blocks).toHaveLength(2);
    // Free the first address of both blocks: the one whose name sorts first gets reused first.
    const first = blocks.map((b) => parseCidr(b)!.base);
    for (const b of first) s.release(b);
    const names = first.map((b) => formatIpv4(b).replaceAll('.', '-')).sort();
    expect(formatIpv4(s.assign(0, 999)).replaceAll('.', '-')).toBe(names[0]);
  });

  it('stops at the per-host block limit without borrowing (ErrBlockLimit)', () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.0.0.0/16', blockSize: 30 })], nodes(1), LOOSE, 1);
    for (let h = 0; h < 80; h++) expect(s.assign(0, h)).toBeGreaterThanOrEqual(0);
    expect(s.blocksOf(0)).toHaveLength(20);
    expect(s.assign(0, 80)).toBe(-1);
    expect(s.lastFailure).toBe('block-limit');
    const strict = new IpamState([pool({ name: 'p', cidr: '10.0.0.0/16', blockSize: 30 })], nodes(1), { strictAffinity: true, maxBlocksPerHost: 2 }, 1);
    for (let h = 0; h < 8; h++) strict.assign(0, h);
    expect(strict.assign(0, 8)).toBe(-1);
    expect(strict.lastFailure).toBe('block-limit');
  });

  it('borrows single addresses from another node when no block is free, unless strictAffinity', () => {
    const make = (strict: boolean): IpamState => new IpamState([pool({ name: 'p', cidr: '10.9.0.0/26' })], nodes(2), { strictAffinity: strict, maxBlocksPerHost: 0 }, 1);
    const s = make(false);
    expect(formatIpv4(s.assign(0, 0))).toBe('10.9.0.0');
    expect(formatIpv4(s.assign(1, 1))).toBe('10.9.0.1');
    expect(s.blocksOf(1)).toEqual([]);
    expect(s.borrowedBy(1)).toEqual(['10.9.0.1/32']);
    expect(s.report().nodes[1]).toMatchObject({ used: 1, borrowed: 1, free: 0 });
    const t = make(true);
    t.assign(0, 0);
    expect(t.assign(1, 1)).toBe(-1);
    expect(t.lastFailure).toBe('exhausted');
  });

  it("reclaims another node's empty block only after a minute", () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.9.0.0/26' })], nodes(2), { strictAffinity: true, maxBlocksPerHost: 0 }, 1);
    const a = s.assign(0, 0);
    s.release(a);
    s.now = 59_999;
    expect(s.assign(1, 1)).toBe(-1);
    s.now = 60_000;
    expect(formatIpv4(s.assign(1, 2))).toBe('10.9.0.0'); // the block was recreated: fresh address order
    expect(s.blocksOf(0)).toEqual([]);
    expect(s.blocksOf(1)).toEqual(['10.9.0.0/26']);
  });

  it('reuses released addresses last, in release order (FIFO)', () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.0.0.0/28', blockSize: 28 })], nodes(1), LOOSE, 1);
    const got = Array.from({ length: 10 }, (_, h) => s.assign(0, h));
    for (const k of [7, 2, 5]) s.release(got[k] as number);
    const next = Array.from({ length: 9 }, (_, h) => s.assign(0, 100 + h) & 15);
    expect(next).toEqual([10, 11, 12, 13, 14, 15, 7, 2, 5]);
    expect(s.assign(0, 200)).toBe(-1);
  });

  it('gcEmptyBlocks releases empty blocks but keeps a node’s last one', () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.0.0.0/24', blockSize: 28 })], nodes(2), LOOSE, 1);
    const a = Array.from({ length: 17 }, (_, h) => s.assign(0, h));
    const b = s.assign(1, 50);
    expect(s.blocksOf(0)).toHaveLength(2);
    for (const x of a) s.release(x);
    s.release(b);
    expect(s.gcEmptyBlocks()).toBe(1);
    expect(s.blocksOf(0)).toHaveLength(1);
    expect(s.blocksOf(1)).toHaveLength(1);
  });

  it('honours nodeSelector, disabled and allowedUses', () => {
    const pools = [
      pool({ name: 'a', cidr: '10.1.0.0/24', nodeSelector: 'zone == "a"' }),
      pool({ name: 'b', cidr: '10.2.0.0/24', disabled: true }),
      pool({ name: 'c', cidr: '10.3.0.0/24', allowedUses: ['Tunnel'] }),
    ];
    const s = new IpamState(pools, nodes(2, (i): Record<string, string> => (i === 0 ? { zone: 'a' } : {})), LOOSE, 1);
    expect(formatIpv4(s.assign(0, 0)).startsWith('10.1.')).toBe(true);
    expect(s.assign(1, 1)).toBe(-1);
    expect(s.lastFailure).toBe('no-pool');
  });

  it('reports pool and node usage', () => {
    const s = new IpamState([pool({ name: 'p', cidr: '10.0.0.0/26', blockSize: 26 })], nodes(1), LOOSE, 1);
    for (let h = 0; h < 64; h++) s.assign(0, h);
    const r = s.report();
    expect(r.pools[0]).toMatchObject({ name: 'p', capacity: 64, used: 64, free: 0, blocks: 1, exhausted: true });
    expect(r.nodes[0]).toMatchObject({ name: 'node-0', used: 64, free: 0, borrowed: 0, exhausted: true });
  });
});

/** Runs a case's operations, checking invariants after each; returns the state. */
function runChecked(c: IpamCase): IpamState {
  const s = new IpamState(c.pools, c.nodes, c.config, c.seed);
  const live: number[] = [];
  const liveSet = new Set<number>();
  for (let n = 0; n < c.nodes.length; n++) {
    for (const kind of ['ipip', 'vxlan'] as const) {
      const t = s.tunnelAddress(n, kind);
      if (t >= 0) {
        live.push(t);
        liveSet.add(t);
      }
    }
  }
  let handle = 0;
  for (const [kind, a, b] of c.ops) {
    if (kind <= 5) {
      const node = a % c.nodes.length;
      const got = s.assign(node, handle++);
      if (got >= 0) {
        if (liveSet.has(got)) throw new Error(`${formatIpv4(got)} handed out twice`);
        live.push(got);
        liveSet.add(got);
      }
    } else if (kind <= 7 && live.length > 0) {
      const x = live.splice(b % live.length, 1)[0] as number;
      liveSet.delete(x);
      if (!s.release(x) || s.release(x)) throw new Error(`release of ${formatIpv4(x)} misbehaved`);
    } else if (kind === 8) s.gcEmptyBlocks();
    else if (kind === 9) s.now += 30_000;
  }
  checkCoverage(s, c, live);
  return s;
}

/** Every held address lies in its requester's block or is that node's /32; blocks are disjoint; /32s are held. */
function checkCoverage(s: IpamState, c: IpamCase, live: number[]): void {
  const fail = (why: string): never => {
    throw new Error(why);
  };
  const blocks = c.nodes.map((_, n) => s.blocksOf(n).map((t) => parseCidr(t)!));
  const borrowed = c.nodes.map((_, n) => new Set(s.borrowedBy(n)));
  const bases = blocks.flat().map((b) => b.base);
  if (new Set(bases).size !== bases.length) fail('a block is affine to two nodes');
  const pools = c.pools.map((p) => parseCidr(p.cidr)!);
  for (const x of live) {
    const n = s.requesterOf(x);
    if (n < 0) fail(`${formatIpv4(x)} has no requester`);
    const inOwn = blocks[n]!.some((b) => cidrContains(b, x));
    const slash32 = borrowed[n]!.has(`${formatIpv4(x)}/32`);
    if (inOwn === slash32) fail(`${formatIpv4(x)}: in own block ${inOwn}, announced as /32 ${slash32}`);
    if (!pools.some((p) => cidrContains(p, x))) fail(`${formatIpv4(x)} outside every pool`);
  }
  const liveSet = new Set(live);
  for (const set of borrowed) for (const t of set) if (!liveSet.has(parseCidr(t)!.base)) fail(`${t} announced but not held`);
  if (c.config.strictAffinity && borrowed.some((set) => set.size > 0)) fail('strictAffinity borrowed');
  expect(s.report().nodes.reduce((acc, n) => acc + n.used, 0)).toBe(live.length);
}

describe('IpamState properties', () => {
  it('never hands an address out twice and advertises exactly what is held', () => {
    fc.assert(fc.property(ipamCase, (c) => void runChecked(c)), { numRuns: 1500 });
  });
});
