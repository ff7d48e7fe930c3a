#!/usr/bin/env node
// calisim CLI entry: the compiled CLI, bundled into one CommonJS file dist/cli-bundle/calisim.js (built by `npm ci`
// through the `prepare` script: tsc, then scripts/build-cli.mjs), compiled through a V8 code cache
// (src/cli/boot/load-cli.ts).
import { fileURLToPath } from 'node:url';
import { loadCli } from '../dist/cli/boot/load-cli.js';
import { tuneV8 } from '../dist/cli/boot/v8-tuning.js';

// Before the bundle is compiled (src/cli/boot/v8-tuning.ts).
tuneV8();
const argv = process.argv.slice(2);
const main = loadCli(fileURLToPath(new URL('../dist/cli-bundle/calisim.js', import.meta.url)), argv);

main(argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    const debug = process.argv.includes('--debug');
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`calisim: internal error: ${message.split('\n')[0]} (a bug in calisim: please report it; --debug shows the stack)\n`);
    if (debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  },
);
