// emit: a check report as a pull-request comment — a header with the counts, a table of failed and
// unknown assertions (when, flow, responsible file:line), one collapsible counterexample each, and the
// passed assertions collapsed at the end.
import type { AssertionResult, CheckReport } from '../../verdict/check/types.js';
import { assertionDetailLines, describeFlow, failedAtText } from './describe-counterexample.js';
import { formatRef } from './describe-rule.js';
import { htmlText, mdCell, mdCodeBlock, mdInline } from './markdown-escape.js';

function headline(r: CheckReport): string {
  const s = r.summary;
  const icon = s.failed > 0 ? '❌' : s.unknown > 0 ? '⚠️' : '✅';
  return `## ${icon} calisim check: ${mdInline(r.scenario)} — ${s.failed} failed, ${s.unknown} unknown, ${s.passed} passed`;
}

function responsibleCell(a: AssertionResult): string {
  const resp = a.counterexample?.responsible;
  if (resp !== undefined) return `${mdCell(formatRef(resp))} (${mdCell(resp.what)})`;
  return a.src !== undefined ? `${mdCell(formatRef(a.src))} (assertion)` : '—';
}

function tableRow(a: AssertionResult): string {
  const status = a.status === 'fail' ? '❌ FAIL' : '⚠️ UNKNOWN';
  const when = failedAtText(a);
  const flow = a.counterexample !== undefined ? mdCell(describeFlow(a.counterexample.flow)) : '—';
  return `| ${status} | ${mdCell(`${a.id}: ${a.title}`)} | ${when === '' ? '—' : when} | ${flow} | ${responsibleCell(a)} |`;
}

function details(a: AssertionResult): string[] {
  const when = failedAtText(a);
  const summary = `${a.status === 'fail' ? '❌' : '⚠️'} ${a.id}: ${a.title}${when !== '' ? ` (${when})` : ''}`;
  return ['<details>', `<summary>${htmlText(summary)}</summary>`, '', ...mdCodeBlock(assertionDetailLines(a)), '', '</details>', ''];
}

/** Renders the report as GitHub/GitLab Markdown ending in a newline. */
export function renderCheckMarkdown(r: CheckReport): string {
  const out = [headline(r), '', `Seed ${r.seed} · ${r.points.length} timeline points evaluated · ${r.summary.total} assertions`, ''];
  const bad = r.assertions.filter((a) => a.status !== 'pass');
  const failedFirst = [...bad.filter((a) => a.status === 'fail'), ...bad.filter((a) => a.status === 'unknown')];
  if (failedFirst.length > 0) {
    out.push('| Status | Assertion | When | Flow | Responsible |', '|---|---|---|---|---|');
    for (const a of failedFirst) out.push(tableRow(a));
    out.push('');
    for (const a of failedFirst) out.push(...details(a));
  }
  const passed = r.assertions.filter((a) => a.status === 'pass');
  if (passed.length > 0) {
    out.push('<details>', `<summary>✅ ${passed.length} passed</summary>`, '');
    for (const a of passed) out.push(`- ${mdInline(a.id)}: ${mdInline(a.title)}`);
    out.push('', '</details>');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
