// cli: the shared front half of the query commands — load FILE... through the one validating path (a
// scenario, or manifest files and folders), build the model and run the engine up to `--at` (default: time 0).
import { buildModel } from '../model/build-model.js';
import { runPlatform, type PlatformRun } from '../engine/platform/run-platform.js';
import { parseDuration, simTimeProblem } from '../scenario/duration.js';
import { loadInput, type InputOptions, type LoadedInput } from './load-input.js';
import { UsageError } from './usage-error.js';

/** A validated input run to simulated time `at`. */
export interface LoadedRun extends LoadedInput {
  readonly run: PlatformRun;
}

/**
 * Loads the inputs and runs them to simulated time `at` (a duration text; undefined = 0); `policyOnly`
 * for commands that read pods, addresses and policies but not BGP (see RunOptions.deferBgp).
 */
export function loadRun(files: readonly string[], at: string | undefined, options: InputOptions = {}, seed?: number, policyOnly = false): LoadedRun {
  const until = at === undefined ? 0 : parseDuration(at);
  if (until === undefined) throw new UsageError(`--at ${at}: not a duration (e.g. 90s, 5m)`);
  const late = simTimeProblem(until);
  if (late !== undefined) throw new UsageError(`--at ${at}: ${late}`);
  const input = loadInput(files, options);
  return { ...input, run: runPlatform(buildModel(input.scenario), { until, deferBgp: policyOnly, ...(seed !== undefined ? { seed } : {}) }) };
}
