// verdict: the diagnostics of building one cluster's policy model, without building its endpoints — so every
// cluster's problems are reported though a question builds only the clusters it reads.
import type { Diagnostic } from '../../lib/diagnostics.js';
import type { PolicyInput } from '../../model/endpoints/types.js';
import { policyModelDiagnostics } from '../../model/policy/build-policy-model.js';

/**
 * buildPolicyModel(input).diagnostics, built with one pod of each namespace. Pods reach the diagnostics in
 * two ways only: an address that does not parse (a run's are formatted from numbers, so never: `input`'s
 * must parse) and the namespaces they add to the cluster's list, which one pod per namespace adds alike.
 */
export function policyDiagnostics(input: PolicyInput): Diagnostic[] {
  return policyModelDiagnostics({ ...input, pods: onePerNamespace(input.pods, (p) => p.namespace) });
}

/** The first of `pods` in each namespace (`namespaceOf`), in order. */
export function onePerNamespace<T>(pods: readonly T[], namespaceOf: (p: T) => string): T[] {
  const seen = new Set<string>();
  return pods.filter((p) => !seen.has(namespaceOf(p)) && seen.add(namespaceOf(p)));
}
