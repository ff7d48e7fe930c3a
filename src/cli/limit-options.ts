// cli: the options every command takes to raise a hard limit (src/lib/limits.ts) or to show a stack on an
// internal error; applied before the command runs, so each run starts from the defaults.
import type { Argv } from 'yargs';
import { DEFAULT_LIMITS, setLimits, type Limits } from '../lib/limits.js';
import { parseDuration } from '../scenario/schema/duration.js';
import { UsageError } from './usage-error.js';

/** The limit options' names. */
export const LIMIT_OPTIONS = ['max-input-bytes', 'max-file-bytes', 'max-objects', 'max-sim-time', 'max-events', 'include-outside'] as const;

/** Adds the limit options to every command. */
export function withLimitOptions(y: Argv): Argv {
  return y
    .option('max-input-bytes', { type: 'number', global: true, describe: `bytes read from all inputs together (default ${DEFAULT_LIMITS.maxInputBytes})` })
    .option('max-file-bytes', { type: 'number', global: true, describe: `bytes of any one input file (default ${DEFAULT_LIMITS.maxFileBytes})` })
    .option('max-objects', { type: 'number', global: true, describe: `nodes and pods a scenario may declare or generate (default ${DEFAULT_LIMITS.maxObjects})` })
    .option('max-sim-time', { type: 'string', global: true, describe: 'latest simulated time of a horizon, --until or --at (default 8760h)' })
    .option('max-events', { type: 'number', global: true, describe: `events one simulation may process (default ${DEFAULT_LIMITS.maxEvents})` })
    .option('include-outside', { type: 'boolean', global: true, describe: 'let include: reach files outside the scenario\'s folder' })
    .option('debug', { type: 'boolean', global: true, describe: 'show the stack of an internal error' })
    .middleware((args) => setLimits(limitsOf(args)));
}

/** The limits the options ask for (absent ones keep their defaults). */
export function limitsOf(args: Record<string, unknown>): Partial<Limits> {
  const out: { -readonly [K in keyof Limits]?: Limits[K] } = {};
  const count = (flag: string): number | undefined => {
    const v = args[flag];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new UsageError(`--${flag} must be a positive integer`);
    return v;
  };
  const bytes = count('max-input-bytes');
  if (bytes !== undefined) out.maxInputBytes = bytes;
  const fileBytes = count('max-file-bytes');
  if (fileBytes !== undefined) out.maxFileBytes = fileBytes;
  const objects = count('max-objects');
  if (objects !== undefined) out.maxObjects = objects;
  const events = count('max-events');
  if (events !== undefined) out.maxEvents = events;
  const time = args['max-sim-time'];
  if (time !== undefined) {
    const ms = parseDuration(String(time));
    if (ms === undefined || ms <= 0) throw new UsageError(`--max-sim-time ${String(time)}: not a positive duration (e.g. 8760h)`);
    out.maxSimTime = ms;
  }
  if (args['include-outside'] === true) out.includeOutside = true;
  return out;
}
