// cli: the shared front half of the query commands — load FILE... (a scenario, or manifest files and
// folders), build the model and run the engine up to `--at` (default: time 0, the initial state).
import { buildModel } from '../model/build-model.js';
import { runPlatform, type PlatformRun } from '../engine/platform/run-platform.js';
import { parseDuration, simTimeProblem } from '../scenario/duration.js';
import { loadScenarios } from '../scenario/load-scenario.js';
import { UsageError } from './usage-error.js';

/** Loads the inputs and runs them to simulated time `at` (a duration text; undefined = 0). */
export function loadRun(files: readonly string[], at: string | undefined, seed?: number): PlatformRun {
  if (files.length === 0) throw new UsageError('name a scenario, a manifest file or a folder of manifests');
  const until = at === undefined ? 0 : parseDuration(at);
  if (until === undefined) throw new UsageError(`--at ${at}: not a duration (e.g. 90s, 5m)`);
  const late = simTimeProblem(until);
  if (late !== undefined) throw new UsageError(`--at ${at}: ${late}`);
  const scenario = loadScenarios(files);
  return runPlatform(buildModel(scenario), { until, ...(seed !== undefined ? { seed } : {}) });
}
