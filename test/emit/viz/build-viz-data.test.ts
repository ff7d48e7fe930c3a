// The viz data: the replayed histories equal the engine's state at any time (a fresh run advanced to that
// time is the reference), the page's HTML is byte-identical for the same scenario and seed, its CSP
// forbids every request and admits exactly the inline script and style, and the page's copy of the data
// types is the emit stage's, word for word.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildVizData } from '../../../src/emit/viz/build-viz-data.js';
import { renderVizHtml } from '../../../src/emit/viz/render-viz-html.js';
import type { VizData } from '../../../src/emit/viz/viz-data.js';
import type { ColumnTable } from '../../../src/emit/viz/pack-json.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { valueAt } from '../../../viz/page/replay.js';
import { unpackViz, type PackedViz } from '../../../viz/page/unpack-json.js';
import type { VizData as PageVizData } from '../../../viz/page/viz-data.js';

const model = buildModel(loadScenario('scenarios/giantnetes.yaml'));
const data = buildVizData(model);
/** The data as the page reads it (the session ends as rows). */
const rows = JSON.parse(JSON.stringify(data)) as VizData;
const assets = { script: 'console.log("page")', style: 'body{color:red}' };

/** Session end states by `node>peer` as `calisim bgp` reports them. */
function engineStates(at: number): Map<string, string> {
  const run = runPlatform(model, { until: at });
  return new Map(run.bgp.net.sessions().map((s) => [`${s.node}>${s.peer}`, s.state]));
}

function replayedStates(d: VizData, at: number): Map<string, string> {
  const name = (i: number): string => (i >= 0 ? d.nodes[i]!.name : `${d.clusters[d.peers[-1 - i]!.cluster]!.name}/${d.peers[-1 - i]!.name}`);
  const speaker = (i: number): string => (i >= 0 && d.clusters[d.nodes[i]!.cluster]!.kind === 'management' ? `${d.clusters[d.nodes[i]!.cluster]!.name}/${name(i)}` : name(i));
  return new Map(d.sessions.map((s) => {
    const v = valueAt(s.states, at);
    return [`${speaker(s.node)}>${speaker(s.peer)}`, v < 0 ? 'Down' : d.stateNames[v]!];
  }));
}

describe('buildVizData', () => {
  it('replays every session end and node to the state the engine has at any time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: model.scenario.horizon }), (at) => {
        expect(replayedStates(rows, at)).toEqual(engineStates(at));
        const run = runPlatform(model, { until: at });
        expect(data.nodes.map((n) => valueAt(n.up, at))).toEqual([...run.nodeUp]);
      }),
      { numRuns: 6 },
    );
    // Around acme-2's silent failure (90 s) and its peers' hold timers (240 s later), and its return (6 m).
    for (const at of [89_000, 91_000, 335_000, 345_000, 360_000, 362_000]) expect(replayedStates(rows, at)).toEqual(engineStates(at));
  });

  it('writes byte-identical HTML for the same scenario and seed', () => {
    const a = renderVizHtml(buildVizData(model), assets);
    expect(renderVizHtml(data, assets)).toBe(a);
  });

  it('lays the clusters out apart, each node inside its cluster, everything inside the extent', () => {
    const [w, h] = data.extent;
    data.clusters.forEach((a, i) => {
      expect(a.x - a.r).toBeGreaterThanOrEqual(0);
      expect(a.y - a.r).toBeGreaterThanOrEqual(0);
      expect(a.x + a.r).toBeLessThanOrEqual(w);
      expect(a.y + a.r).toBeLessThanOrEqual(h);
      data.clusters.forEach((b, j) => {
        if (j > i) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.name} and ${b.name} overlap`).toBeGreaterThan(a.r + b.r);
      });
    });
    for (const n of data.nodes) {
      const c = data.clusters[n.cluster]!;
      expect(Math.hypot(n.x - c.x, n.y - c.y), n.name).toBeLessThan(c.r);
    }
  });

  it('carries a CSP that forbids every request and admits exactly the inline script and style', () => {
    const html = renderVizHtml(data, { script: 'var s="</script>";', style: assets.style });
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    expect(csp).toMatch(/^default-src 'none'; /);
    const script = /<script>(.*)<\/script>/.exec(html)![1]!;
    expect(script).toBe('var s="<\\/script>";');
    const sha = (t: string): string => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(csp).toContain(`style-src ${sha(assets.style)}`);
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    // The data is embedded (packed, as the page unpacks it) without a `<` that could end its script element.
    const json = /<script id="viz-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(unpackViz(JSON.parse(json) as PackedViz)).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('escapes every `<` and line separator of the data it embeds, and the page reads the data back', () => {
    const odd = { ...data, scenario: 'a</script><!--b\u2028c\u2029d<' };
    const json = /<script id="viz-data" type="application\/json">(.*?)<\/script>/s.exec(renderVizHtml(odd, assets))![1]!;
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(json).toContain('a\\u003c/script>\\u003c!--b\\u2028c\\u2029d\\u003c');
    expect(unpackViz(JSON.parse(json) as PackedViz)).toEqual(JSON.parse(JSON.stringify(odd)));
  });

  it('the page reads the same types the emit stage writes', () => {
    // The page's module re-exports the emit stage's types and nothing else (type-only: no code from src/).
    const code = readFileSync('viz/page/viz-data.ts', 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('//'));
    expect(code).toEqual(["export type * from '../../src/emit/viz/viz-data.js';"]);
    const page: PageVizData<ColumnTable> = data;
    const back: VizData<ColumnTable> = page;
    expect(back.schema).toBe('calisim.viz/v1');
  });
});
