#!/usr/bin/env node
// calisim CLI entry: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { main } from '../dist/cli/main.js';

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
