// cli: the one loading path of every command — FILE... (a scenario, manifest files, folders, `-` for standard
// input) into a Scenario, refused exactly when `validate` refuses it: the scenario's own checks and every policy
// manifest (initial and applied by events) read as the policy model reads it. Load warnings are printed once.
import { readFileSync } from 'node:fs';
import { InputError, formatDiagnostic, type Diagnostic } from '../../lib/diagnostics.js';
import { policyModelDiagnostics } from '../../model/policy/build-policy-model.js';
import { loadScenarios } from '../../scenario/load-scenario.js';
import type { ClusterSpec, Manifest, Scenario } from '../../scenario/types.js';
import { paintDiagnostic } from '../colour.js';
import { displayPath } from '../display-path.js';
import { UsageError } from '../usage-error.js';

/** How the input is read: `-n` (namespace of namespace-less manifests). */
export interface InputOptions {
  readonly namespace?: string;
}

/** A loaded, validated input and its warnings (already printed to stderr; JSON outputs carry them). */
export interface LoadedInput {
  readonly scenario: Scenario;
  readonly warnings: Diagnostic[];
}

/** Loads and validates `files`; throws InputError with every problem, prints each warning once (and none that
 *  `reported` — an input loaded earlier by the same command — already printed). */
export function loadInput(files: readonly string[], options: InputOptions = {}, reported?: LoadedInput): LoadedInput {
  if (files.length === 0) throw new UsageError('name a scenario, a manifest file or a folder of manifests (or -f FILE, -f - for stdin)');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read once');
  const stdin = files.includes('-') ? readStdin() : undefined;
  const scenario = loadScenarios(files, { ...(stdin !== undefined ? { stdin } : {}), ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) });
  const problems = policyDiagnostics(scenario);
  const seen = new Set<string>();
  // Tenants generated from one template share its policies: each problem is reported once.
  const errors = problems.filter((d) => d.severity === 'error' && !seen.has(keyOf(d)) && seen.add(keyOf(d)));
  if (errors.length) throw new InputError(errors);
  const input: LoadedInput = { scenario, warnings: [...(reported?.warnings ?? [])] };
  reportWarnings(input, [...scenario.warnings, ...problems]);
  return { scenario, warnings: input.warnings.slice(reported?.warnings.length ?? 0) };
}

/** Prints the warnings of `diagnostics` not yet reported for `input` and records them. */
export function reportWarnings(input: LoadedInput, diagnostics: readonly Diagnostic[]): void {
  const seen = new Set(input.warnings.map(keyOf));
  for (const d of diagnostics) {
    if (d.severity !== 'warning' || seen.has(keyOf(d))) continue;
    seen.add(keyOf(d));
    input.warnings.push(d);
    process.stderr.write(paintDiagnostic(formatDiagnostic({ ...d, file: displayPath(d.file) })) + '\n');
  }
}

/** Adds the warnings of `from` (already printed by its own load) to `into`, without printing them again. */
export function mergeWarnings(into: LoadedInput, from: LoadedInput): void {
  const seen = new Set(into.warnings.map(keyOf));
  for (const d of from.warnings) if (!seen.has(keyOf(d))) into.warnings.push(d);
}

/** The warnings as JSON outputs carry them (files relative to the working directory). */
export function warningsJson(input: LoadedInput): Diagnostic[] {
  return input.warnings.map((d) => ({ ...d, file: displayPath(d.file) }));
}

/** Problems in every cluster's policy manifests and in those policy-apply events bring (with the cluster's tiers). */
function policyDiagnostics(scenario: Scenario): Diagnostic[] {
  const clusters: ClusterSpec[] = [...(scenario.platform ? [scenario.platform.management] : []), ...scenario.tenants];
  const out: Diagnostic[] = [];
  const check = (c: ClusterSpec, manifests: readonly Manifest[]): void => {
    if (manifests.length === 0) return;
    out.push(...policyModelDiagnostics({ cluster: c.name, namespaces: c.namespaces, pods: [], services: [], manifests }));
  };
  for (const c of clusters) check(c, c.policies);
  for (const ev of scenario.events) {
    if (ev.kind !== 'policy-apply' || !ev.policies?.length) continue;
    const c = ev.tenant !== undefined ? clusters.find((x) => x.name === ev.tenant && x !== scenario.platform?.management) : scenario.platform?.management;
    if (c !== undefined) check(c, [...c.policies.filter((m) => m.kind === 'Tier'), ...ev.policies]);
  }
  return out;
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read standard input: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function keyOf(d: Diagnostic): string {
  return `${d.file}\u0000${d.line}\u0000${d.col}\u0000${d.path}\u0000${d.message}`;
}
