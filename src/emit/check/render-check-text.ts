// emit: a check report for people — one line per assertion (PASS/FAIL/UNKNOWN, id, title, t=), the
// counterexample under each failure, and a summary line.
import type { AssertionResult, AssertionStatus, CheckReport } from '../../verdict/check/types.js';
import { assertionDetailLines, failedAtText } from './describe-counterexample.js';

const LABEL: Readonly<Record<AssertionStatus, string>> = { pass: 'PASS   ', fail: 'FAIL   ', unknown: 'UNKNOWN' };

/** Indents every line of `text` (which may itself hold newlines) by `pad`. */
function indented(pad: string, text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => (l === '' ? '' : pad + l));
}

function assertionLines(a: AssertionResult): string[] {
  const when = a.status === 'pass' ? '' : failedAtText(a);
  const head = `${LABEL[a.status]}  ${a.id}: ${a.title}${when !== '' ? `  ${when}` : ''}`;
  if (a.status === 'pass') return indented('', head);
  const out = indented('', head);
  for (const line of assertionDetailLines(a)) out.push(...indented('           ', line));
  return out;
}

/** The summary line: `3 assertions: 1 passed, 1 failed, 1 unknown.` */
export function checkSummaryLine(r: CheckReport): string {
  const s = r.summary;
  return `${s.total} assertion${s.total === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed, ${s.unknown} unknown.`;
}

/** Renders the report as text lines ending in a newline. */
export function renderCheckText(r: CheckReport): string {
  const out = [`calisim check: scenario ${r.scenario} (seed ${r.seed}), ${r.points.length} timeline point${r.points.length === 1 ? '' : 's'} evaluated`, ''];
  for (const a of r.assertions) out.push(...assertionLines(a));
  if (r.assertions.length === 0) out.push('(no assertions)');
  out.push('', checkSummaryLine(r));
  return out.join('\n') + '\n';
}
