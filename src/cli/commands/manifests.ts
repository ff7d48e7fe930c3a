// cli: `calisim manifests SCENARIO [-o DIR|json|yaml] [--at T] [--cluster NAME] [--format yaml|json] [--force]` —
// write the real configuration the simulation ran, a folder per cluster (see src/emit/manifest-set.ts), atomically: an
// interrupted run leaves the previous set or the new one. `--diff T1 T2` prints what an operator would apply
// between two instants instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifestSet, type SetFile } from '../../emit/manifest-set.js';
import { manifestSetDiff } from '../../emit/manifest-set-diff.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { inputFiles, inputOptions, withInputOptions } from '../input-options.js';
import { displayPath } from '../display-path.js';
import { loadRun } from '../load/load-run.js';
import { isGiven } from '../given-options.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';
import { writeTreeAtomic } from '../output/write-output.js';

export const manifestsCommand: Command = {
  command: 'manifests [scenario..]',
  describe: 'Write the install, Kubernetes, Calico, BIRD, flannel, load-balancer and PKI configuration of every cluster, a folder each',
  builder: (y) =>
    withInputOptions(y)
      .positional('scenario', { type: 'string', array: true, describe: 'scenario YAML, manifest files or folders' })
      .option('o', { alias: 'out', type: 'string', default: DEFAULT_OUT, describe: `output folder; the bare word json or yaml is the format instead (written to ${DEFAULT_OUT}): a folder named json is -o ./json` })
      .option('at', { type: 'string', describe: 'simulated time of the state to emit (default 0)' })
      .option('cluster', { type: 'string', array: true, describe: 'write only this cluster (repeatable)' })
      .option('format', { choices: ['yaml', 'json'] as const, describe: 'object files as YAML (default) or as JSON Lists' })
      .option('force', { type: 'boolean', default: false, describe: 'replace an output folder that holds other files' })
      .option('diff', { type: 'string', array: true, describe: 'T1 T2: print the objects to apply (and delete) between two instants' })
      .option('quiet', { type: 'boolean', default: false }),
  async run(args) {
    const files = inputFiles(args, 'scenario');
    const options = inputOptions(args);
    const { out, format } = outputOf(optString(args, 'o'), optString(args, 'format'));
    const wanted = optStrings(args, 'cluster');
    const warn = (line: string): void => void process.stderr.write(line + '\n');
    const diff = optStrings(args, 'diff');
    const setAt = (at: string | undefined): SetFile[] => {
      const { run } = loadRun(files, at, options);
      const known = new Set(run.model.clusters.map((c) => c.name));
      for (const w of wanted) if (!known.has(w)) throw new UsageError(`--cluster ${w}: no such cluster (known: ${[...known].join(', ')})`);
      return buildManifestSet(run, { format, warn, ...(wanted.length ? { clusters: new Set(wanted) } : {}) });
    };
    if (diff.length > 0) {
      if (diff.length !== 2) throw new UsageError('--diff takes two instants: --diff T1 T2');
      refuseGiven(args, ['at', 'force', 'quiet'], '--diff prints the objects between its two instants and writes no folder');
      if (isGiven(args, 'o') && optString(args, 'o') !== 'json' && optString(args, 'o') !== 'yaml') throw new UsageError(`-o ${optString(args, 'o') ?? ''}: --diff prints the objects between its two instants and writes no folder; it does not apply`);
      process.stdout.write(manifestSetDiff(setAt(diff[0]), setAt(diff[1]), `${diff[0]}`, `${diff[1]}`));
      return 0;
    }
    const set = setAt(optString(args, 'at'));
    writeTreeAtomic(out, set, { force: args['force'] === true, replaceable: isPreviousOutput });
    if (args['quiet'] !== true) {
      process.stdout.write(`Wrote ${set.length} files under ${displayPath(out)}:\n`);
      for (const f of set) process.stdout.write(`  ${displayPath(join(out, f.path))}\n`);
    }
    return 0;
  },
};

const DEFAULT_OUT = 'out/manifests';

/**
 * The output folder and format: `-o json` / `-o yaml` (exactly these bare words) name the format, as the issue
 * spells it, and the set goes to the default folder; any other `-o` is the folder (`-o ./json` for one named json).
 */
function outputOf(o: string | undefined, format: string | undefined): { out: string; format: 'yaml' | 'json' } {
  const word = o === 'json' || o === 'yaml' ? o : undefined;
  if (word !== undefined && format !== undefined && format !== word) {
    throw new UsageError(`-o ${word} asks for ${word} but --format says ${format}; to write into a folder named ${word}, use -o ./${word}`);
  }
  return { out: word === undefined ? (o ?? DEFAULT_OUT) : DEFAULT_OUT, format: (word ?? format) === 'json' ? 'json' : 'yaml' };
}

/** A folder this command (or `run --manifests`) wrote before: only cluster folders, each with its kustomization.yaml. */
export function isPreviousOutput(dir: string): boolean {
  return readdirSync(dir).every((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() && existsSync(join(p, 'kustomization.yaml'));
  });
}
