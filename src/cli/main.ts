// cli: the yargs program — the only place that reads argv, the file system or the clock. Every command
// returns an exit code: 0 ok, 1 a verdict failed, 2 bad input (or usage), 3 unknown verdicts with
// --fail-on-unknown. Input errors print file:line:col diagnostics, never a stack trace.
import yargs from 'yargs';
import { InputError, formatDiagnostic } from '../lib/diagnostics.js';
import { LimitError, setLimits } from '../lib/limits.js';
import { commands } from './commands/index.js';
import { paintDiagnostic } from './colour.js';
import { displayPath } from './display-path.js';
import { recordDefaulted } from './given-options.js';
import { withLimitOptions } from './limit-options.js';
import { refuseFormatConflict } from './refuse-given.js';
import { UsageError } from './usage-error.js';

/** The subcommands' names (the start-up keeps one code cache per command: src/cli/boot/load-cli.ts). */
export const commandNames: readonly string[] = commands.map((c) => c.command.split(' ')[0]!);

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  setLimits({});
  let code = 0;
  const program = withLimitOptions(yargs(negativeValues(stdinArgs(argv))))
    .scriptName('calisim')
    .usage('$0 <command> [options]\n\nSimulate multi-tenant Kubernetes networking built on Calico.')
    .strict()
    .demandCommand(1, 'name a command (see --help)')
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 ok, 1 a verdict failed, 2 bad input, 3 unknown verdicts with --fail-on-unknown.')
    .fail((msg, err) => {
      // Throwing stops yargs before the command's handler runs (a misspelt flag is refused up front);
      // the error is printed once, below.
      if (err) throw err;
      throw new UsageError(`${msg}\nRun 'calisim --help' for usage.`);
    })
    .completion('completion', 'Print a bash/zsh completion script (source <(calisim completion))')
    .help()
    .version();
  skipHelpLayoutAfterHandler(program);
  for (const c of commands) {
    program.command(c.command, c.describe, c.builder, async (args) => {
      recordDefaulted(args, defaultedKeys(program));
      refuseFormatConflict(args);
      code = await c.run(args as Record<string, unknown>);
    });
  }
  try {
    await program.parseAsync();
  } catch (err) {
    if (err instanceof InputError) {
      for (const d of err.diagnostics) process.stderr.write(paintDiagnostic(formatDiagnostic({ ...d, file: displayPath(d.file) })) + '\n');
      const n = err.diagnostics.length;
      process.stderr.write(`calisim: ${n} problem${n === 1 ? '' : 's'} in the input\n`);
      return 2;
    }
    if (err instanceof UsageError || err instanceof LimitError) {
      process.stderr.write(`calisim: ${err.message}\n`);
      return 2;
    }
    return internalError(err, argv.includes('--debug'));
  }
  return code;
}

/** What defaultedKeys reads of yargs: the command's parse, with the keys its parser filled from defaults. */
interface ParsedInternals {
  parsed?: false | { defaulted?: Record<string, boolean> };
}

/** The options of the parse being handled that hold their default rather than a typed value. */
function defaultedKeys(program: object): string[] {
  const parsed = (program as ParsedInternals).parsed;
  return parsed ? Object.keys(parsed.defaulted ?? {}) : [];
}

/** What skipHelpLayoutAfterHandler reaches of yargs' internals (absent in another yargs: then nothing is changed). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } | undefined };
}

/**
 * yargs lays out a command's whole help text right after calling its handler (command.js: cacheHelpMessage, kept
 * to print with a later failure): ~40 ms of every command, string-width's Unicode tables included. calisim's
 * failures print their message alone (.fail above), never that text, so the layout is not made.
 */
function skipHelpLayoutAfterHandler(program: object): void {
  const usage = (program as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
}

/** yargs reads a lone `-` as no value: `-f -`, `--filename -` and a positional `-` become `--filename=-` (stdin). */
function stdinArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === '-f' || a === '--filename') && argv[i + 1] === '-') {
      out.push('--filename=-');
      i++;
    } else out.push(a === '-' ? '--filename=-' : a);
  }
  return out;
}

/**
 * `--at -5m` as `--at=-5m`: yargs reads a word after a long option that starts with `-` and a digit as short
 * options (`-5 -m`: "Unknown arguments: 5, m"), so the option's own check, which names it and its value, never
 * ran. Joined, the value reaches it (`--at -5m: not a duration`), and an option the command lacks is named.
 */
function negativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** A bug, not bad input: one line asking for a report (the stack with --debug); exit 70 (EX_SOFTWARE). */
function internalError(err: unknown, debug: boolean): number {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`calisim: internal error: ${message.split('\n')[0] ?? ''} (a bug in calisim: please report it; --debug shows the stack)\n`);
  if (debug && err instanceof Error && err.stack !== undefined) process.stderr.write(`${err.stack}\n`);
  return 70;
}
