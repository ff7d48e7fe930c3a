// emit: a diff report as JSON (schema `calisim.diff/v1`, described in docs/check-json-schema.md) —
// fields in declaration order, changes in their given order, 2-space indent, trailing newline.
import type { ConnectionChange, DiffReport, SideVerdicts } from '../../verdict/check/types.js';
import { canonicalRule, type Complete } from '../check/canonical-check-report.js';

type Workload = Extract<ConnectionChange['from'], { readonly namespace: string }>;
type Address = Extract<ConnectionChange['from'], { readonly address: string }>;

function canonicalWorkload(w: Workload): Workload {
  return { namespace: w.namespace, workload: w.workload, kind: w.kind } satisfies Complete<Workload>;
}

function canonicalSides(v: SideVerdicts): SideVerdicts {
  return {
    verdict: v.verdict,
    egress: v.egress === undefined ? undefined : canonicalRule(v.egress),
    ingress: v.ingress === undefined ? undefined : canonicalRule(v.ingress),
  } satisfies Complete<SideVerdicts>;
}

function canonicalChange(c: ConnectionChange): ConnectionChange {
  return {
    cluster: c.cluster,
    from: 'address' in c.from ? ({ address: c.from.address } satisfies Complete<Address>) : canonicalWorkload(c.from),
    to: canonicalWorkload(c.to),
    protocol: c.protocol,
    ports: c.ports,
    change: c.change,
    before: canonicalSides(c.before),
    after: canonicalSides(c.after),
    staged: c.staged,
  } satisfies Complete<ConnectionChange>;
}

/** The diff with every object's fields in declaration order. */
export function canonicalDiffReport(d: DiffReport): DiffReport {
  const s = d.summary;
  return {
    schema: d.schema,
    before: d.before,
    after: d.after,
    changes: d.changes.map(canonicalChange),
    summary: { newlyAllowed: s.newlyAllowed, newlyDenied: s.newlyDenied, toUnknown: s.toUnknown, fromUnknown: s.fromUnknown } satisfies Complete<DiffReport['summary']>,
  } satisfies Complete<DiffReport>;
}

/** The diff as deterministic JSON text. */
export function renderDiffJson(d: DiffReport): string {
  return `${JSON.stringify(canonicalDiffReport(d), null, 2)}\n`;
}
