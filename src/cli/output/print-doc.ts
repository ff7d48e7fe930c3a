// cli: `-o json|yaml` for the commands that print objects — one JSON or YAML document on stdout, carrying the
// load warnings (an additive `warnings` field) so a pipeline sees what stderr said.
import type { Argv } from 'yargs';
import { stringify } from 'yaml';
import { optString } from '../command.js';
import { warningsJson, type LoadedInput } from '../load/load-input.js';

/** Adds -o/--output (json or yaml). */
export function withOutputOption(y: Argv): Argv {
  return y.option('output', { alias: 'o', choices: ['json', 'yaml'] as const, describe: 'print the result as one JSON or YAML document' });
}

/** The document format asked for: -o wins over --format json; undefined for text. */
export function docFormat(args: Record<string, unknown>): 'json' | 'yaml' | undefined {
  const o = optString(args, 'output');
  if (o === 'json' || o === 'yaml') return o;
  return optString(args, 'format') === 'json' ? 'json' : undefined;
}

/** Prints `doc` (with the input's warnings when it is an object and `input` is given) as JSON or YAML. */
export function printDoc(doc: object, format: 'json' | 'yaml', input?: LoadedInput): void {
  const full = input !== undefined && !Array.isArray(doc) ? { ...doc, warnings: warningsJson(input) } : doc;
  process.stdout.write(format === 'yaml' ? stringify(full, { aliasDuplicateObjects: false }) : JSON.stringify(full, null, 2) + '\n');
}
