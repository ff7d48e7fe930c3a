// cli: the shape of one subcommand — yargs usage, option builder, and a handler returning the exit code.
import type { Argv } from 'yargs';
import { UsageError } from './usage-error.js';

/** One calisim subcommand. */
export interface Command {
  readonly command: string;
  readonly describe: string;
  readonly builder: (y: Argv) => Argv;
  readonly run: (args: Record<string, unknown>) => Promise<number>;
}

/** Reads a string option (undefined when absent). */
export function optString(args: Record<string, unknown>, name: string): string | undefined {
  const v = args[name];
  return v === undefined || v === null ? undefined : String(v);
}

/** Reads a list of positional strings (yargs gives a string or an array). */
export function optStrings(args: Record<string, unknown>, name: string): string[] {
  const v = args[name];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** The `--seed` option: an integer in the PRNG's range 0..4294967295 (its seed is a 32-bit word), or undefined. */
export function optSeed(args: Record<string, unknown>): number | undefined {
  const v = args['seed'];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff_ffff) {
    throw new UsageError(`--seed ${String(v)}: must be an integer in 0..4294967295`);
  }
  return v;
}
