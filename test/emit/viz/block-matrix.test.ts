// The matrix of clusters past the page's class limit: the port sweep's class codes equal the per-pair
// codes and port sets of class-matrix.ts (`reach --matrix`'s own conns), the run-length rows decode back to
// them, and the namespace × namespace counts equal counting `reach --matrix`'s cells one by one — on every
// cluster of the default scenario with canaries (classes of several workloads) and on a management cluster
// of 321 classes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connMatrix } from '../../../src/emit/connlist/matrix.js';
import { blockMatrix, runLength } from '../../../src/emit/viz/block-matrix.js';
import { classMatrix } from '../../../src/emit/viz/class-matrix.js';
import { sweepClassCodes } from '../../../src/emit/viz/sweep-class-codes.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { fastClassOf, matrixVerdicts } from '../../../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { withCanaries } from './canaries.js';
import { COUNTED, decodeRow } from '../../../viz/page/block-cells.js';

const clusters = [withCanaries(), 'test/fixtures/viz/many-classes.yaml'].flatMap((s) =>
  policyModelsOf(runPlatform(buildModel(loadScenario(s)), { until: 30_000 })).clusters.map((c) => ({ name: `${s}: ${c.name}`, model: c.model })),
);

/** Each class's first and second workload's endpoint (-1 without a second), as class-matrix.ts numbers them. */
function repsOf(workloadEnds: readonly number[], classes: readonly number[]): { reps: number[]; seconds: number[] } {
  const reps: number[] = [];
  const seconds: number[] = [];
  classes.forEach((c, w) => {
    if (reps[c] === undefined) {
      reps[c] = workloadEnds[w]!;
      seconds[c] = -1;
    } else if (seconds[c] === -1) seconds[c] = workloadEnds[w]!;
  });
  return { reps, seconds };
}

describe('the matrix past the class limit', () => {
  it('the port sweep gives the codes and port sets of every class pair as the per-pair conns do', () => {
    let some = 0;
    for (const { name, model } of clusters) {
      const cm = classMatrix(model, matrixVerdicts(), fastClassOf(model));
      if ('tooMany' in cm) throw new Error('no class limit was set');
      const b = blockMatrix(model, fastClassOf(model), 0, Infinity);
      if ('tooMany' in b) throw new Error('no class limit was set');
      expect(b.workloads, name).toEqual(cm.workloads);
      expect(b.classes, name).toEqual(cm.classes);
      const ends = cm.workloads.map((id) => model.endpoints.findIndex((e) => `${e.namespace}/${e.owner?.name ?? e.name}[${e.owner?.kind ?? 'Pod'}]` === id));
      const { reps, seconds } = repsOf(ends, cm.classes);
      const swept = sweepClassCodes(model, reps, seconds);
      expect(Buffer.from(swept.codes).toString('latin1'), name).toBe(cm.codes);
      expect(Object.fromEntries(swept.conns), name).toEqual(cm.conns);
      expect(b.rows.map(decodeRow).join(''), name).toBe(cm.codes);
      some += [...cm.codes].filter((c) => c === 'P').length;
    }
    expect(some).toBeGreaterThan(0);
  });

  it("counts each namespace pair's cells by verdict as reach --matrix's cells counted one by one", () => {
    for (const { name, model } of clusters) {
      const b = blockMatrix(model, fastClassOf(model), 0, Infinity);
      if ('tooMany' in b) throw new Error('no class limit was set');
      const ref = connMatrix(model, matrixVerdicts(), fastClassOf(model));
      const ns = (w: string): number => b.namespaces.indexOf(w.slice(0, w.indexOf('/')));
      const want = new Array<number>(b.counts.length).fill(0);
      ref.workloads.forEach((a, i) =>
        ref.workloads.forEach((x, j) => {
          if (i === j) return;
          const cell = ref.cells[i]![j]!;
          const v = ref.unknown[i]![j] !== '' ? 'unknown' : cell === '' ? 'deny' : cell === 'All Connections' ? 'allow' : 'some';
          want[(ns(a) * b.namespaces.length + ns(x)) * 4 + COUNTED.indexOf(v)]++;
        }),
      );
      expect(b.counts, name).toEqual(want);
    }
  });

  it('run-length rows decode to the codes they were made of', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(65, 68, 80, 83, 85), { maxLength: 300 }), (codes) => {
        const bytes = Uint8Array.from(codes);
        expect(decodeRow(runLength(bytes))).toBe(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 200, seed: 15 },
    );
  });
});
