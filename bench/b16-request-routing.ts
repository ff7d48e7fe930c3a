// bench: B16 — route 1M requests against 10,000 Ingress rules across 500 hosts with the compiled matcher
// (host map, Exact map, Prefix element trie, ImplementationSpecific list), and the ratio to the
// linear-scan reference matcher the property tests compare it with (measured on a sample).
import { compileRoutes } from '../src/compile/edge/compile-routes.js';
import { referenceMatcher } from '../src/compile/edge/reference-matcher.js';
import type { RouteRule } from '../src/compile/edge/route-rules.js';
import { Prng } from '../src/lib/random/prng.js';
import { type Benchmark, type BenchResult, medianMs } from './harness.js';

const RULES = 10_000;
const HOSTS = 500;
const REQUESTS = 1_000_000;
const WORDS = ['api', 'v1', 'v2', 'shop', 'cart', 'static', 'img', 'users', 'orders', 'admin', 'search', 'docs'];

function path(prng: Prng, depth: number): string {
  let p = '';
  for (let i = 0; i < depth; i++) p += `/${WORDS[prng.int(WORDS.length)]}${prng.int(4) || ''}`;
  return p || '/';
}

/** 10,000 rules: 20 per host (Prefix, Exact and some ImplementationSpecific), a few one-label wildcards. */
export function b16Rules(seed = 16): RouteRule[] {
  const prng = new Prng(seed);
  const rules: RouteRule[] = [];
  for (let i = 0; i < RULES; i++) {
    const h = i % HOSTS;
    const host = h % 50 === 49 ? `*.t${h}.example.com` : `t${h}.example.com`;
    const r = prng.int(10);
    rules.push({ host, path: i % (RULES / HOSTS) === 0 ? '/' : path(prng, 1 + prng.int(3)), pathType: r < 6 ? 'Prefix' : r < 9 ? 'Exact' : 'ImplementationSpecific', order: i });
  }
  return rules;
}

/** 1M requests as (host, path) pairs, most for known hosts, some for wildcard and unknown hosts. */
export function b16Requests(n = REQUESTS, seed = 61): { hosts: string[]; paths: string[] } {
  const prng = new Prng(seed);
  const hosts: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = prng.int(HOSTS);
    const r = prng.int(20);
    hosts.push(r === 0 ? `x${h}.nowhere.org` : h % 50 === 49 ? `app.t${h}.example.com` : `t${h}.example.com`);
    paths.push(path(prng, prng.int(5)));
  }
  return { hosts, paths };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B16',
    title: 'Ingress routing: 1M requests against 10,000 rules across 500 hosts',
    run(): BenchResult[] {
      const rules = b16Rules();
      const { hosts, paths } = b16Requests();
      const fast = compileRoutes(rules);
      const ref = referenceMatcher(rules);
      let sink = 0;
      const ms = medianMs(() => {
        for (let i = 0; i < REQUESTS; i++) sink += fast(hosts[i]!, paths[i]!).rule;
      }, 5);
      const SAMPLE = 2_000;
      const refMs = medianMs(() => {
        for (let i = 0; i < SAMPLE; i++) sink += ref(hosts[i]!, paths[i]!).rule;
      }, 3);
      for (let i = 0; i < SAMPLE; i++) {
        const a = fast(hosts[i]!, paths[i]!);
        const b = ref(hosts[i]!, paths[i]!);
        if (a.rule !== b.rule || a.server !== b.server) throw new Error(`B16: matcher mismatch on ${hosts[i]}${paths[i]}`);
      }
      const rate = REQUESTS / (ms / 1000);
      const refRate = SAMPLE / (refMs / 1000);
      return [
        { id: 'B16', metric: 'compiled matcher requests', value: rate / 1e6, unit: 'M/s', ratio: rate / refRate, ratioTo: 'linear scan', floor: 0.5, goal: 2, note: `checksum ${sink % 997}` },
        { id: 'B16', metric: 'linear-scan reference requests', value: refRate / 1e6, unit: 'M/s' },
      ];
    },
  },
];
