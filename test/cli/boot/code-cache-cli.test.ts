// The compiled CLI's code cache, as a user meets it: a command's first run leaves its cache, the next uses it; a
// cache that is garbage, or that V8 refuses, changes nothing the command prints and is made again; a cache folder
// that cannot be written, or a whole read-only install, runs the command just the same, silently.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCodeCache, digestOf, encodeCodeCache, type CacheOrigin } from '../../../src/cli/boot/code-cache-file.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bundle = join(root, 'dist', 'cli-bundle', 'calisim.js');
const origin: CacheOrigin = { bundle: digestOf(readFileSync(bundle)), node: process.version, arch: process.arch };
const tmp = mkdtempSync(join(tmpdir(), 'calisim-code-cache-'));
afterAll(() => {
  setModes(tmp, 0o755, 0o644);
  rmSync(tmp, { recursive: true, force: true });
});

const VALIDATE = ['validate', 'scenarios/giantnetes.yaml'];

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: NodeJS.ProcessEnv, options: SpawnSyncOptions = {}, install = root): Run {
  const r = spawnSync(process.execPath, [join(install, 'bin', 'calisim.js'), ...args], {
    cwd: install,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    ...options,
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const cacheOf = (dir: string, command: string): string => join(dir, `calisim-${origin.bundle.slice(0, 16)}-${command}.ccache`);
const folder = (name: string): string => {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
// The command's output without any cache.
const expected = cli(VALIDATE, { CALISIM_CACHE_DIR: '' });

describe('the code cache of the compiled CLI', () => {
  it('prints what it printed before caching', () => {
    expect(expected).toMatchObject({ status: 0, stderr: '' });
    expect(expected.stdout).toMatch(/^scenarios\/giantnetes\.yaml: valid/);
  });

  it("is written by a command's first run and used, not made again, by the next", () => {
    const dir = folder('first');
    expect(cli(VALIDATE, { CALISIM_CACHE_DIR: dir })).toEqual(expected);
    const file = cacheOf(dir, 'validate');
    expect(decodeCodeCache(readFileSync(file), origin)).toBeDefined();
    const before = statSync(file).ino;
    expect(cli(VALIDATE, { CALISIM_CACHE_DIR: dir })).toEqual(expected);
    expect(statSync(file).ino).toBe(before);
  });

  it('turns garbage in the cache into the same output and a new cache', () => {
    const dir = folder('garbage');
    const file = cacheOf(dir, 'validate');
    writeFileSync(file, 'garbage\n'.repeat(1000));
    expect(cli(VALIDATE, { CALISIM_CACHE_DIR: dir })).toEqual(expected);
    expect(decodeCodeCache(readFileSync(file), origin)).toBeDefined();
  });

  it('makes a new cache when V8 refuses one (made from another script), printing the same', () => {
    const dir = folder('foreign');
    const file = cacheOf(dir, 'validate');
    const foreign = encodeCodeCache(origin, new vm.Script('function f() { return 1; } f();').createCachedData());
    writeFileSync(file, foreign);
    expect(cli(VALIDATE, { CALISIM_CACHE_DIR: dir })).toEqual(expected);
    const made = readFileSync(file);
    expect(made.equals(foreign)).toBe(false);
    expect(decodeCodeCache(made, origin)).toBeDefined();
  });

  it('runs silently the same when the cache folder cannot be made', () => {
    const blocker = join(tmp, 'a-file');
    writeFileSync(blocker, '');
    expect(cli(VALIDATE, { CALISIM_CACHE_DIR: join(blocker, 'cache') })).toEqual(expected);
  });

  it('runs the same from a read-only install whose user has no writable home', () => {
    const install = folder('install');
    for (const part of ['bin', 'dist', 'scenarios', 'package.json']) {
      cpSync(join(root, part), join(install, part), { recursive: true, filter: (src) => !src.endsWith('.ccache') });
    }
    symlinkSync(join(root, 'node_modules'), join(install, 'node_modules'));
    const home = folder('home');
    // Root writes through file modes: the install is run as nobody instead.
    const asRoot = process.getuid?.() === 0;
    const user: SpawnSyncOptions = asRoot ? { uid: 65534, gid: 65534 } : {};
    setModes(tmp, 0o555, 0o444);
    const env = { CALISIM_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: home };
    expect(cli(VALIDATE, env, user, install)).toEqual(expected);
    expect(cli(VALIDATE, env, user, install)).toEqual(expected);
    expect(existsSync(join(home, '.cache'))).toBe(false);
    expect(readdirSync(join(install, 'dist', 'cli-bundle')).filter((f) => f.endsWith('.ccache'))).toEqual([]);
  });
});

/** Sets the modes of `dir` and everything under it (the linked node_modules aside): folders `dirs`, files `files`. */
function setModes(dir: string, dirs: number, files: number): void {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = join(dir, name);
    if (p.includes('node_modules')) continue;
    const st = statSync(p, { throwIfNoEntry: false });
    if (st !== undefined) chmodSync(p, st.isDirectory() ? dirs : files);
  }
  chmodSync(dir, dirs);
}
