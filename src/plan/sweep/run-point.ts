// plan: one sweep point, fully simulated for every seed — the timeline played out with IPAM use recorded
// at each instant, the run measured (sessions, routes, IPAM, convergence, policy matrix), `check` run,
// and the limits evaluated. The clock and memory gauge are passed in: only the CLI reads them.
import { advancePlatform, createPlatform } from '../../engine/platform/run-platform.js';
import { buildModel } from '../../model/build-model.js';
import type { Scenario } from '../../scenario/types.js';
import { runCheck } from '../../verdict/check/run-check.js';
import { limitsOf, representative } from '../build-plan.js';
import { convergenceGroups } from '../convergence-groups.js';
import type { PlatformMeasure } from '../measures.js';
import { measureRun } from '../measure-run.js';
import { NO_GROWTH } from '../types.js';
import type { PointOutcome, PointResult } from './point-result.js';
import { spreadOf } from './spread.js';
import type { SweepPoint } from './sweep-points.js';
import type { SweepSpec } from './sweep-spec.js';

/** The machine gauges a point reads: a monotonic clock (ms) and the resident set size (bytes). */
export interface PointEnv {
  readonly now: () => number;
  readonly rssBytes: () => number;
}

/** Runs `point` (whose scenario is `scenario`) for every seed of `spec`. */
export function runPoint(spec: SweepSpec, point: SweepPoint, scenario: Scenario, env: PointEnv): PointOutcome {
  const t0 = env.now();
  let peak = env.rssBytes();
  let compileMs = 0;
  const measures: PlatformMeasure[] = [];
  let timeline: { at: number; used: number }[] = [];
  let check: PointResult['check'] = spec.check ? { passed: 0, failed: 0, unknown: 0 } : null;
  for (const seed of spec.seeds) {
    const model = buildModel(scenario);
    const run = createPlatform(model, { seed });
    const instants = [...new Set([0, ...scenario.events.map((e) => e.at), scenario.horizon])].sort((a, b) => a - b);
    const used: { at: number; used: number }[] = [];
    for (const at of instants) {
      advancePlatform(run, at);
      used.push({ at, used: tenantAddresses(run.ipam.states.map((s) => s.report().pools), model.clusters.map((c) => c.kind)) });
    }
    if (measures.length === 0) timeline = used;
    const m = measureRun(run, env.now);
    compileMs += m.timings.compileMs.reduce((s, x) => s + x, 0);
    measures.push(m.measure);
    if (check !== null) {
      const s = runCheck(model, { seed }).summary;
      check = { passed: check.passed + s.passed, failed: check.failed + s.failed, unknown: check.unknown + s.unknown };
    }
    peak = Math.max(peak, env.rssBytes());
  }
  const result = summarise(spec, point, measures, timeline, check);
  return { result, timing: { index: point.index, wallMs: Math.round(env.now() - t0), peakRssMb: Math.round(peak / 2 ** 20), compileMs: Math.round(compileMs * 100) / 100 } };
}

function summarise(spec: SweepSpec, point: SweepPoint, measures: readonly PlatformMeasure[], timeline: PointResult['ipam']['timeline'], check: PointResult['check']): PointResult {
  const first = measures[0]!;
  const limits = limitsOf(first);
  const tenant = representative(first);
  const capped = limits.filter((l) => l.value !== null && l.value > 0).map((l) => ({ id: l.id, value: l.value!, use: l.use(NO_GROWTH) }));
  const ratio = (l: { value: number; use: number }): number => l.use / l.value;
  const byRatio = [...capped].sort((a, b) => ratio(b) - ratio(a));
  const groups = measures.map((m) => convergenceGroups(m.convergence));
  const pools = tenant.pools;
  return {
    index: point.index,
    params: Object.fromEntries(spec.axes.map((a, i) => [a.name, point.settings[i]!.label])),
    coords: Object.fromEntries(spec.axes.map((a, i) => [a.name, point.settings[i]!.number])),
    shape: { tenants: first.tenants, nodes: tenant.nodes, podsPerNode: tenant.maxPodsOnNode, bgpMode: tenant.bgp.mode, reflectors: tenant.bgp.reflectors },
    convergence: groups[0]!.map((g, gi) => ({
      at: g.at,
      label: g.label,
      ...spreadOf(groups.map((gs) => gs[gi]?.slowestMs ?? null)),
      unsettledSeeds: groups.filter((gs) => (gs[gi]?.slowestMs ?? null) === null).length,
    })),
    blackholes: { windows: spreadOf(measures.map((m) => m.blackholeWindows)), ms: spreadOf(measures.map((m) => m.blackholeMs)) },
    bgp: { sessionsPerNode: tenant.bgp.maxSessionsPerNode, sessionsPerNodeMedian: tenant.bgp.medianSessionsPerNode, routesPerNode: tenant.bgp.maxRoutesPerNode },
    ipam: {
      used: pools.reduce((s, p) => s + p.used, 0),
      capacity: pools.reduce((s, p) => s + p.capacity, 0),
      blocks: pools.reduce((s, p) => s + p.blocks, 0),
      capacityBlocks: pools.reduce((s, p) => s + p.capacityBlocks, 0),
      borrowed: tenant.borrowed,
      exhausted: pools.some((p) => p.used >= p.capacity),
      podsPending: tenant.podsPending,
      timeline,
    },
    policy: { policies: tenant.policies, felixRules: tenant.felixRules, matrixClasses: tenant.matrixClasses },
    check,
    limits: capped,
    firstLimit: byRatio.find((l) => l.use > l.value)?.id ?? null,
    tightest: byRatio[0] === undefined ? null : { id: byRatio[0].id, ratio: Math.round(ratio(byRatio[0]) * 10_000) / 10_000 },
  };
}

/** Addresses in use in the tenants' pools (every cluster's when there is no tenant). */
function tenantAddresses(pools: readonly (readonly { used: number }[])[], kinds: readonly string[]): number {
  const anyTenant = kinds.includes('tenant');
  return pools.reduce((s, ps, ci) => (!anyTenant || kinds[ci] === 'tenant' ? s + ps.reduce((t, p) => t + p.used, 0) : s), 0);
}
