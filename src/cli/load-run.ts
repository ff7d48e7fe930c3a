// cli: the shared front half of the query commands — load FILE... through the one validating path (a
// scenario, or manifest files and folders), build the model and run the engine up to `--at` (default: time 0).
import { buildModel } from '../model/build-model.js';
import { runPlatform, type PlatformRun } from '../engine/platform/run-platform.js';
import { parseDuration } from '../scenario/duration.js';
import { loadInput, type InputOptions, type LoadedInput } from './load-input.js';
import { startProgress } from './progress.js';
import { UsageError } from './usage-error.js';

/** A validated input run to simulated time `at`. */
export interface LoadedRun extends LoadedInput {
  readonly run: PlatformRun;
}

/** Loads the inputs and runs them to simulated time `at` (a duration text; undefined = 0). */
export function loadRun(files: readonly string[], at: string | undefined, options: InputOptions = {}, reported?: LoadedInput): LoadedRun {
  const until = at === undefined ? 0 : parseDuration(at);
  if (until === undefined) throw new UsageError(`--at ${at}: not a duration (e.g. 90s, 5m)`);
  const input = loadInput(files, options, reported);
  const progress = startProgress(input.scenario.name);
  progress.step('building the model');
  const model = buildModel(input.scenario);
  const run = runPlatform(model, { until, progress: (m) => progress.step(m) });
  progress.done();
  return { ...input, run };
}
