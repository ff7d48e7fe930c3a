// emit: the words and numbers shared by the plan's text and Markdown renderings.
import type { ConvergenceGroup } from '../../plan/convergence-groups.js';
import type { Axis, AxisBinding, LimitResult, PlanReport } from '../../plan/types.js';

const AXIS_WORDS: Record<Axis, string> = {
  tenants: 'tenants',
  nodesPerTenant: 'nodes per tenant',
  podsPerNode: 'pods per node',
  policiesPerNamespace: 'policies per namespace',
};

/** A count with thousands separators (two decimals for fractions). */
export function num(n: number | null): string {
  if (n === null) return '-';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Where a limit's figures come from: the run, or the scenario's shape. */
export function origin(l: LimitResult): string {
  return l.measured ? 'measured' : 'computed';
}

/** The source as one line: the title and, when there is one, the address. */
export function sourceText(l: LimitResult): string {
  return l.source.url === '' ? l.source.title : `${l.source.title} <${l.source.url}>`;
}

/** "nodes per tenant 40 → 101: <limit>" (or that nothing capped binds within the search). */
export function axisText(a: AxisBinding): string {
  const words = AXIS_WORDS[a.axis];
  if (a.bindsAt === null) return `${words} ${num(a.current)}: no capped limit binds within ×1,000,000`;
  if (a.bindsAt <= a.current) return `${words} ${num(a.current)}: already past ${a.limitName}`;
  return `${words} ${num(a.current)} → ${num(a.bindsAt)}: ${a.limitName}`;
}

/** The limit the report names as tightest now, as words. */
export function tightestText(r: PlanReport): string {
  const t = r.limits.find((l) => l.id === r.tightest);
  if (t === undefined || t.value === null) return 'no capped limit';
  return `${t.name}: ${num(t.use)} of ${num(t.value)} ${t.unit} (${((100 * t.use) / t.value).toFixed(1)}%)`;
}

/** "t=240s node-down host-05 (+100 more): slowest 236 s, 100 overtaken before settling". */
export function convergenceText(c: ConvergenceGroup): string {
  const more = c.changes > 1 ? ` (+${num(c.changes - 1)} more)` : '';
  const slowest = c.slowestMs === null ? 'did not settle' : `slowest ${num(c.slowestMs / 1000)} s`;
  const overtaken = c.unsettled > 0 && c.slowestMs !== null ? `, ${num(c.unsettled)} overtaken before settling` : '';
  return `t=${num(c.at / 1000)}s ${c.label}${more}: ${slowest}${overtaken}`;
}
