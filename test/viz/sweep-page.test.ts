// The sweep report page in real Chromium (Debian's, driven by playwright-core, no download): built from the
// small sweep's results, it draws the phase diagram's cells, the mesh and reflector lines, the convergence
// bands and the IPAM timelines, offline. Runs under CI=true, never skipped there.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderSweepHtml } from '../../src/emit/sweep/render-sweep-html.js';
import type { PointResult } from '../../src/plan/sweep/point-result.js';
import { sweepDocument, timingsDocument, type SweepHeader } from '../../src/plan/sweep/sweep-document.js';

const CHROMIUM = '/usr/bin/chromium';
const BUNDLE = 'dist/viz/sweep.js';
const ready = existsSync(CHROMIUM) && existsSync(BUNDLE);
if (!ready && process.env['CI'] === 'true') throw new Error(`${CHROMIUM} or ${BUNDLE} (npm run build) missing: the page test must run under CI`);

function point(index: number, nodes: number, mode: string, firstLimit: string | null): PointResult {
  const conv = (ms: number) => ({ at: 120_000, label: 'node-down', p50: ms, p90: ms + 1000, max: ms + 2000, unsettledSeeds: 0 });
  return {
    index,
    params: { nodes: String(nodes), bgp: mode },
    coords: { nodes, bgp: null },
    shape: { tenants: 1, nodes, podsPerNode: Math.ceil(200 / nodes), bgpMode: mode, reflectors: mode === 'mesh' ? 0 : 2 },
    convergence: [{ ...conv(2000), at: 0, label: 'start' }, conv(180_000 + nodes)],
    blackholes: { windows: { p50: 1, p90: 1, max: 1 }, ms: { p50: 5, p90: 5, max: 5 } },
    bgp: { sessionsPerNode: nodes - 1, sessionsPerNodeMedian: mode === 'mesh' ? nodes - 1 : 2, routesPerNode: nodes },
    ipam: { used: 200, capacity: 65_536, blocks: nodes, capacityBlocks: 1024, borrowed: 0, exhausted: false, podsPending: 0, timeline: [{ at: 0, used: 200 }, { at: 120_000, used: 190 }] },
    policy: { policies: 1, felixRules: 1, matrixClasses: 3 },
    check: null,
    limits: [{ id: 'calico-mesh-sessions', value: 4950, use: (nodes * (nodes - 1)) / 2 }],
    firstLimit,
    tightest: { id: 'calico-mesh-sessions', ratio: 0.5 },
  };
}

describe.skipIf(!ready)('sweep report page (Chromium)', () => {
  it('draws the phase diagram, mesh and reflector lines, convergence bands and IPAM timelines', async () => {
    const header: SweepHeader = { file: 's.yaml', base: 'b.yaml', seeds: [1, 2], check: false, points: 4, axes: [{ name: 'nodes', labels: ['10', '1000'], numeric: true }, { name: 'bgp', labels: ['mesh', 'reflectors'], numeric: false }] };
    const points = [point(0, 10, 'mesh', null), point(1, 10, 'reflectors', null), point(2, 1000, 'mesh', 'calico-mesh-sessions'), point(3, 1000, 'reflectors', null)];
    const html = renderSweepHtml(sweepDocument(header, points), timingsDocument([]), readFileSync(BUNDLE, 'utf8'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html);
      expect(errors).toEqual([]);
      expect(await page.locator('#phase-mesh rect.cell').count()).toBe(2);
      expect(await page.locator('#phase-reflectors rect.cell').count()).toBe(2);
      expect(await page.locator('.legend').first().textContent()).toContain('calico-mesh-sessions');
      for (const id of ['sessions', 'routes', 'convergence']) expect(await page.locator(`#${id} path.line-mesh`).getAttribute('d')).toMatch(/^M.+L/);
      expect(await page.locator('#convergence path.band-reflectors').getAttribute('d')).toMatch(/^M.+Z$/);
      // Sessions: the median node's line, with a band up to the busiest (a reflector holds every client).
      expect(await page.locator('#sessions path.band-reflectors').getAttribute('d')).toMatch(/^M.+Z$/);
      expect(await page.locator('#ipam path.ipam').count()).toBe(4);
      expect(await page.locator('#headroom g.limit').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
