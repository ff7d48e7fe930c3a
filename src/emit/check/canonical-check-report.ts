// emit: a copy of a check report with every object's fields in the order types.ts declares them, so
// its JSON is byte-identical however the verdict stage built the objects. `Complete<T>` makes the
// compiler reject a copy that forgets (or invents) a field when the types change.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { AssertionResult, CheckReport, Counterexample, DecidingRule } from '../../verdict/check/types.js';

/** Every field of T, optional ones included (their value may be undefined, which JSON leaves out). */
export type Complete<T> = { readonly [K in keyof Required<T>]: T[K] };

function canonicalSrc(s: SourceRef): SourceRef {
  return { file: s.file, line: s.line, col: s.col } satisfies Complete<SourceRef>;
}

/** A deciding rule with its fields in declaration order. */
export function canonicalRule(r: DecidingRule): DecidingRule {
  return {
    side: r.side,
    cluster: r.cluster,
    action: r.action,
    decided: r.decided,
    tier: r.tier,
    policy: r.policy,
    ruleIndex: r.ruleIndex,
    file: r.file,
    line: r.line,
  } satisfies Complete<DecidingRule>;
}

function canonicalCounterexample(c: Counterexample): Counterexample {
  const f = c.flow;
  const r = c.responsible;
  return {
    at: c.at,
    flow: { from: f.from, to: f.to, protocol: f.protocol, port: f.port, srcIp: f.srcIp, dstIp: f.dstIp } satisfies Complete<Counterexample['flow']>,
    trace: [...c.trace],
    rules: c.rules.map(canonicalRule),
    layer: c.layer,
    responsible: r === undefined ? undefined : ({ file: r.file, line: r.line, col: r.col, what: r.what } satisfies Complete<NonNullable<Counterexample['responsible']>>),
  } satisfies Complete<Counterexample>;
}

function canonicalAssertion(a: AssertionResult): AssertionResult {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    status: a.status,
    failedAt: a.failedAt,
    src: a.src === undefined ? undefined : canonicalSrc(a.src),
    detail: a.detail,
    counterexample: a.counterexample === undefined ? undefined : canonicalCounterexample(a.counterexample),
  } satisfies Complete<AssertionResult>;
}

/** The report with every object's fields in declaration order and arrays in their given order. */
export function canonicalCheckReport(r: CheckReport): CheckReport {
  const s = r.summary;
  return {
    schema: r.schema,
    scenario: r.scenario,
    seed: r.seed,
    points: r.points.map((p) => ({ at: p.at, label: p.label }) satisfies Complete<CheckReport['points'][number]>),
    assertions: r.assertions.map(canonicalAssertion),
    summary: { total: s.total, passed: s.passed, failed: s.failed, unknown: s.unknown } satisfies Complete<CheckReport['summary']>,
  } satisfies Complete<CheckReport>;
}
