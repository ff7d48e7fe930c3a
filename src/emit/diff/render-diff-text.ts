// emit: a diff report for people — counts, then per section (newly allowed, newly denied, to/from
// unknown) the changes grouped cluster → namespace → workload → port, each with its deciding rules.
import type { DiffReport } from '../../verdict/check/types.js';
import { changeLines } from './describe-change.js';
import { groupChanges } from './group-changes.js';

export interface DiffTextOptions {
  /** Show only the sides (egress/ingress) whose deciding rule changed, not both. */
  readonly onlyChanged?: boolean;
}

/** `2 newly allowed, 1 newly denied, 0 changed to unknown, 0 changed from unknown.` */
export function diffSummaryLine(d: DiffReport): string {
  const s = d.summary;
  return `${s.newlyAllowed} newly allowed, ${s.newlyDenied} newly denied, ${s.toUnknown} changed to unknown, ${s.fromUnknown} changed from unknown.`;
}

/** Renders the diff as text lines ending in a newline. */
export function renderDiffText(d: DiffReport, opts: DiffTextOptions = {}): string {
  const onlyChanged = opts.onlyChanged === true;
  const out = [`calisim diff: ${d.before} → ${d.after}`, diffSummaryLine(d)];
  const sections = groupChanges(d);
  if (sections.length === 0) out.push('', 'No connection changes its verdict.');
  for (const s of sections) {
    out.push('', `${s.title} (${s.count})`);
    for (const c of s.clusters) {
      out.push(`  cluster ${c.cluster}`);
      for (const n of c.namespaces) {
        out.push(`    namespace ${n.namespace}`);
        for (const w of n.workloads) {
          out.push(`      ${w.workload}`);
          for (const p of w.ports) {
            out.push(`        ${p.port}`);
            for (const ch of p.changes) out.push(...changeLines(ch, '          ', onlyChanged));
          }
        }
      }
    }
  }
  return out.join('\n') + '\n';
}
