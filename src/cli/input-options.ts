// cli: the input options every command shares, as kubectl has them — `-f FILE|DIR|-` (repeatable, `-` for
// standard input) beside the positional files, and `-n NAMESPACE` for manifests that name no namespace.
import type { Argv } from 'yargs';
import { optString, optStrings } from './command.js';
import type { InputOptions } from './load/load-input.js';

/** Adds -f/--filename and -n/--namespace to a command. */
export function withInputOptions(y: Argv): Argv {
  return y
    .option('filename', { alias: 'f', type: 'string', array: true, describe: 'scenario, manifest file or folder; - reads standard input (repeatable)' })
    .option('namespace', { alias: 'n', type: 'string', describe: 'namespace of manifests that name none (as kubectl apply -n)' });
}

/** The positional files named `positional`, then those given with -f. */
export function inputFiles(args: Record<string, unknown>, positional: string): string[] {
  return [...optStrings(args, positional), ...optStrings(args, 'filename')];
}

/** The InputOptions of the parsed arguments. */
export function inputOptions(args: Record<string, unknown>): InputOptions {
  const namespace = optString(args, 'namespace');
  return namespace === undefined ? {} : { namespace };
}
