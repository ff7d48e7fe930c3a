// cli/emulate: the dataplane check — from one node's namespace a TCP connection to a pod address held on a
// dummy interface of another node must succeed, and the kernel must send it to a next hop of the
// simulated ECMP set (`ip route get`). A small TCP listener runs in each node's namespace.
import { spawn, spawnSync } from 'node:child_process';
import type { Lab } from './lab.js';
import { trySh } from './sh.js';

export const PROBE_PORT = 7979;

/** One probe from a node to an address inside another node's block. */
export interface DataplaneCheck {
  readonly from: string;
  readonly to: string;
  readonly address: string;
  /** Next hops the simulation's route resolves to on the underlay (ascending). */
  readonly expected: readonly string[];
  /** Next hop the kernel chose (`direct` when on-link), or null when it has no route. */
  readonly actual: string | null;
  readonly connected: boolean;
  readonly ok: boolean;
}

/** Starts a TCP listener (accept and close) in namespace `ns`; resolves once it listens (a probe sent
 *  before would be refused: on a loaded machine a node process takes seconds to start). */
export function startListener(lab: Lab, ns: string): Promise<void> {
  const code = `require('net').createServer((s) => s.end()).listen(${PROBE_PORT}, '0.0.0.0', () => console.log('listening'))`;
  const p = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  lab.procs.push(p);
  const ready = new Promise<void>((resolve, reject) => {
    p.stdout.on('data', (d: Buffer) => (d.toString().includes('listening') ? resolve() : undefined));
    p.on('exit', (c) => reject(new Error(`the probe listener in ${ns} exited (${c}) before listening`)));
  });
  // Handled here too: a lab torn down before the probes (an error, Ctrl-C) must not end in an unhandled rejection.
  ready.catch(() => undefined);
  return ready;
}

/** The next hop the kernel of `ns` uses for `address`. */
function routeGet(ns: string, address: string): string | null {
  const out = trySh('ip', ['-n', ns, '-j', 'route', 'get', address]);
  if (out === undefined) return null;
  const r = (JSON.parse(out) as { gateway?: string; dev?: string }[])[0];
  if (r === undefined) return null;
  return r.gateway ?? 'direct';
}

/** Whether a TCP connection from `ns` to address:PROBE_PORT succeeds within 2 s. */
function connects(ns: string, address: string): boolean {
  const code = `const s=require('net').connect(${PROBE_PORT},'${address}',()=>process.exit(0));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(2),2000)`;
  const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, '-e', code], { timeout: 5_000 });
  return r.status === 0;
}

export function probe(from: string, fromNs: string, to: string, address: string, expected: readonly string[]): DataplaneCheck {
  const actual = routeGet(fromNs, address);
  const connected = connects(fromNs, address);
  return { from, to, address, expected, actual, connected, ok: connected && actual !== null && expected.includes(actual) };
}
