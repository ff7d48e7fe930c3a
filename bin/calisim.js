#!/usr/bin/env node
// calisim CLI entry: the compiled CLI, bundled into dist/cli-bundle/ (built by `npm ci` through the `prepare`
// script: tsc, then scripts/build-cli.mjs), one module for Node to load instead of hundreds.
import { main } from '../dist/cli-bundle/calisim.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    const debug = process.argv.includes('--debug');
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`calisim: internal error: ${message.split('\n')[0]} (a bug in calisim: please report it; --debug shows the stack)\n`);
    if (debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  },
);
