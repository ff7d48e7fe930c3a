// bench: B11 — the bitset kernels (AND/OR/ANDNOT over 32 KiB and 64 MiB Int32Array buffers, against the
// same loops on Uint32Array), the 10k x 10k block transpose, and selector compilation against matches().
import { BitMatrix, transpose } from '../src/lib/containers/bit-matrix.js';
import { andInPlace, andNotInPlace, createBitset, orInPlace, setBit } from '../src/lib/containers/bitset.js';
import { Prng } from '../src/lib/random/prng.js';
import { compileSelector } from '../src/compile/selector/compile-selector.js';
import { LabelIndex } from '../src/compile/selector/label-index.js';
import { parseSelector } from '../src/lib/selector/parse.js';
import type { Selector } from '../src/lib/selector/types.js';
import type { Labels } from '../src/scenario/types.js';
import { medianMs, type Benchmark, type BenchResult } from './harness.js';

// The same loops as src/lib/containers/bitset.ts (unrolled by 16), on Uint32Array: the anchor of the ratio.
function andU32(a: Uint32Array, b: Uint32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] &= b[i]; a[i + 1] &= b[i + 1]; a[i + 2] &= b[i + 2]; a[i + 3] &= b[i + 3];
    a[i + 4] &= b[i + 4]; a[i + 5] &= b[i + 5]; a[i + 6] &= b[i + 6]; a[i + 7] &= b[i + 7];
    a[i + 8] &= b[i + 8]; a[i + 9] &= b[i + 9]; a[i + 10] &= b[i + 10]; a[i + 11] &= b[i + 11];
    a[i + 12] &= b[i + 12]; a[i + 13] &= b[i + 13]; a[i + 14] &= b[i + 14]; a[i + 15] &= b[i + 15];
  }
  for (; i < n; i++) a[i] &= b[i];
}
function orU32(a: Uint32Array, b: Uint32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] |= b[i]; a[i + 1] |= b[i + 1]; a[i + 2] |= b[i + 2]; a[i + 3] |= b[i + 3];
    a[i + 4] |= b[i + 4]; a[i + 5] |= b[i + 5]; a[i + 6] |= b[i + 6]; a[i + 7] |= b[i + 7];
    a[i + 8] |= b[i + 8]; a[i + 9] |= b[i + 9]; a[i + 10] |= b[i + 10]; a[i + 11] |= b[i + 11];
    a[i + 12] |= b[i + 12]; a[i + 13] |= b[i + 13]; a[i + 14] |= b[i + 14]; a[i + 15] |= b[i + 15];
  }
  for (; i < n; i++) a[i] |= b[i];
}
function andNotU32(a: Uint32Array, b: Uint32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] &= ~b[i]; a[i + 1] &= ~b[i + 1]; a[i + 2] &= ~b[i + 2]; a[i + 3] &= ~b[i + 3];
    a[i + 4] &= ~b[i + 4]; a[i + 5] &= ~b[i + 5]; a[i + 6] &= ~b[i + 6]; a[i + 7] &= ~b[i + 7];
    a[i + 8] &= ~b[i + 8]; a[i + 9] &= ~b[i + 9]; a[i + 10] &= ~b[i + 10]; a[i + 11] &= ~b[i + 11];
    a[i + 12] &= ~b[i + 12]; a[i + 13] &= ~b[i + 13]; a[i + 14] &= ~b[i + 14]; a[i + 15] &= ~b[i + 15];
  }
  for (; i < n; i++) a[i] &= ~b[i];
}

const KERNELS = [
  { name: 'AND', i32: andInPlace, u32: andU32 },
  { name: 'OR', i32: orInPlace, u32: orU32 },
  { name: 'ANDNOT', i32: andNotInPlace, u32: andNotU32 },
] as const;

const SIZES = [
  { label: '32 KiB', bytes: 32 * 1024, reps: 4000, floor: 1.0, goal: 1.4 },
  { label: '64 MiB', bytes: 64 * 1024 * 1024, reps: 2, floor: 0.4, goal: 0.7 },
] as const;

function randomWords(n: number, rng: Prng): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.nextU32() | 0;
  return a;
}

function kernelFigures(): BenchResult[] {
  const out: BenchResult[] = [];
  const rng = new Prng(11);
  for (const size of SIZES) {
    const words = size.bytes / 4;
    const a = randomWords(words, rng);
    const b = randomWords(words, rng);
    const ua = new Uint32Array(a.buffer.slice(0));
    const ub = new Uint32Array(b.buffer.slice(0));
    for (const k of KERNELS) {
      const ms = medianMs(() => {
        for (let r = 0; r < size.reps; r++) k.i32(a, b);
      }, 11, 3);
      const msU = medianMs(() => {
        for (let r = 0; r < size.reps; r++) k.u32(ua, ub);
      }, 11, 3);
      const rate = (words * size.reps) / (ms * 1e6);
      const rateU = (words * size.reps) / (msU * 1e6);
      out.push({
        id: 'B11',
        metric: `${k.name} in place, ${size.label}`,
        value: rate,
        unit: 'G words/s',
        ratio: rate / rateU,
        ratioTo: 'Uint32Array kernel',
        floor: size.floor,
        goal: size.goal,
        note: `Uint32Array ${rateU.toFixed(2)} G words/s`,
      });
    }
  }
  return out;
}

