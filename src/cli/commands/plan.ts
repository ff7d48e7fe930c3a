// cli: `calisim plan SCENARIO` — run the scenario, measure it, and print every capacity limit with its
// value, use, headroom and source, the tightest one, and which binds first along each growth axis.
import { performance } from 'node:perf_hooks';
import { renderPlanMarkdown } from '../../emit/plan/render-plan-markdown.js';
import { renderPlanText } from '../../emit/plan/render-plan-text.js';
import { runPlatform } from '../../engine/platform/run-platform.js';
import { buildModel } from '../../model/build-model.js';
import { buildPlan } from '../../plan/build-plan.js';
import { measureRun } from '../../plan/measure-run.js';
import type { Command } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadInput } from '../load/load-input.js';
import { optString } from '../command.js';
import { UsageError } from '../usage-error.js';

export const planCommand: Command = {
  command: 'plan [scenario..]',
  describe: 'Capacity plan: every limit with its use, headroom and source, and which binds first as the platform grows',
  builder: (y) =>
    withInputOptions(y)
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML (or manifest files and folders)' })
      .option('format', { choices: ['text', 'json', 'markdown'] as const, default: 'text' })
      .option('seed', { type: 'number', describe: "PRNG seed (default: the scenario's)" })
      .option('cores', { type: 'number', describe: 'CPU cores per node: pods per node becomes min(maxPods, 10 × cores)' }),
  async run(args) {
    const cores = args['cores'];
    if (cores !== undefined && (!Number.isInteger(cores) || (cores as number) < 1)) throw new UsageError('--cores must be a positive integer');
    const seedArg = args['seed'];
    if (seedArg !== undefined && !Number.isInteger(seedArg)) throw new UsageError('--seed must be an integer');
    const input = loadInput(inputFiles(args, 'scenario'), inputOptions(args));
    const { scenario } = input;
    const seed = typeof seedArg === 'number' ? seedArg : scenario.seed;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Krunning ${scenario.name} to measure it...`);
    const run = runPlatform(buildModel(scenario), { seed });
    const { measure } = measureRun(run, () => performance.now());
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const report = buildPlan(measure, { scenario: scenario.name, seed, ...(typeof cores === 'number' ? { cores } : {}) });
    const format = optString(args, 'format');
    process.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'markdown' ? renderPlanMarkdown(report) : renderPlanText(report));
    return 0;
  },
};
