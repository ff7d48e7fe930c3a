// plan: a finished run of a scenario into its PlatformMeasure — every figure the engine can measure
// (sessions and routes per node, IPAM blocks, convergence, the compiled policy matrix) read from the run,
// not from a formula. The clock is passed in (`now`), so only the caller reads it.
import type { PlatformRun } from '../engine/platform/run-platform.js';
import { compiledOf } from '../verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../verdict/state/policy-models.js';
import { measureCluster } from './measure-cluster.js';
import type { PlatformMeasure } from './measures.js';

/** What the caller timed while measuring: policy compile time per cluster (ms). */
export interface MeasureTimings {
  readonly compileMs: readonly number[];
}

/** Measures `run` (at its current time); `now` is a monotonic clock in ms for the compile timings. */
export function measureRun(run: PlatformRun, now: () => number): { measure: PlatformMeasure; timings: MeasureTimings } {
  const { model } = run;
  const policyModels = policyModelsOf(run);
  const compileMs: number[] = [];
  const matrixClasses = policyModels.clusters.map((c) => {
    const t0 = now();
    const classes = compiledOf(c.model).classCount;
    compileMs.push(now() - t0);
    return classes;
  });
  const clusters = model.clusters.map((_, ci) => measureCluster(run, ci, policyModels.clusters[ci]!.model, matrixClasses[ci]!));
  const hosts = model.management >= 0 ? model.clusters[model.management]!.nodes : [];
  const vmsOn = new Map<number, number>();
  for (const n of model.nodes) if (n.host >= 0) vmsOn.set(n.host, (vmsOn.get(n.host) ?? 0) + 1);
  const lbs = model.loadBalancers;
  const blackholes = run.bgp.net.blackholeWindows();
  const measure: PlatformMeasure = {
    tenants: model.clusters.filter((c) => c.kind === 'tenant').length,
    hosts: hosts.length,
    maxVmsOnHost: Math.max(0, ...vmsOn.values()),
    hostMaxPods: hosts.length > 0 ? Math.min(...hosts.map((h) => model.nodes[h]!.maxPods)) : DEFAULT_HOST_PODS,
    clusters,
    loadBalancers: {
      maxMembersPerPool: Math.max(0, ...lbs.map((lb) => lb.members.length)),
      // One pool per balancer (its VIPs share it); each monitor probes each member once per interval.
      probesPerSecond: lbs.reduce((s, lb) => s + lb.monitors.reduce((t, m) => t + (lb.members.length * 1000) / Math.max(1, m.interval), 0), 0),
    },
    convergence: run.bgp.net.convergence().map((c) => ({ label: c.label, at: c.at, convergenceMs: c.convergenceMs })),
    blackholeWindows: blackholes.length,
    blackholeMs: blackholes.reduce((s, w) => s + ((w.to ?? run.stats.endTime) - w.from), 0),
  };
  return { measure, timings: { compileMs } };
}

/** kubelet's default maxPods, the ceiling when a platform has no management hosts. */
const DEFAULT_HOST_PODS = 110;
