// cli: the yargs program — the only place that reads argv, the file system or the clock. Every command
// returns an exit code: 0 ok, 1 a verdict failed, 2 bad input (or usage), 3 unknown verdicts with
// --fail-on-unknown. Input errors print file:line:col diagnostics, never a stack trace.
import yargs from 'yargs';
import { InputError, formatDiagnostic } from '../lib/diagnostics.js';
import { LimitError, setLimits } from '../lib/limits.js';
import { commands } from './commands/index.js';
import { withLimitOptions } from './limit-options.js';
import { UsageError } from './usage-error.js';

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  setLimits({});
  let code = 0;
  let failed = false;
  const program = withLimitOptions(yargs([...argv]))
    .scriptName('calisim')
    .usage('$0 <command> [options]\n\nSimulate multi-tenant Kubernetes networking built on Calico.')
    .strict()
    .demandCommand(1, 'name a command (see --help)')
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 ok, 1 a verdict failed, 2 bad input, 3 unknown verdicts with --fail-on-unknown.')
    .fail((msg, err) => {
      failed = true;
      // An error a command threw is reported once, below; yargs' own complaints (unknown option...) here.
      if (err) throw err;
      process.stderr.write(`calisim: ${msg}\nRun 'calisim --help' for usage.\n`);
    })
    .help()
    .version();
  for (const c of commands) {
    program.command(c.command, c.describe, c.builder, async (args) => {
      code = await c.run(args as Record<string, unknown>);
    });
  }
  try {
    await program.parseAsync();
  } catch (err) {
    if (err instanceof InputError) {
      for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
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
  return failed ? 2 : code;
}

/** A closed pipe (`calisim ... | head`) ends output quietly, as Unix tools do. */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
}

/** A bug, not bad input: one line asking for a report (the stack with --debug); exit 70 (EX_SOFTWARE). */
function internalError(err: unknown, debug: boolean): number {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`calisim: internal error: ${message.split('\n')[0] ?? ''} (a bug in calisim: please report it; --debug shows the stack)\n`);
  if (debug && err instanceof Error && err.stack !== undefined) process.stderr.write(`${err.stack}\n`);
  return 70;
}
