// model: PolicyInput (namespaces, pods, Services, manifests) into the PolicyModel both evaluators read —
// every policy-related manifest converted and validated, tiers and policies in Felix's order.
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import type { Manifest } from '../../scenario/types.js';
import { withInherited } from '../endpoints/calico-labels.js';
import { buildEndpoints } from '../endpoints/build-endpoints.js';
import type { HostEndpoint, NetworkSet, PolicyInput } from '../endpoints/types.js';
import { CALICO_GROUPS, draftPolicyManifest } from './draft-policy-manifest.js';
import type { DraftPolicy } from './draft.js';
import { finalizePolicy } from './finalize-policy.js';
import { convertHostEndpoint } from './host-endpoints.js';
import { convertNetworkSet } from './network-sets.js';
import { convertProfile, DEFAULT_ALLOW_PROFILE, namespaceProfile, serviceAccountProfile } from './profiles.js';
import type { ReadCtx } from './read-json.js';
import { BUILT_IN_TIERS, compareTiers, convertTier } from './tiers.js';
import type { Policy, PolicyModel, Profile, Tier } from './types.js';


/** Builds the policy model; errors mean the object was rejected (as the API server would) and left out. */
export function buildPolicyModel(input: PolicyInput): { model: PolicyModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { namespaces, endpoints, services } = buildEndpoints(input, diagnostics);
  const nsLabels = new Map(namespaces.map((n) => [n.name, n.labels]));
  const tiers = new Map<string, Tier>(BUILT_IN_TIERS.map((t) => [t.name, t]));
  const drafts = new Map<string, DraftPolicy>();
  const networkSets: NetworkSet[] = [];
  const hostEndpoints: HostEndpoint[] = [];
  const profiles = new Map<string, Profile>();
  for (const m of input.manifests) {
    const ctx: ReadCtx = { manifest: m, diagnostics };
    const draft = draftPolicyManifest(ctx);
    if (draft !== null) {
      if (draft) addUnique(drafts, `${draft.kind}/${draft.namespace ?? ''}/${draft.name}`, draft, m, diagnostics);
      continue;
    }
    if (!CALICO_GROUPS.includes(m.apiVersion)) continue;
    if (m.kind === 'Tier') {
      const t = convertTier(ctx);
      if (t && !t.builtIn) tiers.set(t.name, t);
    } else if (m.kind === 'NetworkSet' || m.kind === 'GlobalNetworkSet') {
      const s = convertNetworkSet(ctx, m.kind === 'GlobalNetworkSet', nsLabels.get(m.namespace ?? 'default') ?? {});
      if (s) networkSets.push(s);
    } else if (m.kind === 'HostEndpoint') {
      const h = convertHostEndpoint(ctx, hostEndpoints.length);
      if (h) hostEndpoints.push(h);
    } else if (m.kind === 'Profile') {
      const p = convertProfile(ctx);
      if (p) profiles.set(p.name, p);
    }
  }
  addGeneratedProfiles(profiles, input, namespaces);
  const sortedTiers = [...tiers.values()].sort(compareTiers);
  const policies = orderPolicies([...drafts.values()], sortedTiers, diagnostics);
  const model: PolicyModel = {
    ...(input.cluster !== undefined ? { cluster: input.cluster } : {}),
    tiers: sortedTiers,
    policies,
    profiles,
    namespaces,
    endpoints,
    hostEndpoints: hostEndpoints.map((h) => inheritProfileLabels(h, profiles)),
    networkSets,
    services,
  };
  return { model, diagnostics };
}

function addUnique(drafts: Map<string, DraftPolicy>, key: string, d: DraftPolicy, m: Manifest, diagnostics: Diagnostic[]): void {
  if (drafts.has(key)) {
    diagnostics.push(diagnosticAt(m.src, 'metadata.name', `${d.kind} ${key} is defined twice; the later definition replaces the earlier one`, 'warning'));
  }
  drafts.set(key, d);
}

/** Policies sorted by tier position, order, then Felix's `name/namespace/kind` key; unknown tiers rejected. */
function orderPolicies(drafts: DraftPolicy[], tiers: readonly Tier[], diagnostics: Diagnostic[]): Policy[] {
  const tierPos = new Map(tiers.map((t, i) => [t.name, i]));
  const kept = drafts.filter((d) => {
    if (tierPos.has(d.tier)) return true;
    diagnostics.push(diagnosticAt(d.src, 'spec.tier', `tier "${d.tier}" does not exist (declare a projectcalico.org/v3 Tier); policy ${d.name} is rejected`));
    return false;
  });
  const key = (d: DraftPolicy): string => `${d.name}/${d.namespace ?? ''}/${d.kind}`;
  kept.sort((a, b) => {
    const ta = tierPos.get(a.tier) as number;
    const tb = tierPos.get(b.tier) as number;
    if (ta !== tb) return ta - tb;
    if (a.order !== b.order) return a.order < b.order ? -1 : 1;
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return kept.map((d, i) => finalizePolicy(d, i));
}

function addGeneratedProfiles(profiles: Map<string, Profile>, input: PolicyInput, namespaces: PolicyModel['namespaces']): void {
  for (const ns of namespaces) profiles.set(`kns.${ns.name}`, namespaceProfile(ns.name, ns.labels));
  const saLabels = new Map(input.manifests.filter((m) => m.kind === 'ServiceAccount').map((m) => [`${m.namespace ?? 'default'}/${m.name}`, m.labels]));
  for (const p of input.pods) {
    if (p.serviceAccount) {
      profiles.set(`ksa.${p.namespace}.${p.serviceAccount}`, serviceAccountProfile(p.namespace, p.serviceAccount, saLabels.get(`${p.namespace}/${p.serviceAccount}`) ?? {}));
    }
  }
  if (!profiles.has(DEFAULT_ALLOW_PROFILE.name)) profiles.set(DEFAULT_ALLOW_PROFILE.name, DEFAULT_ALLOW_PROFILE);
}

function inheritProfileLabels(h: HostEndpoint, profiles: ReadonlyMap<string, Profile>): HostEndpoint {
  const inherited = h.profiles.map((p) => profiles.get(p)?.labelsToApply ?? {});
  return { ...h, labels: withInherited(h.labels, inherited) };
}
