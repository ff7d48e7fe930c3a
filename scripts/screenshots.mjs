// docs: the README's screenshots of the D3 page on the default scenario — writes the page with the CLI
// (`npm run build` first), opens it in Debian's Chromium through playwright-core and saves PNGs under docs/:
// the topology at acme-2's failure, the matrix with a denied cell explained, the timeline, the trace view.
// Rerun with `node scripts/screenshots.mjs` after changing the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'calisim-shots-'));
const html = join(work, 'calisim.html');
execFileSync(process.execPath, [join(root, 'bin', 'calisim.js'), 'viz', join(root, 'scenarios', 'giantnetes.yaml'), '-o', html], { stdio: 'inherit' });

const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 860 },
  colorScheme: 'light',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
await context.route('**/*', (route) => (route.request().url().startsWith(`file://${html}`) ? route.continue() : route.abort()));
const page = context.pages()[0] ?? (await context.newPage());
const shot = async (hash, name, act = async () => {}) => {
  await page.goto(`file://${html}${hash}`);
  await page.waitForSelector('body[data-ready=true]');
  await act();
  await page.screenshot({ path: join(root, 'docs', name) });
  process.stdout.write(`wrote docs/${name}\n`);
};
await shot('#view=topology&t=350000', 'viz-topology.png', () => page.click('circle[data-node="acme/acme-1"]'));
// acme's shop → data block (a group of several verdicts since the matrix counts blocks: open it by its drill).
await shot('#view=matrix&t=30000&drill=c1%3Ashop%3Adata', 'viz-matrix.png', async () => {
  await page.locator('rect[data-verdict="deny"][data-select^="cell:"]').first().click();
});
await shot('#view=trace&t=30000&sel=trace%3A1', 'viz-trace.png');
await context.close();
rmSync(work, { recursive: true, force: true });
