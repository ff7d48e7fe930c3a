// cli: the model-level checks `validate` makes beyond loading (the policies as compiled, those applied by
// events, the BGP resources as confd reads them), shared so `run` refuses exactly what `validate` refuses.
import { runPlatform, type PlatformRun } from '../engine/platform/run-platform.js';
import { InputError, type Diagnostic } from '../lib/diagnostics.js';
import type { Model } from '../model/types.js';
import { buildPolicyModel } from '../model/policy/build-policy-model.js';
import { bgpConfigsOf } from '../verdict/state/bgp-configs.js';
import { policyInputOf } from '../verdict/state/policy-input.js';
import { policyModelsOf } from '../verdict/state/policy-models.js';

/** Problems of the initial state of `model` (errors and warnings), and that state. */
export function modelProblems(model: Model): { readonly run: PlatformRun; readonly problems: Diagnostic[] } {
  const run = runPlatform(model, { until: 0 });
  const bgp = run.model.clusters.flatMap((_, ci) => bgpConfigsOf(run, ci).diagnostics);
  return { run, problems: [...policyModelsOf(run).diagnostics, ...eventPolicyDiagnostics(run), ...bgp] };
}

/** Throws the errors among `problems` as one InputError (exit 2). */
export function throwErrors(problems: readonly Diagnostic[]): void {
  const errors = problems.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InputError(errors);
}

/** Problems in the manifests of policy-apply events, checked against their cluster's objects at start. */
function eventPolicyDiagnostics(run: PlatformRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ev of run.model.scenario.events) {
    if (ev.kind !== 'policy-apply' || !ev.policies?.length) continue;
    const ci = ev.tenant !== undefined ? run.model.clusterByName.get(ev.tenant) : run.model.management;
    if (ci === undefined || ci < 0) continue;
    const input = policyInputOf(run, ci);
    out.push(...buildPolicyModel({ ...input, manifests: ev.policies }).diagnostics);
  }
  return out;
}
