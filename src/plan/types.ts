// plan: the contract of `calisim plan` — every capacity limit with its value, the platform's use, the
// headroom and the cited source, and which limit binds first as the platform grows along each axis.
import type { ConvergenceGroup } from './convergence-groups.js';
import type { Source } from './sources.js';

/** Version tag of the plan JSON; bump on any incompatible change. */
export const PLAN_SCHEMA = 'calisim.plan/v1';

/** The axes a platform grows along. */
export type Axis = 'tenants' | 'nodesPerTenant' | 'podsPerNode' | 'policiesPerNamespace';
export const AXES: readonly Axis[] = ['tenants', 'nodesPerTenant', 'podsPerNode', 'policiesPerNamespace'];

/** Growth factors per axis (1 = the platform as it is). */
export type Growth = Readonly<Record<Axis, number>>;
export const NO_GROWTH: Growth = { tenants: 1, nodesPerTenant: 1, podsPerNode: 1, policiesPerNamespace: 1 };

/** One limit: its value (null when no cap is documented), the use and the source. */
export interface LimitResult {
  readonly id: string;
  readonly group: 'kubernetes' | 'calico' | 'flannel' | 'load-balancer' | 'pki';
  readonly name: string;
  readonly value: number | null;
  readonly use: number;
  /** value − use (null without a value). */
  readonly headroom: number | null;
  readonly unit: string;
  /** Where the use was found (a cluster, "platform"). */
  readonly at: string;
  /** True when the use was read from a run of the scenario, false when computed from its shape. */
  readonly measured: boolean;
  readonly source: Source;
  readonly note?: string;
}

/** The first limit crossed as one axis grows with the others held. */
export interface AxisBinding {
  readonly axis: Axis;
  readonly current: number;
  /** The axis value at which `limit` is first exceeded (null: none within the search range). */
  readonly bindsAt: number | null;
  readonly limit: string | null;
  readonly limitName: string | null;
}

export interface PlanReport {
  readonly schema: typeof PLAN_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  /** The tenant the per-tenant figures and projections follow (the one with the most nodes). */
  readonly representative: string;
  readonly limits: readonly LimitResult[];
  /** Limits already exceeded, by id. */
  readonly exceeded: readonly string[];
  /** The capped limit with the least relative headroom now. */
  readonly tightest: string | null;
  readonly axes: readonly AxisBinding[];
  /** Measured convergence, one entry per instant with changes. */
  readonly convergence: readonly ConvergenceGroup[];
}
