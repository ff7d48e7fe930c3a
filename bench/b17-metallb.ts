// bench: B17 (MetalLB) — 100 MetalLB VIPs (50 layer 2, 50 BGP) on 500 management hosts over one simulated
// hour with a silent node failure every minute (back 120 s later, after the 90 s hold timer): each failure is noticed by memberlist
// (layer 2 owners move) and by the router's hold timer (BGP next hops rehash). Wall time of the whole run
// (scenario to end) with the MetalLB balancers, and its ratio to the same run without them, in one process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPlatform } from '../src/engine/platform/run-platform.js';
import { buildModel } from '../src/model/build-model.js';
import { loadScenario } from '../src/scenario/load-scenario.js';
import type { Benchmark, BenchResult } from './harness.js';
import { median } from './hold-model.js';

const NODES = 500;
const VIPS = 100;

export function scenarioText(withMetalLb: boolean): string {
  const lbs = Array.from({ length: VIPS }, (_, i) =>
    i % 2 === 0
      ? `    - { name: l2-${i}, kind: metallb, vips: [{ address: 10.0.${200 + (i >> 8)}.${i & 255}, port: ${1000 + i} }] }`
      : `    - { name: bgp-${i}, kind: metallb, mode: bgp, vips: [{ address: 203.0.${113 + (i >> 8)}.${i & 255}, port: ${1000 + i} }], peers: [{ peerAddress: 10.0.255.254, peerASN: 64501, myASN: 64500 }] }`,
  );
  const events = Array.from({ length: 57 }, (_, k) => [
    `  - { at: ${(k + 1) * 60}s, kind: node-down, node: mgmt-${(k % NODES) + 1} }`,
    `  - { at: ${(k + 1) * 60 + 120}s, kind: node-up, node: mgmt-${(k % NODES) + 1} }`,
  ]).flat();
  return `name: b17-metallb
seed: 17
horizon: 1h
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/16, mtu: 1500 } }
    nodes: [${Array.from({ length: NODES }, (_, i) => `{ name: mgmt-${i + 1}, ip: 10.0.${Math.floor(i / 250)}.${(i % 250) + 1} }`).join(', ')}]
    calico: { asNumber: 64500, nodeToNodeMeshEnabled: false, ipPools: [{ name: pods, cidr: 10.128.0.0/12, blockSize: 26, vxlanMode: Always }] }
    namespaces: [{ name: ingress-nginx }]
  ingress: { replicas: 3 }
${withMetalLb ? `  loadBalancers:\n${lbs.join('\n')}\n` : ''}events:
${events.join('\n')}
`;
}

function timed(file: string): { wallMs: number; failovers: number; rehashes: number } {
  const t0 = process.hrtime.bigint();
  const run = runPlatform(buildModel(loadScenario(file)), { deferBgp: true });
  const w = run.metallb.windows();
  return { wallMs: Number(process.hrtime.bigint() - t0) / 1e6, failovers: w.failovers.length, rehashes: w.rehashes.length };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B17',
    title: 'MetalLB: 50 layer 2 and 50 BGP VIPs on 500 hosts, one hour, a silent node failure a minute',
    run(): BenchResult[] {
      const dir = mkdtempSync(join(tmpdir(), 'calisim-b17m-'));
      try {
        const [withLb, without] = [true, false].map((on) => {
          const file = join(dir, `${on ? 'with' : 'without'}.yaml`);
          writeFileSync(file, scenarioText(on));
          return [timed(file), timed(file), timed(file)];
        });
        const wall = median(withLb!.map((r) => r.wallMs)) / 1000;
        const base = median(without!.map((r) => r.wallMs)) / 1000;
        const r = withLb![0]!;
        const note = `${VIPS} VIPs, ${NODES} hosts, ${r.failovers} layer 2 failovers, ${r.rehashes} BGP rehashes; median of 3`;
        return [
          { id: 'B17', metric: 'metallb_1h_wall', value: wall, unit: 's', note },
          { id: 'B17', metric: 'metallb_1h_wall_ratio', value: wall / base, unit: 'x', ratio: wall / base, ratioTo: 'the same run without MetalLB balancers', note },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
