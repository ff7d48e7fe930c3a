// cli: `calisim run [SCENARIO]` — simulate a scenario (the embedded default when none is given), print
// the summary (text or JSON) and write report.json into the output folder, with the page (calisim.html) and, asked
// for, the manifests the run started from (manifests/), all from the one load and the one simulation.
import { join, relative } from 'node:path';
import { buildManifestSet, type SetFile } from '../../emit/manifest-set.js';
import { buildModel } from '../../model/build-model.js';
import { advancePlatform, createPlatform } from '../../engine/platform/run-platform.js';
import { renderRunSummary } from '../../emit/report/run-summary-text.js';
import { parseDuration, simTimeProblem } from '../../scenario/schema/duration.js';
import { defaultScenarioPath } from '../../scenario/load-scenario.js';
import { policyChangeEffects } from '../../verdict/diff/policy-change-effects.js';
import { buildRunReport } from '../../verdict/run/run-report.js';
import type { Command } from '../command.js';
import { optSeed, optString } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadInput, warningsJson } from '../load/load-input.js';
import { printDoc, withOutputOption } from '../output/print-doc.js';
import { startProgress } from '../progress.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';
import { refuseTreeTarget, writeFileAtomic, writeTreeAtomic } from '../output/write-output.js';
import { bgpProblems, throwErrors } from '../load/model-problems.js';
import { isPreviousOutput } from './manifests.js';
import { startVizPage } from './viz.js';

export const runCommand: Command = {
  command: 'run [scenario..]',
  describe: 'Simulate a scenario (default: the embedded giantnetes platform) and report what happened',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders (default: scenarios/giantnetes.yaml)' })
      .option('seed', { type: 'number', describe: 'PRNG seed (default: the scenario\'s)' })
      .option('until', { type: 'string', describe: 'simulated time to stop at, e.g. 5m (default: the scenario\'s horizon)' })
      .option('out', { type: 'string', default: 'out', describe: 'output folder for report.json' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('viz', { type: 'boolean', default: true, describe: 'write calisim.html beside report.json (--no-viz skips it)' })
      .option('manifests', { type: 'boolean', default: false, describe: 'also write the manifests the run started from into OUT/manifests (what `calisim manifests` writes, at the run\'s seed)' })
      .option('force', { type: 'boolean', default: false, describe: 'with --manifests: replace an OUT/manifests folder that holds other files' }),
  async run(args) {
    const given = inputFiles(args, 'scenario');
    const files = given.length ? given : [defaultScenarioPath()];
    const quiet = args['quiet'] === true;
    if (quiet) refuseGiven(args, ['format', 'output'], '--quiet prints nothing (report.json is written all the same)');
    const input = loadInput(files, inputOptions(args));
    const { scenario } = input;
    const untilText = optString(args, 'until');
    const until = untilText === undefined ? undefined : parseDuration(untilText);
    if (untilText !== undefined && until === undefined) throw new UsageError(`--until ${untilText}: not a duration (e.g. 90s, 5m, 1h)`);
    const late = until === undefined ? undefined : simTimeProblem(until);
    if (late !== undefined) throw new UsageError(`--until ${untilText ?? ''}: ${late}`);
    const seed = optSeed(args) ?? scenario.seed;
    const outDir = optString(args, 'out') ?? 'out';
    const manifestsDir = join(outDir, 'manifests');
    const treeOptions = { force: args['force'] === true, replaceable: isPreviousOutput };
    if (args['force'] === true && args['manifests'] !== true) throw new UsageError('--force replaces the OUT/manifests folder of --manifests: pass --manifests too');
    // A manifests folder that would be refused is refused before the simulation.
    if (args['manifests'] === true) refuseTreeTarget(manifestsDir, treeOptions);
    const progress = startProgress(`run ${scenario.name}`, quiet);
    progress.step('building the model');
    const model = buildModel(scenario);
    // What validate refuses, run refuses too (the same model-level checks).
    throwErrors(bgpProblems(model));
    const end = until ?? scenario.horizon;
    const run = createPlatform(model, { seed, progress: (m) => progress.step(m), onPolicyChange: policyChangeEffects });
    // The page records this run while it advances (one simulation); --no-viz advances it directly.
    const page = args['viz'] !== false ? startVizPage(run, seed, end) : undefined;
    const advance = (until: number): void => void (page ? page.advance(until) : advancePlatform(run, until));
    // The manifests are the state at time 0, as `calisim manifests` emits it (its --at defaults to 0): the run is
    // advanced to 0, read, and goes on (stepping through an instant changes nothing the run computes).
    let manifests: SetFile[] | undefined;
    if (args['manifests'] === true) {
      advance(0);
      progress.step('building the manifests');
      manifests = buildManifestSet(run, { format: 'yaml', warn: (line) => void process.stderr.write(line + '\n') });
    }
    advance(end);
    progress.done();
    // Files named relative to the working directory (the default scenario too), so report.json's bytes do not
    // depend on where calisim is installed.
    const report = buildRunReport(run, seed, (f) => relative(process.cwd(), f) || f);
    const json = JSON.stringify({ ...report, warnings: warningsJson(input) }, null, 2) + '\n';
    writeFileAtomic(join(outDir, 'report.json'), json);
    page?.write(join(outDir, 'calisim.html'));
    if (manifests) writeTreeAtomic(manifestsDir, manifests, treeOptions);
    if (!quiet) {
      const output = optString(args, 'output');
      if (output === 'yaml') printDoc(JSON.parse(json) as object, 'yaml');
      else if (optString(args, 'format') === 'json' || output === 'json') process.stdout.write(json);
      else process.stdout.write(renderRunSummary(report) + `\nWrote ${wroteList([join(outDir, 'report.json'), ...(page ? [join(outDir, 'calisim.html')] : []), ...(manifests ? [`${manifests.length} files under ${manifestsDir}`] : [])])}\n`);
    }
    return report.verdicts.some((v) => v.status === 'fail') ? 1 : 0;
  },
};

/** `a`, `a and b`, `a, b and c`. */
function wroteList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
