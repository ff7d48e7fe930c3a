// cli: `calisim diff BEFORE [AFTER] [--apply FILE...] [--delete REF...]` — the connections a change opens
// or closes, grouped by cluster, namespace, workload and port, with the rules responsible on both sides;
// staged policies are shown as what they would change if enforced.
import { renderDiffJson } from '../../emit/diff/render-diff-json.js';
import { renderDiffMarkdown } from '../../emit/diff/render-diff-markdown.js';
import { renderDiffText } from '../../emit/diff/render-diff-text.js';
import { renderRouteDiffText, routeDiffJson } from '../../emit/diff/render-route-diff.js';
import { attachRoutes } from '../../model/edge/gateway-attach.js';
import { routeMigrationDiff } from '../../verdict/request/route-migration.js';
import { InputError } from '../../lib/diagnostics.js';
import type { DiffReport } from '../../verdict/check/types.js';
import { computeDiff, type DiffSide } from '../../verdict/diff/compute-diff.js';
import { enforceStaged } from '../../verdict/diff/enforce-staged.js';
import { policyModelsOf, type PolicyModels } from '../../verdict/state/policy-models.js';
import { buildPolicyModel } from '../../model/policy/build-policy-model.js';
import { policyInputOf } from '../../verdict/state/policy-input.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { displayPath } from '../display-path.js';
import { inputOptions, withInputOptions } from '../input-options.js';
import { loadInput, mergeWarnings, reportWarnings, type LoadedInput } from '../load/load-input.js';
import { loadRun } from '../load/load-run.js';
import { docFormat, printDoc, withOutputOption } from '../output/print-doc.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';

export const diffCommand: Command = {
  command: 'diff <before> [after]',
  describe: 'Connections a change opens or closes: two scenarios/manifest folders, or one with --apply/--delete',
  builder: (y) =>
    withOutputOption(withInputOptions(y))
      .positional('before', { type: 'string', describe: 'scenario or manifests before the change' })
      .positional('after', { type: 'string', describe: 'scenario or manifests after the change' })
      .option('apply', { type: 'string', array: true, describe: 'manifest files with policies to add or change' })
      .option('delete', { type: 'string', array: true, describe: 'policies to delete: name, namespace/name, Kind/namespace/name' })
      .option('cluster', { type: 'string', describe: 'cluster (tenant) that --apply/--delete change (default: the only or first tenant)' })
      .option('at', { type: 'string', describe: 'simulated time of the state to compare (default 0)' })
      .option('only-changed', { type: 'boolean', default: false, describe: 'show only the sides whose deciding rule changed' })
      .option('routes', { type: 'boolean', default: false, describe: "compare HTTP routing instead: BEFORE's Ingresses against AFTER's (or BEFORE's own) Gateway API HTTPRoutes" })
      .option('format', { choices: ['text', 'json', 'markdown'] as const, default: 'text' })
      .option('exit-code', { type: 'boolean', default: false, describe: 'exit 1 when a connection changes (as git diff --exit-code)' }),
  async run(args) {
    if (args.routes === true) {
      refuseGiven(args, ['apply', 'delete', 'cluster', 'at', 'only-changed'], '--routes compares the Ingresses with the HTTPRoutes as written');
      if (optString(args, 'format') === 'markdown') throw new UsageError('--routes prints text, json or yaml (--format markdown is for connection diffs)');
      return routeDiff(args);
    }
    // Options that shape another mode are refused, not dropped.
    if (optString(args, 'after') !== undefined) refuseGiven(args, ['cluster'], 'with AFTER, every cluster is compared (--cluster picks the one --apply/--delete change)');
    if (args['only-changed'] === true && (docFormat(args) !== undefined || optString(args, 'format') === 'markdown')) {
      throw new UsageError('--only-changed shapes the text output (json, yaml and markdown list every change with both sides)');
    }
    const at = optString(args, 'at');
    const beforeFile = optString(args, 'before') as string;
    const afterFile = optString(args, 'after');
    const apply = optStrings(args, 'apply');
    const del = optStrings(args, 'delete');
    if (afterFile !== undefined && (apply.length || del.length)) throw new UsageError('give AFTER or --apply/--delete, not both');
    if (afterFile === undefined && !apply.length && !del.length) throw new UsageError('give AFTER, or --apply FILE... / --delete REF...');
    const options = inputOptions(args);
    const beforeRun = loadRun([beforeFile], at, options, { policyOnly: true });
    const { run } = beforeRun;
    const beforeModels = policyModelsOf(run);
    const before = sides(beforeModels, beforeRun);
    let after: DiffSide[];
    let afterRun = run;
    if (afterFile !== undefined) {
      const loadedAfter = loadRun([afterFile], at, options, { policyOnly: true, reported: beforeRun });
      afterRun = loadedAfter.run;
      mergeWarnings(beforeRun, loadedAfter);
      after = matchedTo(before, sides(policyModelsOf(afterRun), beforeRun));
    } else {
      const cluster = pickCluster(run, optString(args, 'cluster'));
      if (apply.length) {
        const applied = loadInput(apply, options, beforeRun);
        mergeWarnings(beforeRun, applied);
        run.policies.apply(cluster, applied.scenario.tenants.flatMap((t) => t.policies));
      }
      if (del.length) {
        const { missing } = run.policies.delete(cluster, del);
        if (missing.length) throw new UsageError(`--delete: nothing named ${missing.join(', ')} in ${run.model.clusters[cluster]!.name}`);
      }
      // Only the changed cluster is rebuilt, incrementally; the others keep their models (and no changes).
      after = sides(policyModelsOf(run, beforeModels), beforeRun);
    }
    const labels = { before: displayPath(beforeFile), after: afterFile !== undefined ? displayPath(afterFile) : `${displayPath(beforeFile)} with ${[...apply.map((f) => `+${displayPath(f)}`), ...del.map((d) => `-${d}`)].join(' ')}` };
    const enforced = computeDiff(before, after, labels);
    // Staged policies of AFTER, as if enforced: what would change on top of AFTER.
    const stagedSides = stagedAfter(afterRun, after)?.map((side, i) => (side === after[i] ? side : { ...side, name: after[i]!.name }));
    const staged = stagedSides ? computeDiff(after, stagedSides, labels, true) : undefined;
    const report: DiffReport = staged
      ? {
          ...enforced,
          changes: [...enforced.changes, ...staged.changes],
          summary: {
            newlyAllowed: enforced.summary.newlyAllowed + staged.summary.newlyAllowed,
            newlyDenied: enforced.summary.newlyDenied + staged.summary.newlyDenied,
            toUnknown: enforced.summary.toUnknown + staged.summary.toUnknown,
            fromUnknown: enforced.summary.fromUnknown + staged.summary.fromUnknown,
          },
        }
      : enforced;
    const doc = docFormat(args);
    if (doc) printDoc(JSON.parse(renderDiffJson(report)) as object, doc, beforeRun);
    else if (optString(args, 'format') === 'markdown') process.stdout.write(renderDiffMarkdown(report));
    else process.stdout.write(renderDiffText(report, { onlyChanged: args['only-changed'] === true }));
    return args['exit-code'] === true && report.changes.length > 0 ? 1 : 0;
  },
};

