// cli: `calisim check SCENARIO` — evaluate the scenario's expectations and the built-in invariants over
// the whole timeline and report them for people or CI (text, JSON, JUnit, SARIF, Markdown).
// Exit codes: 0 all hold, 1 an assertion failed, 2 bad input, 3 unknown verdicts with --fail-on-unknown.
import { readFileSync } from 'node:fs';
import { renderCheckJson } from '../../emit/check/render-check-json.js';
import { renderCheckJunit } from '../../emit/check/render-check-junit.js';
import { renderCheckMarkdown } from '../../emit/check/render-check-markdown.js';
import { renderCheckSarif } from '../../emit/check/render-check-sarif.js';
import { renderCheckText } from '../../emit/check/render-check-text.js';
import { createPlatform } from '../../engine/platform/run-platform.js';
import { buildModel } from '../../model/build-model.js';
import { policyChangeEffects } from '../../verdict/diff/policy-change-effects.js';
import type { CheckReport } from '../../verdict/check/types.js';
import { runCheck } from '../../verdict/check/run-check.js';
import type { Command } from '../command.js';
import { optSeed, optString } from '../command.js';
import { displayPath } from '../display-path.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadInput, warningsJson, type LoadedInput } from '../load/load-input.js';
import { printDoc, withOutputOption } from '../output/print-doc.js';
import { startProgress } from '../progress.js';
import { startVizPage } from './viz.js';

export const checkCommand: Command = {
  command: 'check [scenario..]',
  describe: 'Check tenant isolation, expectations and invariants at every point of the timeline (for CI)',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML (or manifest files/folders)' })
      .option('format', { choices: ['text', 'json', 'junit', 'sarif', 'markdown'] as const, default: 'text' })
      .option('seed', { type: 'number', describe: "PRNG seed (default: the scenario's)" })
      .option('fail-on-unknown', { type: 'boolean', default: false, describe: 'exit 3 when an assertion is left unknown' })
      .option('viz', { type: 'string', describe: 'also write the D3 page with the check results to this HTML file' }),
  async run(args) {
    const files = inputFiles(args, 'scenario');
    const input = loadInput(files, inputOptions(args));
    const { scenario } = input;
    const seed = optSeed(args);
    const progress = startProgress(`check ${scenario.name}`);
    progress.step('building the model');
    const model = buildModel(scenario);
    const vizFile = optString(args, 'viz');
    const used = seed ?? scenario.seed;
    // With --viz the page records the run check steps through (one simulation).
    const page = vizFile !== undefined ? startVizPage(createPlatform(model, { seed: used, onPolicyChange: policyChangeEffects }), used, scenario.horizon) : undefined;
    const report = runCheck(model, { ...(seed !== undefined ? { seed } : {}), progress: (m) => progress.step(m), ...(page ? { platform: page } : {}) });
    progress.done();
    if (page && vizFile !== undefined) {
      page.advance(scenario.horizon);
      page.write(vizFile, report);
    }
    const output = optString(args, 'output');
    if (output === 'json' || output === 'yaml') printDoc(JSON.parse(renderCheckJson(displayed(report))) as object, output, input);
    else process.stdout.write(render(report, optString(args, 'format') ?? 'text', files[0] ?? '', input));
    if (report.summary.failed > 0) return 1;
    return args['fail-on-unknown'] === true && report.summary.unknown > 0 ? 3 : 0;
  },
};

function render(r: CheckReport, format: string, scenarioFile: string, input: LoadedInput): string {
  const shown = displayed(r);
  switch (format) {
    case 'json':
      return `${JSON.stringify({ ...(JSON.parse(renderCheckJson(shown)) as object), warnings: warningsJson(input) }, null, 2)}\n`;
    case 'junit':
      return renderCheckJunit(shown);
    case 'sarif':
      return renderCheckSarif(shown, { version: packageVersion(), scenarioFile: displayPath(scenarioFile) });
    case 'markdown':
      return renderCheckMarkdown(shown);
    default:
      return renderCheckText(shown);
  }
}

/** Source files shown relative to the working directory, so outputs do not depend on the checkout path. */
function displayed(r: CheckReport): CheckReport {
  const fix = <T extends { file?: string }>(x: T): T => (x.file !== undefined ? { ...x, file: displayPath(x.file) } : x);
  return {
    ...r,
    assertions: r.assertions.map((a) => ({
      ...a,
      ...(a.src ? { src: fix(a.src) } : {}),
      ...(a.counterexample
        ? {
            counterexample: {
              ...a.counterexample,
              rules: a.counterexample.rules.map(fix),
              ...(a.counterexample.responsible ? { responsible: fix(a.counterexample.responsible) } : {}),
            },
          }
        : {}),
    })),
  };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
