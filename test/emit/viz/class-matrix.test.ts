// The page's class-level matrix: each workload cell the page derives from its class pair equals the cell
// `calisim reach --matrix` computes (connMatrix), and the page's per-class-pair counts equal counting the
// cells one by one, on the default scenario with canary workloads (sharing classes) and any rows and columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connMatrix } from '../../../src/emit/connlist/matrix.js';
import { classMatrix } from '../../../src/emit/viz/class-matrix.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { fastClassOf, fastEvaluate, matrixVerdicts } from '../../../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { withCanaries } from './canaries.js';
import { cellConns, cellVerdict, verdictCounts } from '../../../viz/page/matrix-cells.js';
import type { VizClusterMatrix } from '../../../viz/page/viz-data.js';

const run = runPlatform(buildModel(loadScenario(withCanaries())), { until: 30_000 });
const clusters = policyModelsOf(run).clusters.map((c) => {
  const cm = classMatrix(c.model, fastEvaluate, fastClassOf(c.model));
  if ('tooMany' in cm) throw new Error('no class limit was set');
  const page: VizClusterMatrix = { cluster: 0, workloads: cm.workloads, classes: cm.classes, classCount: Math.round(Math.sqrt(cm.codes.length)), codes: cm.codes, conns: cm.conns, probes: {} };
  return { name: c.name, page, reference: connMatrix(c.model, matrixVerdicts(), fastClassOf(c.model)) };
});
const VERDICT: Readonly<Record<string, string>> = { self: 'self', '': 'deny', 'All Connections': 'allow' };

describe('classMatrix', () => {
  it("derives every workload cell of reach --matrix from its class pair", () => {
    let shared = 0;
    for (const { name, page, reference } of clusters) {
      expect(page.workloads, name).toEqual(reference.workloads);
      const n = page.workloads.length;
      shared += n - page.classCount;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const cell = reference.cells[i]![j]!;
          const want = reference.unknown[i]![j] !== '' ? 'unknown' : (VERDICT[cell] ?? 'some');
          expect(cellVerdict(page, i * n + j, 0), `${name} ${page.workloads[i]} -> ${page.workloads[j]}`).toBe(want);
          if (want === 'some') expect(cellConns(page, i * n + j)).toBe(cell);
        }
      }
    }
    // Classes are shared: the derivation is exercised, not one class per workload.
    expect(shared).toBeGreaterThan(0);
  });

  it('counts the cells of any rows and columns by verdict as cell-by-cell counting does', () => {
    const { page } = clusters.reduce((a, b) => (b.page.workloads.length > a.page.workloads.length ? b : a));
    const n = page.workloads.length;
    const subset = fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n });
    fc.assert(
      fc.property(subset, subset, fc.constantFrom(0, 80, 5432), (rows, cols, port) => {
        const want = new Map<string, number>();
        for (const i of rows) for (const j of cols) if (i !== j) want.set(cellVerdict(page, i * n + j, port), (want.get(cellVerdict(page, i * n + j, port)) ?? 0) + 1);
        expect(new Map([...verdictCounts(page, rows, cols, port)].sort())).toEqual(new Map([...want].sort()));
      }),
      { numRuns: 100, seed: 15 },
    );
  });
});