function transposeFigure(): BenchResult {
  const n = 10_000;
  const m = new BitMatrix(n, n);
  const rng = new Prng(12);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.nextU32() & rng.nextU32() & 0x55aa55aa;
  const ms = medianMs(() => void transpose(m), 9, 2);
  return { id: 'B11', metric: 'transpose 10k x 10k (32x32 blocks)', value: ms, unit: 'ms', note: 'spec lesson: 48 ms' };
}

/** 10,000 label sets shaped like pods' identity classes: namespace, app, tier, env, version, hash. */
function universe(rng: Prng): Labels[] {
  const out: Labels[] = [];
  for (let i = 0; i < 10_000; i++) {
    const l: Record<string, string> = {
      'projectcalico.org/namespace': `ns-${rng.int(100)}`,
      'projectcalico.org/orchestrator': 'k8s',
      app: `app-${rng.int(400)}`,
      tier: ['web', 'api', 'db', 'cache', 'batch'][rng.int(5)] as string,
      env: ['prod', 'staging', 'dev'][rng.int(3)] as string,
      version: `v${rng.int(10)}`,
      'pod-template-hash': rng.nextU32().toString(16),
    };
    if (rng.int(4) === 0) l['team'] = `team-${rng.int(20)}`;
    if (rng.int(10) === 0) l['canary'] = 'true';
    out.push(l);
  }
  return out;
}

/** Random selector text over the universe's keys and values, depth ≤ 3. */
function randomSelector(rng: Prng, members: readonly Labels[], depth: number): string {
  const roll = rng.int(depth > 0 ? 10 : 7);
  const m = members[rng.int(members.length)] as Labels;
  const keys = Object.keys(m);
  const key = keys[rng.int(keys.length)] as string;
  const v = m[key] as string;
  const other = (members[rng.int(members.length)] as Labels)[key] ?? 'x';
  switch (roll) {
    case 0:
      return `has(${key})`;
    case 1:
      return `${key} == "${v}"`;
    case 2:
      return `${key} != "${v}"`;
    case 3:
      return `${key} in {"${v}", "${other}"}`;
    case 4:
      return `${key} not in {"${v}", "${other}"}`;
    case 5:
      return `${key} starts with "${v.slice(0, 1 + rng.int(3))}"`;
    case 6:
      return rng.int(2) ? `${key} contains "${v.slice(1, 3)}"` : `${key} ends with "${v.slice(-2)}"`;
    case 7:
      return `!(${randomSelector(rng, members, depth - 1)})`;
    default:
      const [x, y] = [randomSelector(rng, members, depth - 1), randomSelector(rng, members, depth - 1)];
      return `(${x}) ${roll === 8 ? '&&' : '||'} (${y})`;
  }
}

function compileFigure(): BenchResult {
  const rng = new Prng(13);
  const members = universe(rng);
  const selectors: Selector[] = [];
  for (let i = 0; i < 2000; i++) selectors.push(parseSelector(randomSelector(rng, members, 3)));
  const t0 = process.hrtime.bigint();
  const indexes = Array.from({ length: 7 }, () => new LabelIndex(members));
  const indexMs = Number(process.hrtime.bigint() - t0) / 7e6;
  let run = 0;
  let compiled: Int32Array[] = [];
  const ms = medianMs(() => {
    const index = indexes[run++] as LabelIndex;
    compiled = selectors.map((s) => compileSelector(s.ast, index));
  }, 5, 2);
  let reference: Int32Array[] = [];
  const refMs = medianMs(() => {
    reference = selectors.map((s) => {
      const bits = createBitset(members.length);
      for (let i = 0; i < members.length; i++) if (s.matches(members[i] as Labels)) setBit(bits, i);
      return bits;
    });
  }, 3, 1);
  const same = compiled.every((c, i) => c.every((w, j) => w === (reference[i] as Int32Array)[j]));
  if (!same) throw new Error('B11: compiled selector bitsets differ from matches()');
  const rate = selectors.length / (ms / 1000);
  return {
    id: 'B11',
    metric: 'compile 2k selectors over 10k labels',
    value: rate,
    unit: 'sel/s',
    ratio: ms > 0 ? refMs / ms : undefined,
    ratioTo: 'matches() per member',
    note: `${ms.toFixed(1)} ms vs ${refMs.toFixed(0)} ms; LabelIndex build ${indexMs.toFixed(1)} ms`,
  };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B11',
    title: 'bit kernels, block transpose, selector compilation',
    run: () => [...kernelFigures(), transposeFigure(), compileFigure()],
  },
];
