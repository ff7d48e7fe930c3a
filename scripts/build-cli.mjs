// build: bundles the compiled CLI (dist/cli/main.js and what it imports, packages included) into one CommonJS
// file, dist/cli-bundle/calisim.js, which bin/calisim.js compiles through a V8 code cache (src/cli/boot/load-cli.ts:
// Node 20 caches code only for scripts, not ES modules). Node starts a command from one file instead of ~450
// (resolving, reading and linking each, and cjs-module-lexer's parse of every CommonJS file of yaml, ip-num and
// cli-progress). The queue's modules (bullmq, ioredis) are still required only when the queue is used.
// Deterministic: the same dist/ gives the same bundle.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { asciiOnly } from './ascii-only.mjs';
import { basename, dirname, join, relative, sep } from 'node:path';
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
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __calisimBundleUrl).href`), loader: 'js' };
    });
  },
};

/**
 * string-width (yargs, cliui and wrap-ansi each import a copy) builds an Intl.Segmenter and Unicode property
 * regular expressions when imported: ~80 ms of every command's start (the RGI_Emoji set alone ~45 ms), for help
 * text only. Its importers get a stand-in that requires the real module on the first width asked for: a module
 * reached through require() is evaluated on first use in the bundle (esbuild's lazy ES module wrapper).
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      // cli-progress's copy is CommonJS, required where it is used: left as it is.
      if (args.pluginData === 'real' || args.kind !== 'import-statement') return undefined;
      const real = await b.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      if (real.errors.length > 0) return { errors: real.errors };
      // Named relative to the package, so the bundle does not depend on where the package is.
      return { path: relative(root, real.path).split(sep).join('/'), namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let width;\nexport default function stringWidth(text, options) {\n  width ??= require(${JSON.stringify(`./${basename(args.path)}`)}).default;\n  return width(text, options);\n}\n`,
      resolveDir: join(root, dirname(args.path)),
      loader: 'js',
    }));
  },
};

/**
 * kubernetes-models' validators of the built-in kinds calisim's readers take (src/scenario/manifests), in one
 * file, dist/cli-bundle/k8s-validators.js: `group/version/kind` → a function requiring that kind's module. Pod's
 * alone is ~200 schema files, which Node resolves, reads and compiles one by one (~140 ms CPU for four kinds;
 * ~45 ms bundled). validatorOf (src/scenario/checks/api-server-checks.ts) takes a kind from here when it is
 * here, else from the package. The runtime (@kubernetes-models/base, /validate) stays the package's own.
 */
const VALIDATED_KINDS = [
  'v1/Namespace', 'v1/Node', 'v1/Pod', 'v1/ReplicationController', 'v1/Service', 'v1/ServiceAccount',
  'apps/v1/DaemonSet', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet',
  'networking.k8s.io/v1/Ingress', 'networking.k8s.io/v1/NetworkPolicy',
];

async function buildValidators() {
  const entries = VALIDATED_KINDS.map((path) => {
    const id = path.startsWith('v1/') ? `/${path}` : path;
    return `  ${JSON.stringify(id)}: () => require(${JSON.stringify(`kubernetes-models/${path}`)}),`;
  });
  await build({
    stdin: { contents: `module.exports = {\n${entries.join('\n')}\n};\n`, resolveDir: root, sourcefile: 'k8s-validators.js', loader: 'js' },
    outfile: join(outDir, 'k8s-validators.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['@kubernetes-models/base', '@kubernetes-models/validate'],
    legalComments: 'none',
    minifyWhitespace: true,
    logLevel: 'warning',
  });
}

await rm(outDir, { recursive: true, force: true });
await build({
  entryPoints: { calisim: join(dist, 'cli', 'main.js') },
  outdir: outDir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded on demand by the commands that need them (the queue; the page's browser; kubernetes-models'
  // validators through createRequire), or too large to gain from bundling.
  external: ['bullmq', 'ioredis', 'kubernetes-models', '@kubernetes-models/*', 'playwright-core', 'esbuild'],
  // The bundle's own URL, which the modules' import.meta.url are resolved against (ownUrl).
  banner: { js: "const __calisimBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [ownUrl, lazyStringWidth],
  legalComments: 'none',
  // ASCII (esbuild's default: other characters written as escapes; asciiOnly below escapes what it leaves, in
  // regular expression literals), which the start-up reads as Latin-1 into a one-byte string: decoding the bundle
  // as UTF-8 costs ~25 ms of every start.
  charset: 'ascii',
  // Comments and indentation dropped: 1.7 MB instead of 2.4 MB to read, digest and hand to V8.
  minifyWhitespace: true,
  sourcemap: false,
  logLevel: 'warning',
});
await buildValidators();

const bundle = join(outDir, 'calisim.js');
await writeFile(bundle, asciiOnly(await readFile(bundle, 'utf8')));
// The folder's files are CommonJS (the package's are ES modules).
await writeFile(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
