// test reference: buildPolicyModel as it was before the manifests' parse was shared between pod sets
// (policy-parse-cache.ts): every manifest converted afresh on each build. Kept to check the shared parse.
import { diagnosticAt, type Diagnostic } from '../../../src/lib/diagnostics.js';
import type { Cidr } from '../../../src/lib/ipv4.js';
import type { Labels, Manifest } from '../../../src/scenario/types.js';
import { LABEL_NAMESPACE, namespaceProfileLabels, sortLabels, withInherited } from '../../../src/model/endpoints/calico-labels.js';
import { buildEndpoints } from '../../../src/model/endpoints/build-endpoints.js';
import type { HostEndpoint, NetworkSet, PolicyInput } from '../../../src/model/endpoints/types.js';
import { parseNet } from '../../../src/model/policy/fields/cidr.js';
import { CALICO_GROUPS, draftPolicyManifest } from '../../../src/model/policy/convert/draft-policy-manifest.js';
import type { DraftPolicy } from '../../../src/model/policy/convert/draft.js';
import { finalizePolicy } from '../../../src/model/policy/convert/finalize-policy.js';
import { convertHostEndpoint } from '../../../src/model/policy/resources/host-endpoints.js';
import { convertProfile, DEFAULT_ALLOW_PROFILE, namespaceProfile, serviceAccountProfile } from '../../../src/model/policy/resources/profiles.js';
import { checkFields, errorCount, readObject, readStrings, type ReadCtx } from '../../../src/model/policy/fields/read-json.js';
import { BUILT_IN_TIERS, compareTiers, convertTier } from '../../../src/model/policy/resources/tiers.js';
import type { Policy, PolicyModel, Profile, Tier } from '../../../src/model/policy/types.js';

/** Builds the policy model; errors mean the object was rejected (as the API server would) and left out. */
export function referenceBuildPolicyModel(input: PolicyInput): { model: PolicyModel; diagnostics: Diagnostic[] } {
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

/** Converts a (Global)NetworkSet; `nsLabels` are the labels of its namespace. undefined when invalid. */
function convertNetworkSet(ctx: ReadCtx, global: boolean, nsLabels: Labels): NetworkSet | undefined {
  const m = ctx.manifest;
  const before = errorCount(ctx);
  const spec = readObject(ctx, m.body['spec'], 'spec') ?? {};
  checkFields(ctx, spec, ['nets'], 'spec');
  const nets: Cidr[] = [];
  (readStrings(ctx, spec['nets'], 'spec.nets') ?? []).forEach((text, i) => {
    // validator `cidr` tag: CIDR or bare IP, host bits allowed (masked).
    const n = parseNet(ctx, text, `spec.nets[${i}]`, { strict: false, allowIp: true });
    if (n && 'v4' in n) nets.push(n.v4);
  });
  if (errorCount(ctx) > before) return undefined;
  const namespace = global ? undefined : (m.namespace ?? 'default');
  const labels =
    namespace === undefined
      ? sortLabels(m.labels)
      : withInherited({ ...m.labels, [LABEL_NAMESPACE]: namespace }, [namespaceProfileLabels(namespace, nsLabels)]);
  return { name: m.name, ...(namespace !== undefined ? { namespace } : {}), labels, nets, src: m.src };
}
