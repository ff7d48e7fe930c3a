// cli: `calisim viz SCENARIO|FILES... [-o FILE] [--at T] [--seed N]` — writes the D3 page: one
// self-contained HTML file (script, styles and data inline, no network) of the platform, its reachability
// and its timeline. `run` and `check --viz` write the same page through writeVizPage.
import { readFileSync } from 'node:fs';
import { buildVizData } from '../../emit/viz/build-viz-data.js';
import { renderVizHtml, type PageAssets } from '../../emit/viz/render-viz-html.js';
import { buildModel } from '../../model/build-model.js';
import type { Model } from '../../model/types.js';
import { parseDuration } from '../../scenario/duration.js';
import { defaultScenarioPath } from '../../scenario/load-scenario.js';
import type { CheckReport } from '../../verdict/check/types.js';
import type { Command } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadInput } from '../load-input.js';
import { optString } from '../command.js';
import { displayPath } from '../display-path.js';
import { UsageError } from '../usage-error.js';
import { displayOutputPath, writeFileAtomic } from '../write-output.js';

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
    const seed = seedOption(args['seed']);
    const input = loadInput(files.length ? files : [defaultScenarioPath()], inputOptions(args));
    const model = buildModel(input.scenario);
    const out = optString(args, 'o') ?? 'out/calisim.html';
    writeVizPage(model, out, { ...(seed !== undefined ? { seed } : {}), ...(at !== undefined ? { at } : {}) });
    process.stdout.write(`Wrote ${displayOutputPath(out)}\n`);
    return 0;
  },
};

/** Builds the page of `model` and writes it atomically to `file`. */
export function writeVizPage(model: Model, file: string, options: { readonly seed?: number; readonly at?: number; readonly check?: CheckReport } = {}): void {
  const assets = pageAssets();
  const data = buildVizData(model, { ...options, display: displayPath });
  writeFileAtomic(file, renderVizHtml(data, assets));
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

/** A duration option (`90s`, `5m`) in ms, or undefined when absent. */
export function durationOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${name} ${text}: not a duration (e.g. 90s, 5m, 1h)`);
  return ms;
}

function seedOption(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new UsageError('--seed must be an integer');
  return v;
}
