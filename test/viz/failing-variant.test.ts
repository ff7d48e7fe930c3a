// The page of a failing variant (a management-cluster rule that lets tenant acme through the outer wall),
// written by `calisim check --viz`: no error, no request, the check view lists exactly the failures of
// `check --format json`, and each links to its tenant pair in the matrix, shown as not isolated.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, distinctBytes } from './artifacts.js';
import { cliInProcess } from './cli-json.js';
import { openPage, skipBrowser, type OpenPage } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-viz-fail-'));
const html = resolve(dir, 'breach.html');

/** The default scenario with a management rule admitting tenant acme into every tenant's VMs. */
function breachScenario(): string {
  const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
  const anchor = "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"projectcalico.org/name == 'ingress-nginx'\" }";
  expect(base).toContain(anchor);
  const file = join(dir, 'breach.yaml');
  writeFileSync(file, base.replace(anchor, anchor.replace('          ingress:\n', "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"calisim.io/tenant == 'acme'\" }\n")));
  return file;
}

describe.skipIf(skipBrowser)('the page of a failing variant', () => {
  let open: OpenPage;
  let failed: { id: string; title: string }[] = [];
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-viz.mjs']);
    const r = await cliInProcess(['check', breachScenario(), '--format', 'json', '--viz', html]);
    expect(r.code).toBe(1);
    failed = (JSON.parse(r.stdout) as { assertions: { id: string; title: string; status: string }[] }).assertions.filter((a) => a.status === 'fail');
    open = await openPage(html, '#view=check');
  });
  afterAll(async () => {
    await open?.close();
  });

  it('lists the failing assertions of check --format json and links them to the matrix', async () => {
    const page = open.page;
    expect(failed.map((a) => a.id)).toEqual(['isolation/acme->globex', 'isolation/acme->initech']);
    const shown = await page.locator('li.assertion[data-status="fail"] strong').allTextContents();
    expect(shown).toEqual(failed.map((a) => `FAIL ${a.title}`));
    const png = await page.screenshot({ path: join(ARTIFACTS, 'breach-check.png') });
    expect(distinctBytes(png)).toBeGreaterThan(20);
    await page.locator('li.assertion[data-status="fail"]').first().getByRole('button', { name: 'show in the matrix' }).click();
    expect(await page.evaluate(() => location.hash)).toContain('view=matrix');
    expect(await page.locator('#details').textContent()).toContain('NOT isolated');
    // The tenant level shows exactly the two breached pairs as allowed.
    expect(await page.locator('rect.cell[data-select^="tenants:"][data-verdict="allow"]').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'breach-matrix.png') });
    expect(open.errors).toEqual([]);
    expect(open.leaks).toEqual([]);
  });
});

describe.skipIf(skipBrowser)('the page of a device failure no HA peer covers', () => {
  it('links the failure (no flow to show) to the topology at the check point where it was first seen', async () => {
    execFileSync(process.execPath, ['scripts/build-viz.mjs']);
    const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
    expect(base).toContain('\nevents:\n');
    const file = join(dir, 'device-down.yaml');
    writeFileSync(file, base.replace('\nevents:\n', '\nevents:\n  - { at: 200s, kind: lb-down, lb: f5-a }\n'));
    const page = resolve(dir, 'device-down.html');
    const r = await cliInProcess(['check', file, '--format', 'json', '--viz', page]);
    const failover = (JSON.parse(r.stdout) as { assertions: { id: string; status: string; failedAt: number | null }[] }).assertions.find((a) => a.id === 'lb-failover')!;
    expect([r.code, failover.status, failover.failedAt]).toEqual([1, 'fail', 300_000]);
    const open = await openPage(page, '#view=check');
    try {
      const li = open.page.locator('li.assertion[data-status="fail"]');
      expect(await li.locator('p').first().textContent()).toBe('f5-a without an active unit from t=200s to the end (first seen failing at 5m)');
      await li.getByRole('button', { name: 'show the topology at 5m' }).click();
      expect(await open.page.evaluate(() => location.hash)).toMatch(/view=topology.*t=300000/);
      expect(open.errors).toEqual([]);
    } finally {
      await open.close();
    }
  });
});
