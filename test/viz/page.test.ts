// The D3 page in real Chromium on the default scenario: no error and no request leaving the page, the
// counts equal the CLI's JSON, a denied cell shows the rules `reach --format json` reports, scrubbing
// through acme-2's silent failure drops its sessions and brings them back, the ingress controller is drawn
// on the nodes running its pods, search and the hash work.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { runPlatform } from '../../src/engine/platform/run-platform.js';
import { buildModel } from '../../src/model/build-model.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ARTIFACTS, distinctBytes } from './artifacts.js';
import { cliInProcess } from './cli-json.js';
import { openPage, skipBrowser, type OpenPage } from './browser.js';
import { cellVerdict } from '../../viz/page/matrix-cells.js';
import { cellCounts, expectedSide, expectedTrail, pageData, sessionStates, type ReachSide } from './cli-facts.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-viz-'));
const html = resolve(dir, 'calisim.html');
const scenario = 'scenarios/giantnetes.yaml';

describe.skipIf(skipBrowser)('the page on the default scenario', () => {
  let open: OpenPage;
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-viz.mjs']);
    const r = runCli(['viz', scenario, '-o', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    open = await openPage(html);
  });
  afterAll(async () => {
    await open?.close();
  });

  it('renders without errors, makes no request and is not blank', async () => {
    const png = await open.page.screenshot({ path: join(ARTIFACTS, 'default-topology.png') });
    expect(distinctBytes(png)).toBeGreaterThan(20);
    expect(open.errors).toEqual([]);
    expect(open.leaks).toEqual([]);
    expect(readFileSync(html, 'utf8')).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('shows the counts of the CLI: tenants, nodes, sessions by state, matrix cells by verdict', async () => {
    const report = JSON.parse((await cliInProcess(['run', scenario, '--no-viz', '--out', dir, '--format', 'json', '--until', '30s'])).stdout);
    const count = async (key: string): Promise<number> => Number(await open.page.locator(`[data-count="${key}"] b`).textContent());
    expect(await count('tenants')).toBe(report.clusters.filter((c: { kind: string }) => c.kind === 'tenant').length);
    expect(await count('nodes')).toBe(report.clusters.reduce((s: number, c: { nodes: { total: number } }) => s + c.nodes.total, 0));
    const states = sessionStates((await cliInProcess(['bgp', scenario, '--at', '30s', '--format', 'json'])).stdout);
    for (const [state, n] of states) expect(await count(`sessions-${state}`)).toBe(n);
    const cells = cellCounts((await cliInProcess(['reach', scenario, '--at', '30s', '--matrix', '--format', 'json'])).stdout);
    for (const v of ['allow', 'some', 'deny']) expect(await count(`cells-${v}`), v).toBe(cells[v]);
    expect(cells['deny']).toBeGreaterThan(0);
  });

  it('clicking a denied cell shows the deciding rules reach --format json reports for that pair', async () => {
    const data = pageData(html);
    const cellsOf = (c: (typeof data.matrix.clusters)[number]): number[] => Array.from({ length: c.workloads.length ** 2 }, (_x, k) => k);
    const denied = (c: (typeof data.matrix.clusters)[number], k: number): boolean => cellVerdict(c, k, 0) === 'deny' && c.probes[k] !== undefined && c.workloads[k % c.workloads.length]!.startsWith('data/');
    const m = data.matrix.clusters.find((c) => cellsOf(c).some((k) => denied(c, k)))!;
    const n = m.workloads.length;
    const k = cellsOf(m).find((i) => denied(m, i))!;
    const ns = (w: string): string => w.slice(0, w.indexOf('/'));
    await open.page.goto(`file://${html}#view=matrix&drill=c${m.cluster}:${ns(m.workloads[Math.floor(k / n)]!)}:${ns(m.workloads[k % n]!)}`);
    await open.page.waitForSelector('body[data-ready=true]');
    await open.page.click(`rect[data-select="cell:c${m.cluster}:${k}"]`);
    const probe = open.page.locator('#details .probe');
    const asked = { from: await probe.getAttribute('data-from'), to: await probe.getAttribute('data-to'), protocol: await probe.getAttribute('data-protocol'), port: Number(await probe.getAttribute('data-port')) };
    const file = join(dir, 'probe.json');
    writeFileSync(file, JSON.stringify([asked]));
    const [cli] = JSON.parse((await cliInProcess(['reach', scenario, '--at', '30s', '--probes', file, '--format', 'json'])).stdout) as { verdict: string; egress: ReachSide; ingress: ReachSide }[];
    expect(cli!.verdict).toBe('deny');
    expect(await probe.textContent()).toContain(': deny');
    for (const side of ['egress', 'ingress'] as const) {
      const shown: Record<string, string> = {};
      for (const dd of await open.page.locator(`#details .side.${side} dd[data-field]`).all()) shown[(await dd.getAttribute('data-field'))!] = (await dd.textContent())!;
      expect(shown, side).toEqual(expectedSide(cli![side]));
      // The policies consulted, each with its file and line, as `reach --format json`'s trail.
      expect(await open.page.locator(`#details .side.${side} .trail li`).allTextContents(), side).toEqual(expectedTrail(cli![side]));
    }
    // The deny side's trail names the default-deny policy that selected the pod, and the box stays readable.
    expect(expectedTrail(cli!.ingress).join('\n')).toMatch(/KubernetesNetworkPolicy data\/default-deny \(scenarios\/giantnetes\.yaml:\d+\): no-match/);
    const backgrounds = await open.page.locator('#details .side').evaluateAll((boxes) => boxes.map((b) => getComputedStyle(b).backgroundColor));
    expect(new Set(backgrounds).size).toBe(1);
    await open.page.screenshot({ path: join(ARTIFACTS, 'default-matrix-denied.png') });
    // The hash reopens the same selection.
    const hash = await open.page.evaluate(() => location.hash);
    const again = await openPage(html, hash);
    try {
      expect(await again.page.locator(`rect[data-select="cell:c${m.cluster}:${k}"]`).getAttribute('class')).toContain('selected');
      expect(await again.page.locator('#details .probe').textContent()).toBe(await probe.textContent());
    } finally {
      await again.close();
    }
    expect(open.errors).toEqual([]);
  });

  it("scrubbing past acme-2's silent failure plus the hold time shows its sessions down, and back", async () => {
    const page = open.page;
    await page.goto(`file://${html}#view=topology`);
    await page.waitForSelector('body[data-ready=true]');
    const scrub = async (ms: number): Promise<void> => {
      await page.locator('#time').evaluate((e, v) => {
        (e as HTMLInputElement).value = String(v);
        e.dispatchEvent(new Event('input', { bubbles: true }));
      }, ms);
    };
    const states = async (): Promise<string[]> => page.locator('line.session[data-a="acme/acme-2"], line.session[data-b="acme/acme-2"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-state')!));
    const cliPeerStates = async (at: string): Promise<string[]> => {
      const doc = JSON.parse((await cliInProcess(['bgp', scenario, '--at', at, '--format', 'json'])).stdout) as { nodes: { name: string; sessions: { peer: string; state: string }[] }[] };
      return doc.nodes.flatMap((x) => x.sessions.filter((s) => s.peer === 'acme/acme-2').map((s) => s.state));
    };
    await scrub(30_000);
    expect(new Set(await states())).toEqual(new Set(['Established']));
    // Down at 90 s, silently: its peers notice when the 240 s hold timer expires.
    await scrub(350_000);
    const down = await states();
    expect(down.length).toBe(3);
    expect(down.every((s) => s !== 'Established')).toBe(true);
    const cli350 = await cliPeerStates('350s');
    expect(cli350.length).toBe(3);
    expect(cli350.every((s) => s !== 'Established')).toBe(true);
    await page.click('circle[data-node="acme/acme-1"]');
    const row = await page.locator('#details .node-sessions li', { hasText: 'acme/acme-2' }).textContent();
    expect(row).toContain(cli350[0]!);
    await page.screenshot({ path: join(ARTIFACTS, 'default-node-down.png') });
    await scrub(30_000);
    expect(new Set(await states())).toEqual(new Set(['Established']));
    // Up again at 6 m: re-established soon after.
    await scrub(420_000);
    expect(new Set(await states())).toEqual(new Set(['Established']));
    expect((await cliPeerStates('420s')).every((s) => s === 'Established')).toBe(true);
    expect(open.errors).toEqual([]);
  });

  it('draws the ingress controller with a line to each node running its pods, and lists them when clicked', async () => {
    const page = open.page;
    await page.goto(`file://${html}#view=topology`);
    await page.waitForSelector('body[data-ready=true]');
    // The engine's controller pods at 30 s (the page's `at`), as the load balancers' health checks find them.
    const run = runPlatform(buildModel(loadScenario(scenario)), { until: 30_000 });
    const ing = run.model.scenario.platform!.ingress;
    const nodes = [...new Set(run.pods.running(run.model.management).filter((p) => p.namespace === ing.namespace && p.base.owner?.name === ing.name).map((p) => run.model.nodes[p.node]!.name))].sort();
    expect(nodes.length).toBeGreaterThan(0);
    expect(await page.locator('line.ingress-link').count()).toBe(nodes.length);
    await page.click('polygon.ingress[data-ingress="ingress-nginx"]');
    const listed = await page.locator('#details .ingress-nodes li').allTextContents();
    expect(listed.map((x) => x.split(':')[0]).sort()).toEqual(nodes);
    expect(await page.locator('#details').textContent()).toContain('NodePort http 30080, https 30443, externalTrafficPolicy Local');
    expect(open.errors).toEqual([]);
  });

  it('keeps labels readable: no two topology labels overlap or sit on a small mark, and column labels fit the matrix', async () => {
    const page = open.page;
    const data = pageData(html);
    await page.goto(`file://${html}#view=topology&open=${data.clusters.map((_c, i) => i).join(',')}`);
    await page.waitForSelector('body[data-ready=true]');
    type Box = { x: number; y: number; w: number; h: number; name: string };
    // Boxes in the drawing's units (getBBox) for the topology, where the page measures them too.
    const boxes = (sel: string, own = false): Promise<Box[]> =>
      page.locator(sel).evaluateAll((els, svgUnits) => els.map((e) => {
        const r = svgUnits ? (e as SVGGraphicsElement).getBBox() : e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height, name: e.textContent ?? e.getAttribute('class') ?? '' };
      }), own);
    const hit = (a: Box, b: Box, inset = 0): boolean => a.x < b.x + b.w - inset && b.x + inset < a.x + a.w && a.y < b.y + b.h - inset && b.y + inset < a.y + a.h;
    // Labels are drawn last, above every shape (the ingress hexagon once hid a tenant's name).
    expect(await page.locator('svg.topology > g > :last-child').getAttribute('class')).toBe('labels');
    const labels = await boxes('svg.topology .labels text', true);
    expect(labels.length).toBeGreaterThan(data.clusters.length);
    const marks = await boxes('svg.topology polygon.ingress, svg.topology rect.lb, svg.topology path.peer', true);
    for (let i = 0; i < labels.length; i++) {
      for (let j = 0; j < i; j++) expect(hit(labels[i]!, labels[j]!), `${labels[i]!.name} / ${labels[j]!.name}`).toBe(false);
      for (const m of marks) expect(hit(labels[i]!, m, 2), `${labels[i]!.name} on ${m.name}`).toBe(false);
    }
    const m = data.matrix.clusters.find((c) => c.workloads.some((w) => w.startsWith('data/')))!;
    await page.goto(`file://${html}#view=matrix&drill=c${m.cluster}:shop:data`);
    await page.waitForSelector('body[data-ready=true]');
    const [svg] = await boxes('#view-matrix svg.matrix');
    const cols = await boxes('#view-matrix svg.matrix .col-label');
    expect(cols.length).toBeGreaterThan(0);
    for (const c of cols) expect(c.x + c.w, c.name).toBeLessThanOrEqual(svg!.x + svg!.w);
    expect(open.errors).toEqual([]);
  });

  it('the trace view follows a picked source and destination hop by hop as calisim trace does', async () => {
    const page = open.page;
    const data = pageData(html);
    // A traced pair whose source has several destinations, so picking the destination matters.
    const t = data.traces.find((x) => x.port !== null && data.traces.filter((y) => y.from === x.from).length > 1 && data.traces.indexOf(x) > 0)!;
    await page.goto(`file://${html}#view=trace`);
    await page.waitForSelector('body[data-ready=true]');
    await page.selectOption('#trace-from', t.from);
    await page.selectOption('#trace-to', String(data.traces.indexOf(t)));
    const cli = JSON.parse((await cliInProcess(['trace', scenario, '--from', t.from, '--to', t.to, '--protocol', t.protocol, '--port', String(t.port), '--format', 'json'])).stdout) as { hops: { step: string; at: string; detail: string }[]; disposition: string };
    const shown = await page.locator('#view-trace ol.hops li').allTextContents();
    expect(shown.map((x) => x.replace(/ \([^()]*:\d+\)$/, ''))).toEqual(cli.hops.map((h) => `[${h.step}] ${h.at}: ${h.detail}`));
    expect(await page.locator('#view-trace [data-disposition]').getAttribute('data-disposition')).toBe(cli.disposition);
    expect(await page.evaluate(() => location.hash)).toContain(`sel=trace%3A${data.traces.indexOf(t)}`);
    expect(open.errors).toEqual([]);
  });

  it('the search box finds a pod and selects it', async () => {
    const page = open.page;
    await page.fill('#search', 'api-0');
    const hit = page.locator('#search-results li', { hasText: 'pod acme/shop/api-0' });
    await hit.click();
    expect(await page.locator('#details .pod-name').textContent()).toBe('acme/shop/api-0');
    expect(await page.locator('#details [data-pod-node]').getAttribute('data-pod-node')).toMatch(/^acme\/acme-\d$/);
    expect(await page.evaluate(() => location.hash)).toContain('sel=pod%3Aacme%2Fshop%2Fapi-0');
    expect(open.errors).toEqual([]);
    expect(open.leaks).toEqual([]);
  });
});
