// cli/emulate: one BIRD 1.6 daemon in a namespace, run in the foreground (`bird -f`) so its pid is ours to
// signal (SIGSTOP for a silent failure, SIGTERM for a clean stop, SIGKILL for a crash), queried with
// birdc over its own control socket.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from './lab.js';
import { sh, trySh } from './sh.js';

export interface BirdTools {
  readonly bird: string;
  readonly birdc: string;
}

export class BirdDaemon {
  readonly sock: string;
  private pid = -1;

  constructor(
    private readonly lab: Lab,
    private readonly tools: BirdTools,
    readonly ns: string,
    private readonly dir: string,
  ) {
    this.sock = join(dir, `${ns}.ctl`);
  }

  /** Checks the configuration with `bird -p`, then starts the daemon. */
  start(configFile: string): void {
    sh(this.tools.bird, ['-p', '-c', configFile]);
    const log = openSync(join(this.dir, `${this.ns}.log`), 'a');
    const p = spawn('ip', ['netns', 'exec', this.ns, this.tools.bird, '-f', '-c', configFile, '-s', this.sock], { stdio: ['ignore', log, log] });
    this.lab.procs.push(p);
    this.pid = p.pid ?? -1;
  }

  /** Sends a signal to the daemon (no-op once it is gone). */
  signal(sig: NodeJS.Signals): void {
    if (this.pid < 0) return;
    try {
      process.kill(this.pid, sig);
    } catch {
      // already exited
    }
    if (sig === 'SIGKILL' || sig === 'SIGTERM') this.pid = -1;
  }

  /** `birdc show route all`, or undefined while the daemon is not answering. */
  showRouteAll(): string | undefined {
    return this.pid < 0 ? undefined : trySh(this.tools.birdc, ['-s', this.sock, 'show', 'route', 'all']);
  }

  /** `birdc show protocols`, or undefined. */
  showProtocols(): string | undefined {
    return this.pid < 0 ? undefined : trySh(this.tools.birdc, ['-s', this.sock, 'show', 'protocols']);
  }

  /** BGP protocols of the daemon and how many of them are Established. */
  bgpStates(): { total: number; established: number } {
    const rows = (this.showProtocols() ?? '').split('\n').filter((l) => /^\S+\s+BGP\s/.test(l));
    return { total: rows.length, established: rows.filter((l) => /\sEstablished\s*$/.test(l)).length };
  }

  /** `birdc disable|enable PROTOCOL` (a BGPPeer session shut down or started again); throws on failure. */
  setProtocol(protocol: string, up: boolean): void {
    const out = sh(this.tools.birdc, ['-s', this.sock, up ? 'enable' : 'disable', protocol]);
    if (!new RegExp(`${protocol}: (en|dis)abled|already (en|dis)abled`).test(out)) throw new Error(`birdc ${up ? 'enable' : 'disable'} ${protocol}: ${out.trim()}`);
  }
}
