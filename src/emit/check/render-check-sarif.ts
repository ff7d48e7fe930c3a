// emit: a check report as SARIF 2.1.0 for code-scanning UIs — one run, one rule per assertion kind,
// one result per failed (error) or unknown (warning) assertion, located at the file:line responsible
// (else where the assertion was written), with the deciding rules as related locations.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { AssertionKind, AssertionResult, CheckReport, DecidingRule } from '../../verdict/check/types.js';
import { ASSERTION_KIND_IDS, ASSERTION_KINDS } from './assertion-kinds.js';
import { describeFlow, describeResponsible } from './describe-counterexample.js';
import { describeRule } from './describe-rule.js';
import { formatSimTime } from './format-sim-time.js';
import { sarifUri } from './sarif-uri.js';

/** The `$schema` SARIF producers cite for version 2.1.0. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** calisim's version (semver), given by the caller: emitters read no files. */
  readonly version: string;
  /** Where results without a source of their own are located (the scenario file), if known. */
  readonly scenarioFile?: string;
}

interface Place {
  readonly file: string;
  readonly line?: number | undefined;
  readonly col?: number | undefined;
}

function physicalLocation(p: Place): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (p.line !== undefined && p.line > 0) {
    region['startLine'] = p.line;
    if (p.col !== undefined && p.col > 0) region['startColumn'] = p.col;
  }
  const loc: Record<string, unknown> = { artifactLocation: { uri: sarifUri(p.file) } };
  if (region['startLine'] !== undefined) loc['region'] = region;
  return loc;
}

/** Where a result points: the responsible file:line, else the `expect` entry, else the scenario file. */
function primaryPlace(a: AssertionResult, scenarioFile: string | undefined): { place: Place; what?: string } | undefined {
  const resp = a.counterexample?.responsible;
  if (resp !== undefined) return { place: resp, what: resp.what };
  const src: SourceRef | undefined = a.src;
  if (src !== undefined) return { place: src, what: 'assertion' };
  return scenarioFile === undefined ? undefined : { place: { file: scenarioFile } };
}

/** `Tenant isolation` → `TenantIsolation` (SARIF rule names are identifiers). */
function pascalCase(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** `s` ending in a full stop (unless it already ends in punctuation). */
function sentence(s: string): string {
  return /[.!?:]$/.test(s) ? s : `${s}.`;
}

function messageText(a: AssertionResult): string {
  const verb = a.status === 'fail' ? 'fails' : 'cannot be decided';
  const when = a.failedAt === undefined ? '' : ` at t=${formatSimTime(a.failedAt)}`;
  const parts = [sentence(`${a.title} (${a.id}) ${verb}${when}${a.detail !== '' ? `: ${a.detail}` : ''}`)];
  const c = a.counterexample;
  if (c !== undefined) {
    parts.push(`Flow: ${describeFlow(c.flow)}${c.layer !== undefined ? ` (layer ${c.layer})` : ''}.`);
    const resp = describeResponsible(c);
    if (resp !== undefined) parts.push(`Responsible: ${resp}.`);
  }
  return parts.join(' ');
}

function relatedLocations(rules: readonly DecidingRule[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const r of rules) {
    if (r.file === undefined) continue;
    out.push({ id: out.length, physicalLocation: physicalLocation({ file: r.file, line: r.line }), message: { text: describeRule(r) } });
  }
  return out;
}

function result(a: AssertionResult, ruleIndex: number, scenarioFile: string | undefined): Record<string, unknown> {
  const res: Record<string, unknown> = {
    ruleId: a.kind,
    ruleIndex,
    level: a.status === 'fail' ? 'error' : 'warning',
    message: { text: messageText(a) },
  };
  const primary = primaryPlace(a, scenarioFile);
  if (primary !== undefined) {
    const loc: Record<string, unknown> = { physicalLocation: physicalLocation(primary.place) };
    if (primary.what !== undefined) loc['message'] = { text: primary.what };
    res['locations'] = [loc];
  }
  const related = relatedLocations(a.counterexample?.rules ?? []);
  if (related.length > 0) res['relatedLocations'] = related;
  const props: Record<string, unknown> = { assertion: a.id };
  if (a.failedAt !== undefined) props['failedAt'] = a.failedAt;
  if (a.counterexample !== undefined && a.counterexample.trace.length > 0) props['trace'] = [...a.counterexample.trace];
  res['properties'] = props;
  return res;
}

/** Renders the report as a SARIF 2.1.0 log (JSON, 2-space indent, trailing newline). */
export function renderCheckSarif(r: CheckReport, opts: SarifOptions): string {
  const index = new Map<AssertionKind, number>(ASSERTION_KIND_IDS.map((k, i) => [k, i]));
  const rules = ASSERTION_KIND_IDS.map((k) => ({
    id: k,
    name: pascalCase(ASSERTION_KINDS[k].short),
    shortDescription: { text: ASSERTION_KINDS[k].short },
    fullDescription: { text: ASSERTION_KINDS[k].full },
    defaultConfiguration: { level: 'error' },
  }));
  const results = r.assertions.filter((a) => a.status !== 'pass').map((a) => result(a, index.get(a.kind) ?? -1, opts.scenarioFile));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'calisim', semanticVersion: opts.version, rules } },
        results,
        properties: { scenario: r.scenario, seed: r.seed, schema: r.schema, summary: { total: r.summary.total, passed: r.summary.passed, failed: r.summary.failed, unknown: r.summary.unknown } },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
