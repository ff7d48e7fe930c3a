// test: IPPool and node fixtures and fast-check arbitraries for the IPAM tests.
import fc from 'fast-check';
import type { IpamConfig, IpamNode } from '../../../src/model/ipam/types.js';
import type { AllowedUse, EncapMode, IpPoolSpec } from '../../../src/scenario/types.js';

export const SRC = { file: 'test.yaml', line: 3, col: 5 };

/** An IPPool with Calico's defaults, overridden by `over`. */
export function pool(over: Partial<IpPoolSpec> & { name: string; cidr: string }): IpPoolSpec {
  return {
    blockSize: 26,
    ipipMode: 'Never',
    vxlanMode: 'Never',
    natOutgoing: false,
    disabled: false,
    disableBGPExport: false,
    nodeSelector: 'all()',
    allowedUses: ['Workload', 'Tunnel'],
    src: SRC,
    ...over,
  };
}

export function nodes(n: number, labels: (i: number) => Record<string, string> = () => ({})): IpamNode[] {
  return Array.from({ length: n }, (_, i) => ({ name: `node-${i}`, labels: labels(i) }));
}

export interface IpamCase {
  readonly pools: IpPoolSpec[];
  readonly nodes: IpamNode[];
  readonly config: IpamConfig;
  readonly seed: number;
  /** op: [kind 0..9, node, pick] — 0-5 assign, 6-7 release, 8 gc, 9 advance 30 s. */
  readonly ops: [number, number, number][];
}

const SELECTORS = ['all()', 'all()', 'zone == "a"', 'has(zone)', '!has(zone)', 'zone in {"a", "b"}'];
const MODES: EncapMode[] = ['Never', 'Never', 'Always', 'CrossSubnet'];
const USES: AllowedUse[][] = [['Workload', 'Tunnel'], ['Workload', 'Tunnel'], ['Workload'], ['Tunnel']];

/** Small random clusters: 1-3 non-overlapping pools of 1-32 blocks of 4-256 addresses (or /32s), 1-6 nodes, up to 400 operations. */
export const ipamCase: fc.Arbitrary<IpamCase> = fc
  .record({
    poolShapes: fc.array(
      fc.record({
        len: fc.integer({ min: 24, max: 30 }),
        extra: fc.integer({ min: 0, max: 5 }),
        sel: fc.constantFrom(...SELECTORS),
        mode: fc.constantFrom(...MODES),
        vx: fc.boolean(),
        uses: fc.constantFrom(...USES),
        disabled: fc.boolean(),
        name: fc.constantFrom('a', 'b', 'c', 'pool-z', 'default'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    zones: fc.array(fc.constantFrom('a', 'b', ''), { minLength: 1, maxLength: 6 }),
    strict: fc.boolean(),
    maxBlocks: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    ops: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 400, size: 'max' }),
  })
  .map(({ poolShapes, zones, strict, maxBlocks, seed, ops }) => {
    const used = new Set<string>();
    const pools = poolShapes.map((s, i) => {
      let name = s.name;
      while (used.has(name)) name += 'x';
      used.add(name);
      const blockSize = Math.min(32, s.len + s.extra);
      return pool({
        name,
        cidr: `10.${i}.0.0/${s.len}`,
        blockSize,
        nodeSelector: s.sel,
        ipipMode: s.vx ? 'Never' : s.mode,
        vxlanMode: s.vx ? s.mode : 'Never',
        allowedUses: s.uses,
        disabled: s.disabled && i > 0,
      });
    });
    const ns = zones.map((z, i): IpamNode => ({ name: `n${i}.example`, labels: z === '' ? {} : { zone: z } }));
    return { pools, nodes: ns, config: { strictAffinity: strict, maxBlocksPerHost: maxBlocks }, seed, ops };
  });
