// bench: entry of `npm run bench` — discovers bench/b*.ts, runs the selected ids, prints a table and
// writes bench/results.json (an array of BenchResult, one per figure). A run of some ids replaces their figures and
// keeps the others' (merge-results.ts).
import { existsSync, readFileSync, renameSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './harness.js';
import { mergeResults } from './merge-results.js';
import { projectRoot } from './project-root.js';

// Runs from bench/ under tsx or from dist-bench/bench/ compiled (what `npm run bench` does: the shipped
// code is tsc's output, and tsx's module wrappers cost up to a third of the hot loops).
const here = dirname(fileURLToPath(import.meta.url));
const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
const wanted = new Set(process.argv.slice(2).map((s) => s.toUpperCase()));

async function main(): Promise<void> {
  const files = readdirSync(here).filter((f) => /^b\d+/.test(f) && f.endsWith(ext)).sort();
  const all: Benchmark[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { benchmarks?: Benchmark[] };
    all.push(...(mod.benchmarks ?? []));
  }
  const byNumber = (b: Benchmark): number => Number(b.id.slice(1));
  all.sort((x, y) => byNumber(x) - byNumber(y));
  const chosen = wanted.size ? all.filter((b) => wanted.has(b.id)) : all;
  if (wanted.size && chosen.length === 0) {
    process.stderr.write(`no benchmark matches ${[...wanted].join(' ')}; known: ${all.map((b) => b.id).join(' ')}\n`);
    process.exitCode = 2;
    return;
  }
  const results: BenchResult[] = [];
  for (const b of chosen) {
    process.stderr.write(`running ${b.id} ${b.title}...\n`);
    const rs = await b.run();
    results.push(...rs);
    for (const r of rs) process.stdout.write(formatRow(r) + '\n');
  }
  const file = join(projectRoot, 'bench', 'results.json');
  const previous = wanted.size && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]) : [];
  const merged = mergeResults(previous, results, chosen.map((b) => b.id));
  // Atomically: an interrupted run leaves the previous file whole.
  writeFileSync(`${file}.tmp`, JSON.stringify(merged, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
  const kept = merged.length - results.length;
  process.stderr.write(`wrote bench/results.json (${results.length} figures measured${kept ? `, ${kept} kept from the previous file` : ''})\n`);
}

function formatRow(r: BenchResult): string {
  const num = (v: number): string => (Math.abs(v) >= 1000 ? v.toExponential(3) : v.toPrecision(4));
  const ratio = r.ratio !== undefined ? `  x${r.ratio.toFixed(2)} vs ${r.ratioTo ?? '?'}` : '';
  const bounds = r.floor !== undefined ? `  (floor ${num(r.floor)}${r.goal !== undefined ? `, goal ${num(r.goal)}` : ''})` : '';
  return `${r.id.padEnd(4)} ${r.metric.padEnd(36)} ${num(r.value).padStart(11)} ${r.unit.padEnd(10)}${ratio}${bounds}${r.note ? `  ${r.note}` : ''}`;
}

await main();
