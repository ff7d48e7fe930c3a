// Sweep files: axes read into settings (values, ranges, variants), points in row-major order, and every
// kind of bad input reported with file, line and field before anything runs.
import { describe, expect, it } from 'vitest';
import { InputError, formatDiagnostic } from '../../../src/lib/diagnostics.js';
import { readSweep } from '../../../src/plan/sweep/read-sweep.js';
import { pointAt, pointCount, pointScenario } from '../../../src/plan/sweep/sweep-points.js';

const fixture = (name: string): string => `test/fixtures/sweep/${name}.yaml`;

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics.map(formatDiagnostic);
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('sweep files', () => {
  it("the shipped planner's sweep: 10 to 1,000 nodes by three replica counts, mesh and reflectors, every point valid", () => {
    const spec = readSweep('scenarios/sweeps/nodes-mesh-vs-reflectors.yaml');
    expect(pointCount(spec)).toBe(30);
    expect(spec.axes[1]!.settings.map((s) => s.number)).toEqual([10, 32, 100, 316, 1000]);
    const last = pointScenario(spec, pointAt(spec, 29));
    const t1 = last.tenants.find((t) => t.name === 't1')!;
    expect([last.tenants.length, t1.nodes.length, t1.calico.nodeToNodeMeshEnabled]).toEqual([1, 1000, false]);
    for (let i = 0; i < 29; i++) pointScenario(spec, pointAt(spec, i));
  });

  it('reads values and variants into points, first axis outermost', () => {
    const spec = readSweep(fixture('small'));
    expect(spec.seeds).toEqual([1, 2]);
    expect(pointCount(spec)).toBe(4);
    expect(pointAt(spec, 1).settings.map((s) => s.label)).toEqual(['4', 'reflectors']);
    expect(pointAt(spec, 2).settings.map((s) => s.label)).toEqual(['8', 'mesh']);
    const scenario = pointScenario(spec, pointAt(spec, 3));
    const t1 = scenario.tenants.find((t) => t.name === 't1')!;
    expect(t1.calico.nodeToNodeMeshEnabled).toBe(false);
    expect(t1.calico.routeReflectors?.nodes).toEqual(['t1-vm-0001', 't1-vm-0002']);
  });

  it('reports every problem of the file with line and field', () => {
    const p = problems(() => readSweep(fixture('bad')));
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad\.yaml:2:\d+: error: seeds\[1\]: expected an integer, got the string "two"/),
        expect.stringMatching(/bad\.yaml:12:\d+: error: axes\[3\]\.values: the list is empty/),
        expect.stringMatching(/bad\.yaml:14:\d+: error: axes\[4\]\.range: a range needs integers from ≤ to/),
        expect.stringMatching(/bad\.yaml:15:1: error: colour: unknown field/),
      ]),
    );
  });

  it('refuses more points than the cap, saying how many', () => {
    expect(problems(() => readSweep(fixture('too-many')))).toEqual([expect.stringMatching(/too-many\.yaml:2:1: error: maxPoints: the sweep has 20 points \(20\); the limit is 10/)]);
    expect(pointCount(readSweep(fixture('too-many'), 20))).toBe(20);
  });

  it('reports values of the wrong type and fields that do not exist at the sweep file line', () => {
    const spec = readSweep(fixture('bad-values'));
    const p = problems(() => pointScenario(spec, pointAt(spec, pointCount(spec) - 1)));
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-values\.yaml:4:\d+: error: .*nodes\.count: expected an integer, got the string "many"/),
        expect.stringMatching(/bad-values\.yaml:6:\d+: error: .*nodez: unknown field/),
        expect.stringMatching(/bad-values\.yaml:8:\d+: error: tenantSets\[3\]\.count: tenantSets\[3\]: the base scenario's list has 1 item\(s\)/),
      ]),
    );
  });
});
