// verdict: the policy model of every cluster at the current point of a run, with the diagnostics that
// building them produced (invalid selectors, ports, CIDRs in policies: file, line and field).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { Diagnostic } from '../../lib/diagnostics.js';
import { buildPolicyModel } from '../../model/policy/build-policy-model.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { policyInputOf } from './policy-input.js';

/** Builds each cluster's PolicyModel from the run's current state. */
export function policyModelsOf(run: PlatformRun): { clusters: ClusterPolicies[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const clusters = run.model.clusters.map((c, ci) => {
    const built = buildPolicyModel(policyInputOf(run, ci));
    diagnostics.push(...built.diagnostics);
    return {
      name: c.name,
      model: built.model,
      pools: c.spec.calico.ipPools,
      nodeIps: new Map(c.nodes.map((id) => [run.model.nodes[id]!.shortName, run.model.nodes[id]!.ip])),
    };
  });
  return { clusters, diagnostics };
}
