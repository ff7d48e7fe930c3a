// cli: the shared front half of the query commands — load FILE... through the one validating path (a
// scenario, or manifest files and folders), build the model and run the engine up to `--at` (default: time 0).
import { buildModel } from '../../model/build-model.js';
import { runPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import { parseDuration, simTimeProblem } from '../../scenario/schema/duration.js';
import { loadInput, type InputOptions, type LoadedInput } from './load-input.js';
import { startProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

/** A validated input run to simulated time `at`. */
export interface LoadedRun extends LoadedInput {
  readonly run: PlatformRun;
  /** The simulated time it was run to (ms) and the seed it was given (else the scenario's). */
  readonly until: number;
  readonly seed?: number;
}

/** What else loadRun takes: a seed, whether BGP may be deferred, and an input whose warnings were already shown. */
export interface RunExtras {
  readonly seed?: number;
  /** For commands that read pods, addresses and policies but not BGP (see RunOptions.deferBgp). */
  readonly policyOnly?: boolean;
  readonly reported?: LoadedInput;
}

/** Loads the inputs and runs them to simulated time `at` (a duration text; undefined = 0). */
export function loadRun(files: readonly string[], at: string | undefined, options: InputOptions = {}, extra: RunExtras = {}): LoadedRun {
  const until = at === undefined ? 0 : parseDuration(at);
  if (until === undefined) throw new UsageError(`--at ${at}: not a duration (e.g. 90s, 5m)`);
  const late = simTimeProblem(until);
  if (late !== undefined) throw new UsageError(`--at ${at}: ${late}`);
  const input = loadInput(files, options, extra.reported);
  const progress = startProgress(input.scenario.name);
  progress.step('building the model');
  const model = buildModel(input.scenario);
  const run = runPlatform(model, { until, deferBgp: extra.policyOnly ?? false, progress: (m) => progress.step(m), ...(extra.seed !== undefined ? { seed: extra.seed } : {}) });
  progress.done();
  return { ...input, run, until, ...(extra.seed !== undefined ? { seed: extra.seed } : {}) };
}
