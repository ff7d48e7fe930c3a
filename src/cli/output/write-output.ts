// cli: every file and folder a command writes goes through here — written to a temporary sibling and renamed
// into place, so an interrupted or failed run leaves the previous output intact, never a torn file or half a tree.
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { withSignalsHeld } from './hold-signals.js';
import { UsageError } from '../usage-error.js';

/** An output that could not be written: a clear message and exit 2, never a stack trace. */
export class OutputError extends UsageError {
  constructor(path: string, reason: string) {
    super(`cannot write ${path}: ${reason}`);
    this.name = 'OutputError';
  }
}

/** Writes `data` to `path` atomically (temporary file in the same folder, fsync, rename over the target). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  withSignalsHeld(() => writeFile(path, data));
}

function writeFile(path: string, data: string | Uint8Array): void {
  const dir = dirname(resolve(path));
  ensureFolder(dir, path);
  const existing = kindOf(path);
  if (existing === 'dir') throw new OutputError(path, 'it is a folder');
  if (existing === 'other') throw new OutputError(path, 'it is not a regular file');
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${tmpSuffix()}.tmp`);
  try {
    writeWhole(tmp, data, true);
    // rename replaces a symlink planted at `path` rather than writing through it.
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new OutputError(path, reasonOf(err));
  }
}

/** One file of a tree: a path relative to the tree's root (`/`-separated) and its contents. */
export interface TreeFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/**
 * Writes a whole folder atomically: the files go into a temporary sibling folder, which then replaces `dir`.
 * An existing `dir` holding anything is replaced only with `force` (or when `replaceable(dir)` says it is a
 * previous output of the same command); otherwise the call refuses and writes nothing.
 */
export function writeTreeAtomic(dir: string, files: readonly TreeFile[], options: TreeOptions = {}): void {
  withSignalsHeld(() => writeTree(dir, files, options));
}

/** Whether an existing folder may be replaced. */
export interface TreeOptions {
  readonly force?: boolean;
  readonly replaceable?: (dir: string) => boolean;
}

/**
 * Refuses (OutputError) a folder writeTreeAtomic would not replace: a file, or a folder holding anything that is
 * not `replaceable` without `force`. A command calls it before its work, so a refused output costs no simulation.
 */
export function refuseTreeTarget(dir: string, options: TreeOptions = {}): 'none' | 'dir' {
  const target = resolve(dir);
  const existing = kindOf(target);
  if (existing === 'file' || existing === 'other') throw new OutputError(dir, 'it exists and is not a folder');
  if (existing === 'dir' && readdirSync(target).length > 0 && !options.force && !(options.replaceable?.(target) ?? false)) {
    throw new OutputError(dir, 'the folder exists and is not empty (pass --force to replace it)');
  }
  return existing;
}

function writeTree(dir: string, files: readonly TreeFile[], options: TreeOptions): void {
  const target = resolve(dir);
  const parent = dirname(target);
  ensureFolder(parent, dir);
  const existing = refuseTreeTarget(dir, options);
  const tmp = join(parent, `.${basename(target)}.${process.pid}.${tmpSuffix()}.tmp`);
  const old = `${tmp}.old`;
  try {
    mkdirSync(tmp);
    for (const f of files) {
      const p = resolve(tmp, f.path);
      if (p !== tmp && !p.startsWith(tmp + sep)) throw new OutputError(join(dir, f.path), 'the path leaves the output folder');
      mkdirSync(dirname(p), { recursive: true });
      writeWhole(p, f.data, false);
    }
    // A run racing on the same folder may have moved it away already (ENOENT): then there is nothing to keep.
    if (existing === 'dir') renameUnlessGone(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    if (existing === 'dir' && kindOf(old) === 'dir') {
      // Put the previous output back, unless another run put its own whole output there meanwhile.
      if (kindOf(target) === 'none') renameSync(old, target);
      else rmSync(old, { recursive: true, force: true });
    }
    rmSync(tmp, { recursive: true, force: true });
    if (err instanceof OutputError) throw err;
    throw new OutputError(dir, reasonOf(err));
  }
}

function renameUnlessGone(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** The path of `file` relative to the working directory when inside it (for messages and reports). */
export function displayOutputPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel === '' || rel.startsWith('..') ? resolve(file) : rel;
}

/**
 * Writes a new file whole. `sync` flushes it to the device before it is renamed into place (a single output);
 * a tree's thousands of files skip it — the folder's rename is what makes the set appear at once, and an fsync
 * per file cost B20 forty seconds of waiting on the disk.
 */
function writeWhole(path: string, data: string | Uint8Array, sync: boolean): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) {
      const n = writeSync(fd, buf, off, buf.length - off);
      // A device that takes nothing would loop forever, and termination signals are held while writing.
      if (n <= 0) throw Object.assign(new Error('the file accepts no more data'), { code: 'ENOSPC' });
      off += n;
    }
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function ensureFolder(dir: string, shown: string): void {
  const k = kindOf(dir);
  if (k === 'dir') return;
  if (k !== 'none') throw new OutputError(shown, `${dir} is not a folder`);
  // Each missing folder made in turn: Node's recursive mkdir retries forever where the kernel answers ENOENT
  // for a folder whose parent exists (under /proc).
  const missing: string[] = [];
  for (let d = dir; kindOf(d) === 'none' && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  const top = dirname(missing[0] ?? dir);
  if (kindOf(top) !== 'dir') throw new OutputError(shown, `${top} is not a folder`);
  try {
    for (const d of missing) mkdirSync(d);
  } catch (err) {
    throw new OutputError(shown, reasonOf(err));
  }
}

function kindOf(path: string): 'none' | 'file' | 'dir' | 'other' {
  try {
    const st = lstatSync(path);
    if (st.isDirectory()) return 'dir';
    return st.isFile() || st.isSymbolicLink() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

let counter = 0;
function tmpSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder (nothing can be created there)';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a parent of it is not a folder';
    case 'EFBIG':
      return 'the file is larger than the file-size limit';
    case 'ENOTEMPTY':
    case 'EEXIST':
      return 'another run wrote the same output at the same time (its output is in place, whole)';
    case 'EXDEV':
      return 'the temporary file is on another device';
    default:
      return e.code !== undefined ? `${e.code}` : err instanceof Error ? err.message : String(err);
  }
}
