// model: PolicyInput (namespaces, pods, Services, manifests) into the PolicyModel both evaluators read —
// the manifests' parse (shared, policy-parse-cache.ts) joined with this pod set's endpoints and profiles.
import type { Diagnostic } from '../../lib/diagnostics.js';
import { withInherited } from '../endpoints/calico-labels.js';
import { buildEndpoints } from '../endpoints/build-endpoints.js';
import type { HostEndpoint, PolicyInput } from '../endpoints/types.js';
import { labelNetworkSet } from './resources/network-sets.js';
import { parsedPolicies } from './policy-parse-cache.js';
import { DEFAULT_ALLOW_PROFILE, namespaceProfile, serviceAccountProfile } from './resources/profiles.js';
import type { PolicyModel, Profile } from './types.js';

/** Builds the policy model; errors mean the object was rejected (as the API server would) and left out. */
export function buildPolicyModel(input: PolicyInput): { model: PolicyModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { namespaces, endpoints, services } = buildEndpoints(input, diagnostics);
  const parsed = parsedPolicies(input.manifests);
  for (const d of parsed.diagnostics) diagnostics.push(d);
  const nsLabels = new Map(namespaces.map((n) => [n.name, n.labels]));
  const profiles = new Map(parsed.profiles);
  addGeneratedProfiles(profiles, input, namespaces);
  const model: PolicyModel = {
    ...(input.cluster !== undefined ? { cluster: input.cluster } : {}),
    tiers: parsed.tiers,
    policies: parsed.policies,
    profiles,
    namespaces,
    endpoints,
    hostEndpoints: parsed.hostEndpoints.map((h) => inheritProfileLabels(h, profiles)),
    networkSets: parsed.networkSets.map((s) => labelNetworkSet(s, nsLabels.get(s.namespace ?? 'default') ?? {})),
    services,
  };
  return { model, diagnostics };
}

/**
 * buildPolicyModel(input).diagnostics without the model: the endpoints' problems, then the manifests'
 * (the policies are neither ordered nor finalised, which finds no problem).
 */
export function policyModelDiagnostics(input: PolicyInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  buildEndpoints(input, diagnostics);
  for (const d of parsedPolicies(input.manifests).diagnostics) diagnostics.push(d);
  return diagnostics;
}

function addGeneratedProfiles(profiles: Map<string, Profile>, input: PolicyInput, namespaces: PolicyModel['namespaces']): void {
  for (const ns of namespaces) profiles.set(`kns.${ns.name}`, namespaceProfile(ns.name, ns.labels));
  const saLabels = new Map(input.manifests.filter((m) => m.kind === 'ServiceAccount').map((m) => [`${m.namespace ?? 'default'}/${m.name}`, m.labels]));
  // One profile per service account in use (set once: the pods of an account would set equal ones again).
  const done = new Set<string>();
  for (const p of input.pods) {
    const name = `ksa.${p.namespace}.${p.serviceAccount}`;
    if (p.serviceAccount && !done.has(name)) {
      done.add(name);
      profiles.set(name, serviceAccountProfile(p.namespace, p.serviceAccount, saLabels.get(`${p.namespace}/${p.serviceAccount}`) ?? {}));
    }
  }
  if (!profiles.has(DEFAULT_ALLOW_PROFILE.name)) profiles.set(DEFAULT_ALLOW_PROFILE.name, DEFAULT_ALLOW_PROFILE);
}

function inheritProfileLabels(h: HostEndpoint, profiles: ReadonlyMap<string, Profile>): HostEndpoint {
  const inherited = h.profiles.map((p) => profiles.get(p)?.labelsToApply ?? {});
  return { ...h, labels: withInherited(h.labels, inherited) };
}