/** `--routes`: which requests route differently after moving from the Ingresses to the HTTPRoutes. */
function routeDiff(args: Record<string, unknown>): number {
  const beforeFile = optString(args, 'before') as string;
  const afterFile = optString(args, 'after') ?? beforeFile;
  const options = inputOptions(args);
  const before = loadInput([beforeFile], options);
  const after = afterFile === beforeFile ? before : loadInput([afterFile], options, before);
  const clustersOf = (i: LoadedInput) => [...(i.scenario.platform ? [i.scenario.platform.management] : []), ...i.scenario.tenants];
  const ingresses = clustersOf(before).flatMap((c) => c.ingresses);
  const written = clustersOf(after).flatMap((c) => c.httpRoutes ?? []);
  if (written.length === 0) throw new UsageError(`--routes: ${displayPath(afterFile)} has no HTTPRoute (gateway.networking.k8s.io/v1)`);
  const { routes, refused } = attachRoutes(written, clustersOf(after).flatMap((c) => c.gateways ?? []), clustersOf(after).flatMap((c) => c.namespaces));
  const diff = { ...routeMigrationDiff(ingresses, routes), notAttached: refused.map((r) => ({ namespace: r.route.namespace, name: r.route.name, reason: r.reason })) };
  const labels = { ingress: displayPath(beforeFile), httpRoute: displayPath(afterFile) };
  const doc = docFormat(args);
  if (doc) printDoc(routeDiffJson(diff, labels), doc, before);
  else process.stdout.write(renderRouteDiffText(diff, labels));
  return args['exit-code'] === true && diff.changes.length > 0 ? 1 : 0;
}

function sides(built: PolicyModels, input: LoadedInput): DiffSide[] {
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new InputError(errors);
  reportWarnings(input, built.diagnostics);
  // The clusters as they are: an unchanged cluster is the same object on both sides, and its model is
  // never built (policyModelsOf builds a model when it is first read).
  return built.clusters;
}

/**
 * AFTER's clusters renamed to match BEFORE's: by name, and the one cluster left unmatched on each side to
 * each other (a manifest folder's cluster is named after the folder, so `diff old/ new/` pairs them).
 */
function matchedTo(before: readonly DiffSide[], after: DiffSide[]): DiffSide[] {
  const names = new Set(before.map((b) => b.name));
  const afterNames = new Set(after.map((a) => a.name));
  const lonelyBefore = before.filter((b) => !afterNames.has(b.name));
  const lonelyAfter = after.filter((a) => !names.has(a.name));
  if (lonelyBefore.length !== 1 || lonelyAfter.length !== 1) return after;
  return after.map((a) => (a === lonelyAfter[0] ? { ...a, name: lonelyBefore[0]!.name } : a));
}

/**
 * AFTER's clusters with their staged policies enforced, or undefined when no cluster has a staged policy;
 * a cluster without one keeps its AFTER model.
 */
function stagedAfter(run: PlatformRun, after: readonly DiffSide[]): DiffSide[] | undefined {
  let staged = false;
  const out = run.model.clusters.map((c, ci) => {
    const e = enforceStaged(run.policies.of(ci));
    staged ||= e.changed;
    if (!e.changed) return after[ci]!;
    return { name: c.name, model: buildPolicyModel({ ...policyInputOf(run, ci), manifests: e.manifests }).model };
  });
  return staged ? out : undefined;
}

function pickCluster(run: PlatformRun, name: string | undefined): number {
  const { clusters } = run.model;
  if (name !== undefined) {
    const i = run.model.clusterByName.get(name);
    if (i === undefined) throw new UsageError(`--cluster ${name}: no such cluster (${clusters.map((c) => c.name).join(', ')})`);
    return i;
  }
  const tenant = clusters.find((c) => c.kind === 'tenant');
  return tenant ? tenant.id : 0;
}
