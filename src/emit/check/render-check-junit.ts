// emit: a check report as JUnit XML in the Jenkins/Ant layout CI servers read — one testsuite, one
// testcase per assertion, <failure> carrying the counterexample, <skipped> for unknown verdicts.
// Valid against the Jenkins JUnit XSD (dtkit junit-4); times are 0: the report is deterministic.
import type { AssertionResult, CheckReport } from '../../verdict/check/types.js';
import { assertionDetailLines, failedAtText } from './describe-counterexample.js';
import { xmlAttr, xmlText } from './xml-escape.js';

/** First simulated time any assertion failed, if one did. */
function firstFailure(r: CheckReport): number | undefined {
  let first: number | undefined;
  for (const a of r.assertions) {
    if (a.status === 'fail' && a.failedAt !== undefined && (first === undefined || a.failedAt < first)) first = a.failedAt;
  }
  return first;
}

function property(name: string, value: string): string {
  return `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`;
}

/** The one-line message: `failed at t=1m30s: <detail>` (or `unknown at ...`). */
function message(a: AssertionResult): string {
  const when = failedAtText(a);
  const verb = a.status === 'fail' ? 'failed' : 'unknown';
  const head = when === '' ? verb : `${verb} at ${when}`;
  const detail = a.detail.split(/\r\n|\r|\n/)[0] ?? '';
  return detail === '' ? head : `${head}: ${detail}`;
}

/** The body: the time it failed at, detail, source and counterexample. */
function body(a: AssertionResult): string {
  const when = failedAtText(a);
  const lines = when === '' ? [] : [`${a.status === 'fail' ? 'failed' : 'unknown'} at ${when}`];
  return [...lines, ...assertionDetailLines(a)].join('\n');
}

function testcase(a: AssertionResult): string[] {
  const open = `    <testcase classname="${xmlAttr(`calisim.${a.kind}`)}" name="${xmlAttr(`${a.id}: ${a.title}`)}" time="0"`;
  if (a.status === 'pass') return [`${open}/>`];
  const inner =
    a.status === 'fail'
      ? `      <failure message="${xmlAttr(message(a))}" type="${xmlAttr(a.kind)}">${xmlText(body(a))}</failure>`
      : // The Jenkins XSD types <skipped> as text without attributes; Jenkins and GitLab show that text.
        `      <skipped>${xmlText(body(a))}</skipped>`;
  return [`${open}>`, inner, '    </testcase>'];
}

/** Renders the report as a JUnit XML document ending in a newline. */
export function renderCheckJunit(r: CheckReport): string {
  const s = r.summary;
  const first = firstFailure(r);
  const counts = `tests="${s.total}" failures="${s.failed}" errors="0"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="calisim check" ${counts} time="0">`,
    `  <testsuite name="${xmlAttr(`calisim check: ${r.scenario}`)}" ${counts} skipped="${s.unknown}" time="0">`,
    '    <properties>',
    property('scenario', r.scenario),
    property('seed', `${r.seed}`),
    property('schema', r.schema),
  ];
  if (first !== undefined) out.push(property('failedAt', `${first}`));
  out.push('    </properties>');
  for (const a of r.assertions) out.push(...testcase(a));
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
}
