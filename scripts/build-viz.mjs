// build: bundles every page under viz/ — each `viz/<name>/main.ts` becomes `dist/viz/<name>.js`, one minified
// IIFE with its d3 modules inlined, so the HTML the CLI writes carries its whole script and works offline.
// Deterministic: the same sources give byte-identical bundles (no timestamps, no source maps, no legal comments).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vizDir = join(root, 'viz');
const outDir = join(root, 'dist', 'viz');

const pages = existsSync(vizDir)
  ? readdirSync(vizDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(vizDir, d.name, 'main.ts')))
      .map((d) => d.name)
      .sort()
  : [];

mkdirSync(outDir, { recursive: true });
for (const name of pages) {
  await build({
    entryPoints: [join(vizDir, name, 'main.ts')],
    outfile: join(outDir, `${name}.js`),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    sourcemap: false,
    logLevel: 'warning',
  });
}
