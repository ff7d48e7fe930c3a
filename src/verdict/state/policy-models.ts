// verdict: the policy model of every cluster at the current point of a run, with the diagnostics that
// building them produced (invalid selectors, ports, CIDRs in policies: file, line and field). When only a
// cluster's policies changed since `previous` (a rollout on the timeline), its compiled policies are
// updated incrementally — only what the applied or deleted policies touch is recomputed — instead of
// rebuilding and recompiling the cluster. A cluster's model is built when it is first read; the
// diagnostics of every cluster are worked out when first read; its input's key and endpoints can be read
// without the model (cluster-input.ts).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { convertPolicyManifest } from '../../compile/policy/convert-policy-manifest.js';
import type { Diagnostic } from '../../lib/diagnostics.js';
import { buildPolicyModel } from '../../model/policy/build-policy-model.js';
import type { PolicyModel } from '../../model/policy/types.js';
import type { IpPoolSpec, Manifest } from '../../scenario/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { adoptCompiled, compiledOf } from './fast-evaluate.js';
import { onePerNamespace, policyDiagnostics } from './policy-diagnostics.js';
import { endpointFactsOf, podInputs, policyShellOf, runningPodsByCluster } from './policy-input.js';
import { policyInputKey, type PolicyInputKey } from './policy-input-key.js';
import { withClusterInput, type EndpointFacts } from './cluster-input.js';
import type { PolicyInput } from '../../model/endpoints/types.js';

/** Builds each cluster's PolicyModel from the run's current state (reusing `previous` where it can). */
export function policyModelsOf(run: PlatformRun, previous?: PolicyModels): PolicyModels {
  // Each cluster's diagnostics in cluster order: an incremental update's at once, a rebuilt cluster's when
  // first read (its input is fixed now: the running pods as taken, a copy of its manifests).
  const parts: (readonly Diagnostic[] | (() => readonly Diagnostic[]))[] = [];
  const versions: string[] = [];
  const manifests: (readonly Manifest[])[] = [];
  const running = runningPodsByCluster(run);
  const clusters = run.model.clusters.map((c, ci) => {
    const version = `${run.policies.versionOf(ci)}/${run.pods.version(ci)}`;
    versions.push(version);
    const now = [...run.policies.of(ci)];
    manifests.push(now);
    const prev = previous?.clusters[ci];
    if (previous && prev && previous.versions[ci] === version) return prev;
    const samePods = previous?.versions[ci]?.split('/')[1] === String(run.pods.version(ci));
    if (previous && prev && samePods) {
      const applied: Diagnostic[] = [];
      const updated = incremental(prev, previous.manifests[ci] ?? [], now, applied);
      parts.push(applied);
      if (updated) return updated;
    }
    const shell = policyShellOf(run, ci, now);
    const pods = running[ci] ?? [];
    parts.push(() => policyDiagnostics({ ...shell, pods: podInputs(run.model, onePerNamespace(pods, (r) => r.pod.namespace)) }));
    const cluster = lazyCluster(c.name, c.spec.calico.ipPools, () => ({ ...shell, pods: podInputs(run.model, pods) }));
    let key: PolicyInputKey | undefined;
    let endpoints: readonly EndpointFacts[] | undefined;
    return withClusterInput(cluster, {
      pods: pods.length,
      key: () => (key ??= policyInputKey(run.model, ci, pods, now)),
      endpoints: () => (endpoints ??= endpointFactsOf(run.model, pods)),
    });
  });
  let diagnostics: Diagnostic[] | undefined;
  return {
    clusters,
    get diagnostics(): Diagnostic[] {
      return (diagnostics ??= parts.flatMap((p) => (typeof p === 'function' ? p() : p)));
    },
    versions,
    manifests,
  };
}

/**
 * A cluster whose policy model is built when it is first read: a question about one pair or one packet
 * reads the clusters it touches, not the fifty others (their diagnostics come from policyDiagnostics).
 */
function lazyCluster(name: string, pools: readonly IpPoolSpec[], input: () => PolicyInput): ClusterPolicies {
  let model: PolicyModel | undefined;
  return {
    name,
    pools,
    get model(): PolicyModel {
      return (model ??= buildPolicyModel(input()).model);
    },
  };
}

/** Policy models of every cluster, the state versions and the manifests they were built from. */
export interface PolicyModels {
  readonly clusters: ClusterPolicies[];
  readonly diagnostics: Diagnostic[];
  readonly versions: readonly string[];
  readonly manifests: readonly (readonly Manifest[])[];
}

/**
 * Applies the policy manifests added or replaced since `before` and deletes the removed ones on the
 * previous model's compiled policies. Undefined (rebuild instead) when a changed object is not a policy
 * (a Tier, NetworkSet, HostEndpoint, Profile changes more than one policy's rows).
 */
function incremental(prev: ClusterPolicies, before: readonly Manifest[], after: readonly Manifest[], diagnostics: Diagnostic[]): ClusterPolicies | undefined {
  const added = after.filter((m) => !before.includes(m));
  const removed = before.filter((m) => !after.includes(m));
  const converted = new Map([...added, ...removed].map((m) => [m, convertPolicyManifest(m)]));
  if ([...converted.values()].some((c) => !c.policy)) return undefined;
  const key = (m: Manifest): string => {
    const p = converted.get(m)!.policy!;
    return `${p.kind}|${p.namespace ?? ''}|${p.name}`;
  };
  const replaced = new Set(added.map(key));
  const cp = compiledOf(prev.model);
  for (const m of removed) {
    if (replaced.has(key(m))) continue;
    const p = converted.get(m)!.policy!;
    cp.deletePolicy({ kind: p.kind, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}), name: p.name });
  }
  for (const m of added) diagnostics.push(...cp.applyManifest(m).diagnostics);
  adoptCompiled(prev.model, cp);
  return { ...prev, model: cp.model };
}
