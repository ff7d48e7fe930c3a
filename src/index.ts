// calisim's library API, in pipeline order: load a scenario, build the model, run the engine, report.

/** Loads a scenario file, a manifest file or a folder of manifests into a validated Scenario. */
export { loadScenario } from './scenario/load-scenario.js';
/** Merges several manifest files/folders into one single-cluster Scenario. */
export { loadScenarios } from './scenario/load-scenario.js';
/** Absolute path of the embedded default scenario (scenarios/giantnetes.yaml). */
export { defaultScenarioPath } from './scenario/load-scenario.js';
/** Parses `90s`, `5m`, `1h30m`, `250ms` into milliseconds. */
export { parseDuration } from './scenario/schema/duration.js';
/** Builds the typed, frozen model (dense ids, addressing, placement, topology graph) of a Scenario. */
export { buildModel } from './model/build-model.js';
/** Runs a model on the discrete-event engine up to its horizon. */
export { runPlatform } from './engine/platform/run-platform.js';
/** The discrete-event core: clock, (time, sequence) queue, integer event kinds, seeded PRNG, log. */
export { Simulation } from './engine/simulation.js';
/** The seeded PRNG every stage receives explicitly. */
export { Prng } from './lib/random/prng.js';
/** Evaluates a scenario's expectations and invariants over its whole timeline (`calisim check`). */
export { runCheck } from './verdict/check/run-check.js';
/** Builds one cluster's policy model (Kubernetes and Calico policies as Felix evaluates them). */
export { buildPolicyModel } from './model/policy/build-policy-model.js';
/** The reference policy evaluator: a packet's verdict with the deciding tier, policy and rule on each side. */
export { evaluateReference } from './model/policy/eval/evaluate-reference.js';
/** Builds the report (and verdicts) of a finished run. */
export { buildRunReport } from './verdict/run/run-report.js';
/** Every cluster's PKI (Vault mount, CA, inventory, renewal and reload rules) from a model. */
export { buildPki } from './model/pki/build-pki.js';
/** The certificates of a run at its current time, as `calisim pki --format json` prints them. */
export { pkiListing } from './verdict/pki/pki-listing.js';
/** Parses a Calico selector (throws SelectorParseError with the column). */
export { parseSelector } from './lib/selector/parse.js';
/** Measures a finished run (sessions, routes, IPAM, policy matrix, convergence) for capacity planning. */
export { measureRun } from './plan/measure-run.js';
/** The capacity plan of a measured platform: every limit, its use and source, and where growth hits them. */
export { buildPlan } from './plan/build-plan.js';
/** The error carrying every input problem, and its formatter. */
export { InputError, formatDiagnostic } from './lib/diagnostics.js';

/** Types of each stage. */
export type { Scenario, TenantSpec, ClusterSpec, TimelineEventSpec } from './scenario/types.js';
export type { Model, ModelCluster, ModelNode, ModelPod } from './model/types.js';
export type { PlatformRun, RunOptions } from './engine/platform/run-platform.js';
export type { RunReport, RunVerdict } from './verdict/run/run-report.js';
export type { PkiModel, CertModel, ClusterPki } from './model/pki/types.js';
export type { CertWindow } from './engine/pki/types.js';
export type { Diagnostic, SourceRef } from './lib/diagnostics.js';
export type { Selector } from './lib/selector/types.js';
export type { PolicyModel } from './model/policy/types.js';
export type { Packet, Verdict, SideExplanation } from './model/policy/eval/types.js';
export type { CheckReport, AssertionResult, DiffReport } from './verdict/check/types.js';
export type { PlanReport, LimitResult } from './plan/types.js';
