// The port-sweep summary (allow bits formed in one reused buffer as E AND the transpose of I when no class is
// reference-decided; each side's rows only on request) equals a plain sweep of every protocol's port
// intervals reading each interval's materialized allow matrix, on every cluster of the default scenario with
// canaries and of a management cluster of 321 classes, and on random clusters (policies with port ranges,
// named ports, Services, HostEndpoints: the summary folds only the rows each interval changed, sweep-
// accumulator.ts); asking for the sides after the allow bits keeps them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { CONN_PROTOCOLS } from '../../../src/verdict/policy/conn-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { compiledOf } from '../../../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { portSweepSides, portSweepSummary } from '../../../src/verdict/state/port-sweep-summary.js';
import { withCanaries } from '../../emit/viz/canaries.js';
import { input, manifests, ns, pod } from '../../fixtures/policy/manifests.js';

const clusters = [withCanaries(), 'test/fixtures/viz/many-classes.yaml'].flatMap((s) =>
  policyModelsOf(runPlatform(buildModel(loadScenario(s)), { until: 30_000 })).clusters.map((c) => ({ name: `${s}: ${c.name}`, model: c.model })),
);

/** Every interval of every protocol swept, each one's allow matrix as the compiled policies materialize it. */
function reference(model: PolicyModel): { allowAll: number[]; allowAny: number[]; egressAny: number[]; ingressAny: number[] } {
  const cp = compiledOf(model);
  let acc: { allowAll: number[]; allowAny: number[]; egressAny: number[]; ingressAny: number[] } | undefined;
  for (const proto of CONN_PROTOCOLS) {
    cp.sweepPorts(proto.number, (_lo, _hi, m) => {
      const size = cp.classCount * m.words;
      acc ??= { allowAll: new Array<number>(size).fill(-1), allowAny: new Array<number>(size).fill(0), egressAny: new Array<number>(size).fill(0), ingressAny: new Array<number>(size).fill(0) };
      for (let i = 0; i < size; i++) {
        acc.allowAll[i]! &= m.allow[i]!;
        acc.allowAny[i]! |= m.allow[i]!;
        acc.egressAny[i]! |= m.egress[i]!;
        acc.ingressAny[i]! |= m.ingress[i]!;
      }
    });
  }
  return acc!;
}

describe('the port-sweep summary', () => {
  it('gives the allow bits and each side of a sweep reading every materialized matrix', () => {
    let uncertain = 0;
    for (const { name, model } of clusters) {
      const want = reference(model);
      const summary = portSweepSummary(model);
      expect('egressAny' in summary, name).toBe(false);
      expect([...summary.allowAll], name).toEqual(want.allowAll);
      expect([...summary.allowAny], name).toEqual(want.allowAny);
      const sides = portSweepSides(model);
      expect([...sides.allowAll], name).toEqual(want.allowAll);
      expect([...sides.egressAny], name).toEqual(want.egressAny);
      expect([...sides.ingressAny], name).toEqual(want.ingressAny);
      expect(portSweepSummary(model), name).toBe(sides);
      if (compiledOf(model).uncertainClasses().length > 0) uncertain++;
    }
    expect(clusters.length).toBeGreaterThan(uncertain);
  });

  it('folds only the changed rows to the same bits as reading every interval in full, on random clusters', () => {
    let stepped = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 6, maxPolicies: 6, extras: true, undeclared: true }), (input) => {
        const { model } = buildPolicyModel(input);
        const want = reference(model);
        const sides = portSweepSides(model);
        expect([...sides.allowAll]).toEqual(want.allowAll);
        expect([...sides.allowAny]).toEqual(want.allowAny);
        expect([...sides.egressAny]).toEqual(want.egressAny);
        expect([...sides.ingressAny]).toEqual(want.ingressAny);
        if (compiledOf(model).sweepPorts(6, () => {}) > 1) stepped++;
      }),
      { numRuns: 50, seed: 14 },
    );
    expect(stepped).toBeGreaterThan(10);
  });

  // Leaving a one-port ingress interval undoes its rows; an egress-only change later must read the ingress of
  // the state the sweep is back in, not the one-port interval's: a reaches b at no port (b accepts a only at
  // the one port, a sends only in the range), whatever the ports.
  it('reads the restored ingress after a one-port interval, before a later egress-only change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 30 }), (port, gap, width) => {
        const lo = port + gap;
        const { model } = buildPolicyModel(
          input({
            namespaces: [ns('x', {})],
            pods: [pod('x/a', { app: 'a' }, '10.0.0.1'), pod('x/b', { app: 'b' }, '10.0.0.2')],
            manifests: manifests(`
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: b-at-one-port}
spec:
  selector: app == 'b'
  types: [Ingress]
  ingress: [{action: Allow, protocol: TCP, destination: {ports: [${port}]}}]
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: a-in-a-range}
spec:
  selector: app == 'a'
  types: [Egress]
  egress: [{action: Allow, protocol: TCP, destination: {ports: ['${lo}:${lo + width}']}}]
`),
          }),
        );
        const want = reference(model);
        const summary = portSweepSummary(model);
        expect([...summary.allowAny]).toEqual(want.allowAny);
        expect([...summary.allowAll]).toEqual(want.allowAll);
        const cp = compiledOf(model);
        const [a, b] = [cp.classOf({ endpoint: 0 }), cp.classOf({ endpoint: 1 })];
        expect(((summary.allowAny[a * summary.words + (b >>> 5)]! >>> (b & 31)) & 1)).toBe(0);
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});
