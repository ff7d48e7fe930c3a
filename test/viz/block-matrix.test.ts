// The page on a cluster past the class limit (321 identity classes: 8 tenants of 40 VMs on a management
// cluster), in real Chromium: its namespace × namespace cells carry the counts `reach --matrix` gives when
// aggregated the same way, drilling into one block shows the workload cells `reach --matrix` lists, the
// counts bar equals the CLI's, and nothing errs or leaves the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { ARTIFACTS, distinctBytes } from './artifacts.js';
import { cliInProcess } from './cli-json.js';
import { openPage, skipBrowser, type OpenPage } from './browser.js';
import { cellCounts, pageData } from './cli-facts.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-viz-blocks-'));
const html = resolve(dir, 'many.html');
const scenario = 'test/fixtures/viz/many-classes.yaml';

interface MatrixDoc {
  readonly cluster?: string;
  readonly workloads: string[];
  readonly matrix: Record<string, Record<string, string>>;
}

/** `reach --matrix`'s verdict of each ordered workload pair of one cluster (never a workload with itself). */
function cliVerdicts(doc: MatrixDoc): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of doc.workloads) {
    for (const b of doc.workloads) {
      if (a === b) continue;
      const conns = doc.matrix[a]?.[b];
      out.set(`${a}>${b}`, conns === undefined ? 'deny' : conns === 'All Connections' ? 'allow' : 'some');
    }
  }
  return out;
}

const nsOf = (w: string): string => w.slice(0, w.indexOf('/'));

describe.skipIf(skipBrowser)('the matrix of a cluster past the class limit', () => {
  let open: OpenPage;
  let mgmt: MatrixDoc;
  let allDocs: string;
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-viz.mjs']);
    const r = runCli(['viz', scenario, '-o', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    allDocs = (await cliInProcess(['reach', scenario, '--at', '30s', '--matrix', '--format', 'json'])).stdout;
    mgmt = (JSON.parse(allDocs) as { clusters: MatrixDoc[] }).clusters.find((c) => c.cluster === 'mgmt')!;
    open = await openPage(html);
  });
  afterAll(async () => {
    await open?.close();
  });

  it('is drawn as namespace blocks, not left out', () => {
    const data = pageData(html);
    const b = data.matrix.blocks.find((x) => data.clusters[x.cluster]!.name === 'mgmt');
    expect(b?.classCount).toBeGreaterThan(300);
    expect(data.matrix.note).toBeNull();
  });

  it("aggregated cells equal reach --matrix's cells aggregated by namespace pair, and the counts bar equals the CLI's", async () => {
    const page = open.page;
    await page.goto(`file://${html}#view=matrix&drill=c0`);
    await page.waitForSelector('body[data-ready=true]');
    const want = new Map<string, Map<string, number>>();
    for (const [pair, v] of cliVerdicts(mgmt)) {
      const [a, b] = pair.split('>') as [string, string];
      const key = `mgmt: ${nsOf(a)} → ${nsOf(b)}`;
      const m = want.get(key) ?? new Map<string, number>();
      m.set(v, (m.get(v) ?? 0) + 1);
      want.set(key, m);
    }
    const titles = await page.locator('rect.cell title').allTextContents();
    const namespaces = new Set(mgmt.workloads.map(nsOf)).size;
    expect(titles.length).toBe(namespaces * namespaces);
    let some = 0;
    for (const t of titles) {
      const [key, rest] = /^(mgmt: \S+ → \S+)(?:: (.*))? \((\w+)\)$/.exec(t)!.slice(1) as [string, string | undefined];
      const shown = new Map((rest ?? '').split(', ').filter(Boolean).map((x) => [x.split(' ')[1]!, Number(x.split(' ')[0])] as const));
      expect(shown, key).toEqual(want.get(key) ?? new Map());
      if (shown.has('some')) some++;
    }
    expect(some).toBeGreaterThan(0);
    const cells = cellCounts(allDocs);
    const count = async (key: string): Promise<number> => Number(await page.locator(`[data-count="${key}"] b`).textContent());
    for (const v of ['allow', 'some', 'deny']) expect(await count(`cells-${v}`), v).toBe(cells[v]);
    const png = await page.screenshot({ path: join(ARTIFACTS, 'blocks-namespaces.png') });
    expect(distinctBytes(png)).toBeGreaterThan(20);
    expect(open.errors).toEqual([]);
    expect(open.leaks).toEqual([]);
  });

  it("drilling into a block shows reach --matrix's workload cells", async () => {
    const page = open.page;
    await page.goto(`file://${html}#view=matrix&drill=c0`);
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('rect.cell', { has: page.locator('title', { hasText: /^mgmt: tenant-t01 → tenant-t02:/ }) }).click();
    const cells = await page.locator('rect.cell').evaluateAll((rs) => rs.map((r) => ({ title: r.querySelector('title')!.textContent!, verdict: r.getAttribute('data-verdict')! })));
    const cli = cliVerdicts(mgmt);
    const inBlock = [...cli].filter(([pair]) => pair.startsWith('tenant-t01/') && pair.split('>')[1]!.startsWith('tenant-t02/'));
    expect(cells.length).toBe(inBlock.length);
    for (const c of cells) {
      const [from, to] = c.title.replace(/ \(\w+\)$/, '').split(' → ') as [string, string];
      expect(c.verdict, c.title).toBe(cli.get(`${from}>${to}`));
    }
    expect(cells.some((c) => c.verdict === 'some')).toBe(true);
    await page.locator('rect.cell').first().click();
    expect(await page.locator('#details').textContent()).toContain('some ports');
    await page.screenshot({ path: join(ARTIFACTS, 'blocks-drilled.png') });
    expect(open.errors).toEqual([]);
  });
});
