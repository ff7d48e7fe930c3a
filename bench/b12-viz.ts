// bench: the D3 page — B12 `calisim run --manifests` end to end on B1's cluster as a scenario (10k pods, 2k
// policies: verdicts, report, manifests and the page, from one load and one simulation), B13 the class-level layout of B1's
// graph, and the first render of the page in Chromium (performance marks) for the default scenario, B1's
// and large.yaml, with the HTML's size.
// Runs the built CLI (bin/calisim.js on dist/): `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { layoutPlatform } from '../src/emit/viz/layout-platform.js';
import { buildModel } from '../src/model/build-model.js';
import { loadScenarios } from '../src/scenario/load-scenario.js';
import { writeB1Scenario } from './scenario-b1.js';
import { medianMs, type Benchmark, type BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';

const work = mkdtempSync(join(tmpdir(), 'calisim-b12-'));
const cli = join(projectRoot, 'bin', 'calisim.js');
let b1: string | undefined;
const b1Dir = (): string => (b1 ??= writeB1Scenario(join(work, 'b1')));

/** Wall seconds of one CLI run (exit 0 or 1 expected). */
function timedCli(args: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`calisim ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Milliseconds from navigation start to the page's `calisim:first-render` mark, median of three loads. */
async function firstRenderMs(html: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`file://${html}`);
      await page.waitForSelector('body[data-ready=true]', { timeout: 120_000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('calisim:first-render')[0]?.startTime ?? NaN));
      await page.close();
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    await browser.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B12',
    title: 'calisim run end to end on B1 as a scenario, page included',
    run(): BenchResult[] {
      const dir = b1Dir();
      const run = (...extra: string[]): number => [0, 1, 2].map(() => timedCli(['run', dir, '--out', join(work, 'out12'), '--quiet', '--manifests', ...extra])).sort((a, b) => a - b)[1]!;
      const withPage = run();
      const without = run('--no-viz');
      return [{ id: 'B12', metric: 'run_and_manifests_b1', value: withPage, unit: 's', ratio: withPage / without, ratioTo: 'the same with --no-viz', floor: 5, goal: 2, note: 'one process: run --manifests' }];
    },
  },
  {
    id: 'B13',
    title: "class-level layout of B1's graph",
    run(): BenchResult[] {
      const t0 = process.hrtime.bigint();
      const model = buildModel(loadScenarios([b1Dir()]));
      const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const ms = medianMs(() => layoutPlatform(model, 1), 5, 1);
      return [{ id: 'B13', metric: 'layout_b1', value: ms / 1000, unit: 's', ratio: ms / buildMs, ratioTo: 'loading and building the model', floor: 1.5, goal: 0.5, note: `${model.nodes.length} nodes, ${model.clusters.length} clusters` }];
    },
  },
  {
    id: 'B12R',
    title: 'first render of the page in Chromium (default, B1, large.yaml) and the HTML size of large.yaml',
    async run(): Promise<BenchResult[]> {
      if (!existsSync('/usr/bin/chromium')) return [];
      const out: BenchResult[] = [];
      const inputs: [string, string][] = [['default', join(projectRoot, 'scenarios', 'giantnetes.yaml')], ['b1', b1Dir()], ['large', join(projectRoot, 'scenarios', 'large.yaml')]];
      for (const [name, input] of inputs) {
        const html = join(work, `${name}.html`);
        const writeS = timedCli(['viz', input, '-o', html]);
        const ms = await firstRenderMs(html);
        const size = statSync(html).size / 1e6;
        out.push({ id: 'B12R', metric: `first_render_${name}`, value: ms / 1000, unit: 's', floor: 1.5, goal: 0.5, note: `HTML ${size.toFixed(2)} MB, written in ${writeS.toFixed(1)} s` });
        if (name === 'large') out.push({ id: 'B12R', metric: 'html_size_large', value: size, unit: 'MB', goal: 5 });
      }
      return out;
    },
  },
];
