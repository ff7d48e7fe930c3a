// build: bundles the compiled CLI (dist/cli/main.js and what it imports, packages included) into
// dist/cli-bundle/, which bin/calisim.js runs. Node starts a command in a fifth of a second from one module
// instead of half a second from ~450 (resolving, reading and linking each file, and cjs-module-lexer's
// parse of every CommonJS file of yaml, ip-num and cli-progress). Dynamic imports stay separate chunks, so
// bullmq and ioredis still load only for the queue. Deterministic: the same dist/ gives the same bundle.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outDir = join(dist, 'cli-bundle');

/**
 * A module that reads `import.meta.url` (to find a file next to it: package.json, scenarios/, dist/viz/, a
 * child process's script; yargs its locales) keeps its own location: the bundle's URL resolved back to the
 * module's file.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outDir, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

await rm(outDir, { recursive: true, force: true });
await build({
  // The page's worker thread (src/cli/page/start-page-worker.ts) starts from its own entry.
  entryPoints: { calisim: join(dist, 'cli', 'main.js'), 'page-worker': join(dist, 'cli', 'page', 'page-worker.js') },
  outdir: outDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded on demand by the commands that need them (the queue; the page's browser; kubernetes-models'
  // validators through createRequire), or too large to gain from bundling.
  external: ['bullmq', 'ioredis', 'kubernetes-models', '@kubernetes-models/*', 'playwright-core', 'esbuild'],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __calisimRequire } from 'node:module'; const require = __calisimRequire(import.meta.url);" },
  plugins: [ownUrl],
  legalComments: 'none',
  charset: 'utf8',
  sourcemap: false,
  logLevel: 'warning',
});
