// Test helper: the compiled CLI (bin/calisim.js: `npm run build` first, as `npm ci` does) as a background
// process (a sweep coordinator, a queue worker), with its stderr collected and a wait for a line to appear;
// started in its own process group so a test can kill it with its children, as a machine dying would.
// Compiled, because a handful of processes each transforming the sources under tsx take most of a minute.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/calisim.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliProcess {
  readonly child: ChildProcess;
  /** stderr so far. */
  stderr(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number>;
  /** Resolves once stderr matches `re`. */
  waitFor(re: RegExp): Promise<void>;
  /** SIGKILL to the whole process group. */
  kill(): void;
}

/** Starts `calisim ARGS` (compiled) from the project root. */
export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters.filter((x) => x.re.test(err))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal !== null ? -1 : 0))));
  return {
    child,
    stderr: () => err,
    exited,
    waitFor: (re) => (re.test(err) ? Promise.resolve() : new Promise((resolve) => waiters.push({ re, resolve }))),
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
