// cli (start-up): the bundled CLI (dist/cli-bundle/calisim.js, one CommonJS file) → its `main`, compiled through
// a V8 code cache. Node 20 compiles a 2.4 MB bundle in ~90 ms and then each function on its first call; the cache
// holds the bytecode of every function the command ran last time, so V8 deserialises instead of compiling.
// One cache per command, made at the end of its first run (vm.Script#createCachedData after the run includes the
// lazily compiled functions: https://nodejs.org/docs/latest-v20.x/api/vm.html#scriptcreatecacheddata).
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { writeFileAtomic } from '../output/write-output.js';
import { cacheDirs } from './cache-dirs.js';
import { decodeCodeCache, digestOf, encodeCodeCache, type CacheOrigin } from './code-cache-file.js';

/** The CLI's entry: argv without node and script → exit code. */
export type Main = (argv: readonly string[]) => Promise<number>;

/** What the bundle exports (src/cli/main.ts). */
interface CliExports {
  readonly main: Main;
  readonly commandNames: readonly string[];
}

/** The cache of a run naming no command (`--help`, `--version`). */
const NO_COMMAND = 'main';
const HELP = new Set(['--help', '-h', '--version']);
// Node's CommonJS wrapper, opened on the bundle's first line so stack traces keep its line numbers.
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n})';

/**
 * Loads the bundle at `bundlePath` for a run of `argv`. A usable cache of this command is handed to V8; when there
 * is none, or V8 rejects it (another V8, other flags), a new one is written as the process exits, into the first
 * of the cache folders that takes it. Nothing about the cache ever fails the command or changes what it does.
 */
export function loadCli(bundlePath: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Main {
  const bytes = readFileSync(bundlePath);
  const origin: CacheOrigin = { bundle: digestOf(bytes), node: process.version, arch: process.arch };
  const key = commandKey(argv);
  const name = `calisim-${origin.bundle.slice(0, 16)}-${key}.ccache`;
  const dirs = cacheDirs(dirname(bundlePath), env);
  const cachedData = readCache(dirs, name, origin);
  // The build writes the bundle in ASCII (scripts/build-cli.mjs): read as Latin-1, without a UTF-8 decode.
  const script = new vm.Script(HEAD + bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8') + TAIL, {
    filename: bundlePath,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cli = evaluate(script, bundlePath);
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  if (fresh && dirs.length > 0 && (key === NO_COMMAND || cli.commandNames.includes(key))) {
    // Made from a run that did the command's work: not from its help, nor from input it refused (exit 2, 70).
    process.once('exit', (code) => {
      if (code === 0 || code === 1 || code === 3) writeCache(script, origin, dirs, name);
    });
  }
  return cli.main;
}

/** The command a run names (its first word that is not an option), which picks its cache; help is no command's. */
function commandKey(argv: readonly string[]): string {
  if (argv.some((a) => HELP.has(a))) return NO_COMMAND;
  const word = argv.find((a) => !a.startsWith('-'));
  return word !== undefined && /^[a-z][a-z-]{0,40}$/.test(word) ? word : NO_COMMAND;
}

function readCache(dirs: readonly string[], name: string, origin: CacheOrigin): Buffer | undefined {
  for (const dir of dirs) {
    let file: Buffer;
    try {
      file = readFileSync(join(dir, name));
    } catch {
      continue;
    }
    const payload = decodeCodeCache(file, origin);
    if (payload !== undefined) return payload;
  }
  return undefined;
}

function evaluate(script: vm.Script, file: string): CliExports {
  type Wrapper = (this: object, exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dir: string) => void;
  const wrapper = script.runInThisContext() as Wrapper;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports as CliExports;
}

/** Writes the cache into the first folder that takes it; a read-only install and a full disk are not errors. */
function writeCache(script: vm.Script, origin: CacheOrigin, dirs: readonly string[], name: string): void {
  const data = encodeCodeCache(origin, script.createCachedData());
  for (const dir of dirs) {
    try {
      writeFileAtomic(join(dir, name), data);
      return;
    } catch {
      // This folder cannot take it: the next one may.
    }
  }
}
