// Bundles every viz/<name>/main.ts with esbuild into dist/viz/<name>.js: one IIFE per page, minified, no
// source maps or timestamps, so the same sources give the same bytes (the pages embed these files).
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vizDir = join(root, 'viz');
const pages = existsSync(vizDir) ? readdirSync(vizDir).filter((n) => existsSync(join(vizDir, n, 'main.ts'))).sort() : [];
for (const name of pages) {
  await build({
    entryPoints: [join(vizDir, name, 'main.ts')],
    outfile: join(root, 'dist', 'viz', `${name}.js`),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
