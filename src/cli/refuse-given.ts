// cli: an option the user gave that the command's mode would not read is refused (exit 2), never dropped.
import { isGiven } from './given-options.js';
import { optString } from './command.js';
import { UsageError } from './usage-error.js';

/** `--name`, or `-o` for a one-letter option. */
export function flag(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** Refuses each of `names` given on the command line: it has no meaning here (`why`). */
export function refuseGiven(args: Record<string, unknown>, names: readonly string[], why: string): void {
  const given = names.filter((n) => isGiven(args, n));
  if (given.length) throw new UsageError(`${given.map(flag).join(', ')}: ${why}; ${given.length > 1 ? 'they do' : 'it does'} not apply`);
}

/** `-o FORMAT` and a different `--format`, both typed: -o would win and --format be dropped. */
export function refuseFormatConflict(args: Record<string, unknown>): void {
  const output = optString(args, 'output');
  const format = optString(args, 'format');
  if (output === undefined || format === undefined || format === output || !isGiven(args, 'format')) return;
  throw new UsageError(`-o ${output} and --format ${format}: give one (-o prints the result as one ${output.toUpperCase()} document, in place of --format's output)`);
}
