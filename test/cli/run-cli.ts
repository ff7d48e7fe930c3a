// Test helper: runs the CLI in a child process (as a user would, real exit codes and streams), compiled: `npm
// test` builds first (pretest), and a process transforming the sources under tsx costs twice the CPU.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../bin/calisim.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Result of one CLI invocation. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `calisim ARGS` from the project root (or `cwd`). */
export function runCli(args: readonly string[], cwd = root): CliResult {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
