// cli: `calisim select SELECTOR (--labels JSON | FILE...)` — evaluate a Calico selector against a label
// map, or list the endpoints of the given scenario/manifests it selects (with Calico's automatic labels).
import { quoteToken } from '../../lib/quote-token.js';
import { parseJsonSafe } from '../../lib/safe-json.js';
import { buildEndpoints } from '../../model/endpoints/build-endpoints.js';
import { parseSelector } from '../../lib/selector/parse.js';
import { SelectorParseError, selectorExcerpt, type Selector } from '../../lib/selector/types.js';
import { policyInputOf } from '../../verdict/state/policy-input.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { loadRun } from '../load/load-run.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';

export const selectCommand: Command = {
  command: 'select <selector> [files..]',
  describe: 'Evaluate a Calico selector on --labels, or list the endpoints it selects in FILE...',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('selector', { type: 'string', describe: "Calico selector, e.g. \"app == 'web' && has(tier)\"" })
      .positional('files', { type: 'string', array: true, describe: 'scenario, manifest files or folders' })
      .option('labels', { type: 'string', describe: 'label map as JSON, e.g. \'{"app":"web"}\'' })
      .option('at', { type: 'string', describe: 'simulated time of the state to query (default 0)' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' }),
  async run(args) {
    const text = optString(args, 'selector') ?? '';
    let selector: Selector;
    try {
      selector = parseSelector(text);
    } catch (e) {
      if (e instanceof SelectorParseError) {
        const shown = selectorExcerpt(text, e.col);
        process.stderr.write(`calisim: ${e.message}\n  ${shown.text}\n  ${' '.repeat(Math.max(0, shown.col - 1))}^\n`);
        return 2;
      }
      throw e;
    }
    const format = docFormat(args);
    const labelsText = optString(args, 'labels');
    const files = inputFiles(args, 'files');
    if (labelsText !== undefined) {
      if (files.length) throw new UsageError('give either --labels or files, not both');
      refuseGiven(args, ['at', 'namespace'], '--labels is matched as given, without a scenario');
      const matches = selector.matches(parseLabels(labelsText));
      if (format === 'json') process.stdout.write(JSON.stringify({ matches }) + '\n');
      else if (format) printDoc({ matches }, format);
      else process.stdout.write(`${matches ? 'matches' : 'does not match'}\n`);
      return 0;
    }
    const loaded = loadRun(files, optString(args, 'at'), inputOptions(args));
    const { run } = loaded;
    const selected: { cluster: string; namespace: string; name: string; labels: Record<string, string> }[] = [];
    run.model.clusters.forEach((c, ci) => {
      for (const ep of buildEndpoints(policyInputOf(run, ci)).endpoints) {
        if (!ep.hostNetwork && selector.matches(ep.labels)) selected.push({ cluster: c.name, namespace: ep.namespace, name: ep.name, labels: { ...ep.labels } });
      }
    });
    if (format) printDoc({ selector: selector.toString(), endpoints: selected }, format, loaded);
    else {
      process.stdout.write(`${selector.toString()} selects ${selected.length} endpoint(s)\n`);
      for (const e of selected) process.stdout.write(`  ${e.cluster}/${e.namespace}/${e.name}\n`);
    }
    return 0;
  },
};

function parseLabels(text: string): Record<string, string> {
  let v: unknown;
  try {
    v = parseJsonSafe(text);
  } catch (e) {
    throw new UsageError(`--labels: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new UsageError('--labels: expected a JSON object of string values');
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw new UsageError(`--labels: value of ${quoteToken(k, 'a key')} is not a string`);
    out[k] = x;
  }
  return out;
}
