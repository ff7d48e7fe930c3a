// verdict: the policy model of every cluster at the current point of a run, with the diagnostics that
// building them produced (invalid selectors, ports, CIDRs in policies: file, line and field).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { Diagnostic } from '../../lib/diagnostics.js';
import { buildPolicyModel } from '../../model/policy/build-policy-model.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { policyInputOf } from './policy-input.js';

/** Builds each cluster's PolicyModel from the run's current state (reusing `previous` where nothing changed). */
export function policyModelsOf(run: PlatformRun, previous?: PolicyModels): PolicyModels {
  const diagnostics: Diagnostic[] = [];
  const versions: string[] = [];
  const clusters = run.model.clusters.map((c, ci) => {
    const version = `${run.policies.versionOf(ci)}/${run.pods.version(ci)}`;
    versions.push(version);
    if (previous && previous.versions[ci] === version) return previous.clusters[ci]!;
    const built = buildPolicyModel(policyInputOf(run, ci));
    diagnostics.push(...built.diagnostics);
    return {
      name: c.name,
      model: built.model,
      pools: c.spec.calico.ipPools,
      nodeIps: new Map(c.nodes.map((id) => [run.model.nodes[id]!.shortName, run.model.nodes[id]!.ip])),
    };
  });
  return { clusters, diagnostics, versions };
}

/** Policy models of every cluster and the state versions they were built from. */
export interface PolicyModels {
  readonly clusters: ClusterPolicies[];
  readonly diagnostics: Diagnostic[];
  readonly versions: readonly string[];
}
