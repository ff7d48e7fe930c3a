// bench: B10 — longest-prefix match on the B5 FIB: node-0 of the 1,000-node mesh holds 64,000 /26s
// (64 local blackholes, the rest via their originators). 5M lookups of addresses inside the pool plus
// 1/8 outside it, on the materialised 18-8-6 stride trie and on the shared index + RIB row; the ratio is
// to the linear-scan reference measured on a sample.
import { linearLookup } from '../src/compile/fib/linear-fib.js';
import { lpmLookup } from '../src/compile/fib/stride-trie.js';
import { BgpNetwork } from '../src/engine/bgp/bgp-network.js';
import { nodeFib, sharedFib } from '../src/engine/bgp/reports/node-fib.js';
import { Simulation } from '../src/engine/simulation.js';
import { Prng } from '../src/lib/random/prng.js';
import { meshConfigs } from '../test/engine/bgp/topology-gen.js';
import { type Benchmark, type BenchResult, medianMs } from './harness.js';

const LOOKUPS = 5_000_000;

function trieLoop(root: Int32Array, chunks2: Int32Array, chunks3: Int32Array, ips: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < ips.length; i++) sum += lpmLookup(root, chunks2, chunks3, ips[i] as number);
  return sum;
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B10',
    title: 'longest-prefix match on the B5 FIB (64k prefixes), 5M lookups',
    run(): BenchResult[] {
      const sim = new Simulation({ seed: 1, log: false });
      const net = new BgpNetwork(sim, meshConfigs(1000, { blocks: 64 }));
      sim.run();
      const fib = nodeFib(net, 'node-0');
      const shared = sharedFib(net);
      const y = net.speaker('node-0');
      const prng = new Prng(10);
      const ips = new Float64Array(LOOKUPS);
      for (let i = 0; i < LOOKUPS; i++) ips[i] = i % 8 === 7 ? prng.nextU32() : 0x40000000 + prng.int(1000 * 64 * 64);
      const { root, chunks2, chunks3 } = fib.trie;
      let sink = 0;
      const trieMs = medianMs(() => {
        sink += trieLoop(root, chunks2, chunks3, ips);
      });
      const sharedIps = ips.subarray(0, 1_000_000);
      const sharedMs = medianMs(() => {
        for (let i = 0; i < sharedIps.length; i++) sink += shared.lookup(y, sharedIps[i] as number);
      }, 3);
      // Reference: every prefix of the node, scanned linearly, on a sample.
      const routes = net.routes('node-0');
      const bases = Float64Array.from(routes.map((r) => r.base));
      const lens = Uint8Array.from(routes.map((r) => r.len));
      const vals = Int32Array.from(routes.map((r) => fib.lookup(r.base)));
      const sample = ips.subarray(0, 2000);
      const linMs = medianMs(() => {
        for (let i = 0; i < sample.length; i++) sink += linearLookup(bases, lens, vals, sample[i] as number);
      }, 3);
      for (let i = 0; i < sample.length; i++) {
        const ip = sample[i] as number;
        if (fib.lookup(ip) !== linearLookup(bases, lens, vals, ip) || shared.lookup(y, ip) !== fib.lookup(ip)) throw new Error('B10: lookup mismatch');
      }
      const rate = LOOKUPS / (trieMs / 1000) / 1e6;
      const linRate = sample.length / (linMs / 1000) / 1e6;
      const sharedRate = sharedIps.length / (sharedMs / 1000) / 1e6;
      const note = `${fib.size} prefixes, trie ${(fib.trie.bytes / 1048576).toFixed(1)} MiB; checksum ${sink % 997}`;
      return [
        { id: 'B10', metric: 'stride-trie lookups', value: rate, unit: 'M/s', ratio: rate / linRate, ratioTo: 'linear scan', floor: 12, goal: 25, note },
        { id: 'B10', metric: 'shared index + RIB row lookups', value: sharedRate, unit: 'M/s', ratio: sharedRate / linRate, ratioTo: 'linear scan' },
        { id: 'B10', metric: 'linear-scan reference lookups', value: linRate, unit: 'M/s' },
      ];
    },
  },
];
