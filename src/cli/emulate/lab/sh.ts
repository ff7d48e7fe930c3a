// cli/emulate: running the machine's tools (ip, birdc) synchronously; a failing command throws with
// its command line and stderr, so a half-built lab is reported and torn down.
import { spawnSync } from 'node:child_process';

export class CommandFailed extends Error {}

/** Runs `cmd args`; returns stdout. Throws CommandFailed on a non-zero exit. */
export function sh(cmd: string, args: readonly string[], input?: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000, ...(input !== undefined ? { input } : {}) });
  if (r.error !== undefined) throw new CommandFailed(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new CommandFailed(`${cmd} ${args.join(' ')}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** Like sh, but a failure is returned as undefined (cleanup paths, probes). */
export function trySh(cmd: string, args: readonly string[]): string | undefined {
  try {
    return sh(cmd, args);
  } catch {
    return undefined;
  }
}

/** The first of `candidates` that runs with `--version` (Debian keeps bird in /usr/sbin). */
export function findTool(candidates: readonly string[], probe = ['--version']): string | undefined {
  return candidates.find((c) => {
    const r = spawnSync(c, probe, { encoding: 'utf8', timeout: 5_000 });
    return r.error === undefined;
  });
}
