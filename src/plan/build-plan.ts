// plan: a measured platform into the PlanReport — every limit evaluated at the platform as it is, the
// tightest one, and for each growth axis the first limit crossed.
import { axisBinding } from './axis-binding.js';
import { calicoLimits } from './calico-limits.js';
import { convergenceGroups } from './convergence-groups.js';
import { kubernetesLimits } from './kubernetes-limits.js';
import type { LimitContext, LimitDef } from './limit-def.js';
import type { PlatformMeasure } from './measures.js';
import { platformLimits } from './platform-limits.js';
import { AXES, NO_GROWTH, PLAN_SCHEMA, type Axis, type LimitResult, type PlanReport } from './types.js';

export interface PlanOptions {
  readonly scenario: string;
  readonly seed: number;
  /** CPU cores per node (pods per node becomes min(maxPods, 10 × cores)). */
  readonly cores?: number;
}

/** Every limit of `platform` and where growth hits them first. */
export function buildPlan(platform: PlatformMeasure, options: PlanOptions): PlanReport {
  const limits = limitsOf(platform, options.cores);
  const results = limits.map(resultOf);
  const exceeded = results.filter((r) => r.headroom !== null && r.headroom < 0).map((r) => r.id);
  let tightest: LimitResult | undefined;
  for (const r of results) if (r.value !== null && r.value > 0 && (tightest === undefined || r.use / r.value > tightest.use / tightest.value!)) tightest = r;
  const tenant = representative(platform);
  const current: Record<Axis, number> = {
    tenants: platform.tenants,
    nodesPerTenant: tenant.nodes,
    podsPerNode: tenant.maxPodsOnNode,
    policiesPerNamespace: tenant.maxPoliciesPerNamespace,
  };
  return {
    schema: PLAN_SCHEMA,
    scenario: options.scenario,
    seed: options.seed,
    representative: tenant.name,
    limits: results,
    exceeded,
    tightest: tightest?.id ?? null,
    axes: AXES.map((a) => axisBinding(limits, a, current[a])),
    convergence: convergenceGroups(platform.convergence),
  };
}

/** The limit definitions of a platform (also what sweeps evaluate per point). */
export function limitsOf(platform: PlatformMeasure, cores?: number): LimitDef[] {
  const tenant = representative(platform);
  const ctx: LimitContext = {
    platform,
    tenant,
    management: platform.clusters.find((c) => c.kind === 'management'),
    ...(cores !== undefined ? { cores } : {}),
  };
  return [...kubernetesLimits(ctx), ...calicoLimits(ctx), ...platformLimits(ctx)];
}

/** The tenant with the most nodes (the first such), or the only cluster of a single-cluster scenario. */
export function representative(p: PlatformMeasure): PlatformMeasure['clusters'][number] {
  const tenants = p.clusters.filter((c) => c.kind === 'tenant');
  const pool = tenants.length > 0 ? tenants : p.clusters;
  return pool.reduce((best, c) => (c.nodes > best.nodes ? c : best));
}

function resultOf(l: LimitDef): LimitResult {
  const use = l.use(NO_GROWTH);
  return {
    id: l.id,
    group: l.group,
    name: l.name,
    value: l.value,
    use,
    headroom: l.value === null ? null : l.value - use,
    unit: l.unit,
    at: l.at,
    measured: l.measured,
    source: l.source,
    ...(l.note !== undefined ? { note: l.note } : {}),
  };
}
