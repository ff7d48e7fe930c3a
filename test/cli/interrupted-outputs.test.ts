// Outputs under interruption and contention, with the compiled CLI as a user runs it: two runs racing on one
// --out folder leave one whole output (never a mixture), SIGTERM or SIGINT in the middle of the write leaves the
// previous set or the new one and no temporary file, and a full device (tmpfs, as root) or a file-size limit
// fails with a clear error, the previous output intact.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/calisim.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const dir = mkdtempSync(join(tmpdir(), 'calisim-interrupted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = ['scenarios/giantnetes.yaml', '--cluster', 'acme'];
const LARGE = ['test/fixtures/identity/large-reduced.yaml'];

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Starts `calisim manifests INPUT -o OUT --force --quiet`; `onStart` sees the child once spawned. */
function manifests(input: readonly string[], out: string, onStart?: (pid: number) => void, prefix: readonly string[] = []): Promise<Exit> {
  const [cmd, ...args] = prefix.length > 0 ? [...prefix, process.execPath] : [process.execPath];
  const child = spawn(cmd!, [...args, bin, 'manifests', ...input, '-o', out, '--force', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  if (onStart !== undefined) onStart(child.pid!);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** Every file of a tree, relative path → contents. */
function tree(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.set(`${rel}${e.name}`, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(path, '');
  return out;
}

const refs: Record<'small' | 'large', Map<string, string>> = { small: new Map(), large: new Map() };
beforeAll(async () => {
  for (const [k, input] of [['small', SMALL], ['large', LARGE]] as const) {
    const out = join(dir, `ref-${k}`);
    const r = await manifests(input, out);
    expect(r.code, r.stderr).toBe(0);
    refs[k] = tree(out);
  }
  expect(refs.large.size).toBeGreaterThan(refs.small.size);
}, 60_000);

/** The tree is exactly one of the references (never a mixture), and no temporary sibling is left beside it. */
function wholeOneOf(parent: string, name: string, allowed: readonly ('small' | 'large')[]): 'small' | 'large' {
  const got = tree(join(parent, name));
  const which = allowed.find((k) => got.size === refs[k].size && [...got].every(([p, d]) => refs[k].get(p) === d));
  expect(which, `${name} holds a mixture: ${got.size} files`).toBeDefined();
  expect(readdirSync(parent).filter((e) => e !== name)).toEqual([]);
  return which!;
}

describe('outputs under contention and interruption', () => {
  it('two runs racing on one --out folder leave one whole output', async () => {
    for (let round = 0; round < 2; round++) {
      const parent = join(dir, `race-${round}`);
      mkdirSync(parent);
      const out = join(parent, 'set');
      const [a, b] = await Promise.all([manifests(SMALL, out), manifests(LARGE, out)]);
      for (const r of [a, b]) {
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/^calisim: cannot write .*another run wrote the same output at the same time/m);
      }
      expect(a.code === 0 || b.code === 0).toBe(true);
      wholeOneOf(parent, 'set', ['small', 'large']);
    }
  }, 90_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the folder is being written leaves the previous set or the new one, and no temporary file`, async () => {
      const parent = join(dir, `signal-${signal}`);
      mkdirSync(parent);
      const out = join(parent, 'set');
      expect((await manifests(SMALL, out)).code).toBe(0);
      // Watch for the temporary sibling folder (the write has begun), then signal the run.
      let pid = 0;
      let sent = false;
      const watch = setInterval(() => {
        if (sent || pid === 0 || !readdirSync(parent).some((e) => e.endsWith('.tmp'))) return;
        sent = true;
        process.kill(pid, signal);
      }, 1);
      const r = await manifests(LARGE, out, (p) => (pid = p));
      clearInterval(watch);
      expect(sent, 'the write phase was never seen').toBe(true);
      // The signal was held until the new set was whole, then ended the run by that signal.
      expect(r.signal, r.stderr).toBe(signal);
      expect(wholeOneOf(parent, 'set', ['small', 'large'])).toBe('large');
    }, 60_000);
  }

  it('a file-size limit fails with a clear error and leaves the previous set', async () => {
    const parent = join(dir, 'fsize');
    mkdirSync(parent);
    const out = join(parent, 'set');
    expect((await manifests(SMALL, out)).code).toBe(0);
    const biggest = Math.max(...[...refs.large.values()].map((d) => Buffer.byteLength(d)));
    const blocks = Math.floor(biggest / 1024 / 2);
    const r = await manifests(LARGE, out, undefined, ['bash', '-c', `ulimit -f ${blocks}; exec "$@"`, 'bash']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^calisim: cannot write .*: the file is larger than the file-size limit$/m);
    expect(wholeOneOf(parent, 'set', ['small'])).toBe('small');
  }, 60_000);

  it('a full device (ENOSPC) fails with a clear error and leaves the previous set', async () => {
    const root = process.getuid?.() === 0;
    if (!root) {
      if (ci) throw new Error('this test mounts a tmpfs and must run as root in CI');
      console.warn('skipping: mounting a small tmpfs needs root');
      return;
    }
    const mnt = join(dir, 'tmpfs');
    mkdirSync(mnt);
    const small = [...refs.small.values()].reduce((n, d) => n + Buffer.byteLength(d), 0);
    // Room for the previous set and a little more, not for the new one beside it.
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil((small * 1.5) / 4096) * 4096 + 65536}`, 'tmpfs', mnt]);
    try {
      const parent = join(mnt, 'p');
      mkdirSync(parent);
      const out = join(parent, 'set');
      expect((await manifests(SMALL, out)).code).toBe(0);
      const r = await manifests(LARGE, out);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^calisim: cannot write .*: no space left on the device$/m);
      expect(wholeOneOf(parent, 'set', ['small'])).toBe('small');
      expect(statSync(out).isDirectory()).toBe(true);
    } finally {
      execFileSync('umount', [mnt]);
    }
    expect(existsSync(join(mnt, 'p'))).toBe(false);
  }, 60_000);
});
