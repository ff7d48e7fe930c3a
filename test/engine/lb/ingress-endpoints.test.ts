// The ingress controller's pods are kept as a list extended with the pods added since the last look,
// instead of a scan of every pod of the platform per question: the per-node counts equal the former full
// scan (kept below as the reference) through random pod starts, stops and moves, on random live nodes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/build-model.js';
import type { Model } from '../../../src/model/types.js';
import { ingressCandidates, ingressPodsPerNode } from '../../../src/engine/lb/ingress-endpoints.js';
import type { LivePod, PodTable } from '../../../src/engine/platform/pod-table.js';
import { createPlatform } from '../../../src/engine/platform/run-platform.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

/** The former count: every pod of the platform tested on each call. */
function referenceCount(model: Model, pods: PodTable, alive: (node: number) => boolean): Int32Array {
  const ing = model.scenario.platform?.ingress;
  const local = new Int32Array(model.nodes.length);
  if (!ing) return local;
  const isIngress = (p: LivePod): boolean =>
    p.phase === 'running' && p.cluster === model.management && p.namespace === ing.namespace && p.base.owner?.name === ing.name;
  for (const p of pods.pods) if (isIngress(p) && p.node >= 0 && alive(p.node)) local[p.node]!++;
  return local;
}

const model = buildModel(loadScenario('scenarios/giantnetes.yaml'));

/** One step: start a copy of pod k on node `node` (-1 pending), stop pod k, or move pod k. */
const stepArb = fc.record({ op: fc.constantFrom('add', 'stop', 'move'), k: fc.nat(), node: fc.integer({ min: -1, max: model.nodes.length - 1 }) });

describe('ingressPodsPerNode', () => {
  it('the scenario has ingress pods to count', () => {
    const run = createPlatform(model);
    expect(ingressCandidates(model, run.pods).length).toBeGreaterThan(0);
    expect(ingressPodsPerNode(model, run.pods, () => true).reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
  });

  it('counts what a scan of every pod counts, through random starts, stops and moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(stepArb, { maxLength: 6 }), fc.array(fc.boolean(), { minLength: model.nodes.length, maxLength: model.nodes.length })), { maxLength: 8 }),
        (rounds) => {
          const run = createPlatform(model);
          const pods = run.pods;
          // The management cluster's pods first, so that steps often touch ingress pods.
          const pick = (k: number): LivePod => {
            const mgmt = pods.pods.filter((p) => p.cluster === model.management);
            return mgmt.length > 0 && k % 2 === 0 ? mgmt[(k >> 1) % mgmt.length]! : pods.pods[k % pods.pods.length]!;
          };
          for (const [steps, bits] of rounds) {
            for (const s of steps) {
              const p = pick(s.k);
              if (s.op === 'add') pods.add(p.base, `${p.name}-x${pods.pods.length}`, s.node, 1);
              else if (s.op === 'stop' && p.phase === 'running') pods.terminate(p, 1);
              else if (s.op === 'move') p.node = s.node;
            }
            const alive = (n: number): boolean => bits[n] === true;
            expect(ingressPodsPerNode(model, pods, alive)).toEqual(referenceCount(model, pods, alive));
          }
        },
      ),
      { numRuns: 60, seed: 1414 },
    );
  });
});
