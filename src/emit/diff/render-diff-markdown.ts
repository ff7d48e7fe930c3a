// emit: a diff report as a pull-request comment — the counts, then per section a table per cluster
// (destination, port, source, and the deciding egress and ingress rules before → after).
import type { DiffReport } from '../../verdict/check/types.js';
import { mdCell, mdInline } from '../check/markdown-escape.js';
import { changeHeadline, ruleText } from './describe-change.js';
import { groupChanges } from './group-changes.js';

function sideCell(before: string, after: string): string {
  return `${mdCell(before)}<br>→ ${mdCell(after)}`;
}

/** Renders the diff as GitHub/GitLab Markdown ending in a newline. */
export function renderDiffMarkdown(d: DiffReport): string {
  const s = d.summary;
  const out = [
    `## calisim diff: ${mdInline(d.before)} → ${mdInline(d.after)}`,
    '',
    `**${s.newlyAllowed}** newly allowed · **${s.newlyDenied}** newly denied · **${s.toUnknown}** changed to unknown · **${s.fromUnknown}** changed from unknown`,
  ];
  const sections = groupChanges(d);
  if (sections.length === 0) out.push('', 'No connection changes its verdict.');
  for (const sec of sections) {
    out.push('', `### ${sec.title} (${sec.count})`);
    for (const c of sec.clusters) {
      out.push('', `#### Cluster ${mdInline(c.cluster)}`, '');
      out.push('| Destination | Port | Source: before → after | Egress rule: before → after | Ingress rule: before → after |', '|---|---|---|---|---|');
      for (const n of c.namespaces) {
        for (const w of n.workloads) {
          for (const p of w.ports) {
            for (const ch of p.changes) {
              const dest = mdCell(`${n.namespace}/${w.workload}`);
              const egress = sideCell(ruleText(ch.before.egress, ch.cluster), ruleText(ch.after.egress, ch.cluster));
              const ingress = sideCell(ruleText(ch.before.ingress, ch.cluster), ruleText(ch.after.ingress, ch.cluster));
              out.push(`| ${dest} | ${mdCell(p.port)} | ${mdCell(changeHeadline(ch))} | ${egress} | ${ingress} |`);
            }
          }
        }
      }
    }
  }
  return `${out.join('\n')}\n`;
}
