// Eviction keeps the cluster's load in step with each move instead of counting every pod of the platform
// again per victim: the pods it stops and places, their nodes and addresses, are exactly those of the
// former per-victim recount (kept below as the reference), on random loads, ready sets and nodes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/build-model.js';
import { schedulePods } from '../../../src/model/schedule-pods.js';
import type { Model } from '../../../src/model/types.js';
import { evictPods, nodeLoad } from '../../../src/engine/platform/evict-pods.js';
import type { IpamRuntime } from '../../../src/engine/platform/ipam-runtime.js';
import type { LivePod, PodTable } from '../../../src/engine/platform/pod-table.js';
import { createPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

/** The former eviction: the cluster's load recounted from every pod before each victim is placed. */
function referenceEvict(model: Model, node: number, pods: PodTable, ipam: IpamRuntime, stop: (p: LivePod) => void, ready: (id: number) => boolean): number {
  const victims = pods.pods.filter((p) => p.node === node && p.phase === 'running' && p.workload >= 0);
  let moved = 0;
  for (const p of victims) {
    const spec = model.workloads[p.workload]!.spec;
    if (spec.kind !== 'Deployment' && spec.kind !== 'ReplicaSet') continue;
    stop(p);
    const c = model.clusters[p.cluster]!;
    const load = nodeLoad(pods, c.nodes, p.cluster);
    const [placed] = schedulePods([{ ...spec, replicas: 1 }], c.nodes.map((id) => model.nodes[id]!), c.nodes.map((id) => model.nodes[id]!.shortName), load, c.nodes.map((id) => ready(id)));
    const target = placed && placed.node >= 0 ? c.nodes[placed.node]! : -1;
    const np = pods.add(p.base, p.name, target, 0);
    if (target >= 0) ipam.assign(np, 0);
    else np.reason = 'no node fits (Pending)';
    moved++;
  }
  return moved;
}

const model = buildModel(loadScenario('scenarios/giantnetes.yaml'));
const tenantNodes = model.clusters.filter((c) => c.id !== model.management).flatMap((c) => c.nodes);

function podsOf(run: PlatformRun): string {
  return JSON.stringify(run.pods.pods.map((p) => [p.name, p.node, p.phase, p.ip, p.reason ?? '']));
}

describe('evictPods', () => {
  it('places every victim as the per-victim recount did (random loads, ready nodes and evicted node)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: tenantNodes.length - 1 }),
        fc.array(fc.boolean(), { minLength: model.nodes.length, maxLength: model.nodes.length }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (pick, readyBits, stops) => {
          const node = tenantNodes[pick]!;
          const ready = (id: number): boolean => id !== node && readyBits[id] === true;
          const runs = [createPlatform(model), createPlatform(model)];
          for (const run of runs) {
            // Skew the load: stop some running pods first.
            for (const k of stops) {
              const p = run.pods.pods[k % run.pods.pods.length]!;
              if (p.phase === 'running') run.pods.terminate(p, 0);
            }
          }
          const [a, b] = runs as [PlatformRun, PlatformRun];
          const stopA = (p: LivePod): void => a.pods.terminate(p, 0);
          const moved = referenceEvict(model, node, a.pods, a.ipam, stopA, ready);
          const effects: string[] = [];
          evictPods(model, node, b.pods, { ipam: b.ipam, stop: (p) => b.pods.terminate(p, 0) }, ready, 0, effects);
          expect(podsOf(b)).toBe(podsOf(a));
          expect(effects.length).toBe(moved > 0 ? 1 : 0);
        },
      ),
      { numRuns: 30, seed: 14 },
    );
  });
});
