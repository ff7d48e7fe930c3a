// bench: the project's root directory, found from this module whether it runs from bench/ (tsx) or from
// the compiled dist-bench/bench/ (`npm run bench`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'ns3'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

/** Absolute path of the project's root. */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
