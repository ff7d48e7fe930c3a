// cli: `calisim viz SCENARIO|FILES... [-o FILE] [--at T] [--seed N]` — writes the D3 page: one
// self-contained HTML file (script, styles and data inline, no network) of the platform, its reachability
// and its timeline. `run` and `check --viz` write the same page through startVizPage, recording the run
// they simulate (one simulation per command).
import { readFileSync } from 'node:fs';
import { recordViz } from '../../emit/viz/build-viz-data.js';
import { createPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import { renderVizHtml, type PageAssets } from '../../emit/viz/render-viz-html.js';
import { buildModel } from '../../model/build-model.js';
import { parseDuration, simTimeProblem } from '../../scenario/schema/duration.js';
import { defaultScenarioPath } from '../../scenario/load-scenario.js';
import type { CheckReport } from '../../verdict/check/types.js';
import { policyChangeEffects } from '../../verdict/diff/policy-change-effects.js';
import type { Command } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadInput } from '../load/load-input.js';
import { optSeed, optString } from '../command.js';
import { displayPath } from '../display-path.js';
import { UsageError } from '../usage-error.js';
import { displayOutputPath, writeFileAtomic } from '../output/write-output.js';

export const vizCommand: Command = {
  command: 'viz [files..]',
  describe: 'Write the D3 page: topology, reachability matrix, timeline, traces in one offline HTML file',
  builder: (y) =>
    withInputOptions(y)
      .positional('files', { type: 'string', array: true, describe: 'scenario, manifest files or folders (default: scenarios/giantnetes.yaml)' })
      .option('o', { alias: 'out', type: 'string', default: 'out/calisim.html', describe: 'the HTML file to write' })
      .option('at', { type: 'string', describe: 'simulated time the page opens at, and of its routes, matrix and traces (default 30s)' })
      .option('seed', { type: 'number', describe: "PRNG seed (default: the scenario's)" }),
  async run(args) {
    const files = inputFiles(args, 'files');
    const at = durationOption(optString(args, 'at'), '--at');
    const seed = optSeed(args);
    const input = loadInput(files.length ? files : [defaultScenarioPath()], inputOptions(args));
    const model = buildModel(input.scenario);
    const out = optString(args, 'o') ?? 'out/calisim.html';
    const used = seed ?? model.scenario.seed;
    const end = model.scenario.horizon;
    // The page records the run to its horizon: a later cursor would describe a state the run never reached.
    if (at !== undefined && at > end) throw new UsageError(`--at ${optString(args, 'at')}: after the scenario's horizon (${end / 1000}s), where the page's run ends`);
    const page = startVizPage(createPlatform(model, { seed: used, onPolicyChange: policyChangeEffects }), used, end, at !== undefined ? { at } : {});
    page.advance(end);
    page.write(out);
    process.stdout.write(`Wrote ${displayOutputPath(out)}\n`);
    return 0;
  },
};

/** The page of a command's one run: advance the run through it (recording), then write it at the end. */
export interface VizPage {
  readonly run: PlatformRun;
  advance(until: number): void;
  /** Writes the page of the run as it stands, atomically, to `file` (with `check`'s results, if given). */
  write(file: string, check?: CheckReport): void;
}

/**
 * Starts the page of `run` (just created with `seed`, to end at `end` ms): the bundle is read first, so
 * a missing build is reported before the simulation.
 */
export function startVizPage(run: PlatformRun, seed: number, end: number, options: { readonly at?: number } = {}): VizPage {
  const assets = pageAssets();
  const recording = recordViz(run, seed, end, { ...options, display: displayPath });
  return { run, advance: (until) => recording.advance(until), write: (file, check) => writeFileAtomic(file, renderVizHtml(recording.finish(check), assets)) };
}

/** The bundle `npm run build` writes (dist/viz/page.js and page.css; the same path from src/ and dist/). */
function pageAssets(): PageAssets {
  const read = (name: string): string => {
    try {
      return readFileSync(new URL(`../../../dist/viz/${name}`, import.meta.url), 'utf8');
    } catch {
      throw new UsageError(`the page bundle dist/viz/${name} is missing: run \`npm run build\``);
    }
  };
  return { script: read('page.js'), style: read('page.css') };
}

/** A duration option (`90s`, `5m`) in ms, or undefined when absent; past --max-sim-time is refused. */
export function durationOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${name} ${text}: not a duration (e.g. 90s, 5m, 1h)`);
  const late = simTimeProblem(ms);
  if (late !== undefined) throw new UsageError(`${name} ${text}: ${late}`);
  return ms;
}
