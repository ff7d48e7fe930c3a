// emit: an assertion's counterexample as plain lines (flow, layer, trace, deciding rules, responsible
// file:line) — shared by the text, JUnit and Markdown renderings of a check report.
import type { AssertionResult, Counterexample } from '../../verdict/check/types.js';
import { describeRule, formatRef } from './describe-rule.js';
import { formatSimTime } from './format-sim-time.js';

/** `acme/frontend (10.0.1.5) → acme/backend (10.0.2.7) TCP 8080`. */
export function describeFlow(f: Counterexample['flow']): string {
  const from = f.srcIp !== undefined ? `${f.from} (${f.srcIp})` : f.from;
  const to = f.dstIp !== undefined ? `${f.to} (${f.dstIp})` : f.to;
  return `${from} → ${to} ${f.protocol}${f.port !== undefined ? ` ${f.port}` : ''}`;
}

/** `policies/db.yaml:12:3 (NetworkPolicy shop/db)`. */
export function describeResponsible(c: Counterexample): string | undefined {
  const r = c.responsible;
  return r === undefined ? undefined : `${formatRef(r)} (${r.what})`;
}

/** `t=1m30s` when the assertion failed (or became unknown) at a known time, else ''. */
export function failedAtText(a: AssertionResult): string {
  return a.failedAt === undefined ? '' : `t=${formatSimTime(a.failedAt)}`;
}

/** The counterexample as unindented lines; the trace and rules are indented one level under their heading. */
export function counterexampleLines(c: Counterexample): string[] {
  const out = [`counterexample at t=${formatSimTime(c.at)}`, `flow: ${describeFlow(c.flow)}`];
  if (c.layer !== undefined) out.push(`layer: ${c.layer}`);
  if (c.trace.length > 0) {
    out.push('trace:');
    c.trace.forEach((hop, i) => out.push(`  ${i + 1}. ${hop}`));
  }
  if (c.rules.length > 0) {
    out.push('deciding rules:');
    for (const r of c.rules) out.push(`  ${describeRule(r)}`);
  }
  const resp = describeResponsible(c);
  if (resp !== undefined) out.push(`responsible: ${resp}`);
  return out;
}

/** Everything known about a failed or unknown assertion: detail, where it was written, counterexample. */
export function assertionDetailLines(a: AssertionResult): string[] {
  const out: string[] = [];
  if (a.detail !== '') out.push(a.detail);
  if (a.src !== undefined) out.push(`written at: ${formatRef(a.src)}`);
  if (a.counterexample !== undefined) out.push(...counterexampleLines(a.counterexample));
  return out;
}
