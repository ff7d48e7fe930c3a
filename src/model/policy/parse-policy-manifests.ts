// model: a cluster's policy-related manifests into what the policy model takes from them alone — tiers and
// policies in Felix's order, user Profiles, HostEndpoints, network sets and every problem — independent of
// the pods, so one parse serves every pod set (see policy-parse-cache.ts).
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import type { Manifest } from '../../scenario/types.js';
import type { HostEndpoint } from '../endpoints/types.js';
import { CALICO_GROUPS, draftPolicyManifest } from './convert/draft-policy-manifest.js';
import type { DraftPolicy } from './convert/draft.js';
import { finalizePolicy } from './convert/finalize-policy.js';
import { convertHostEndpoint } from './resources/host-endpoints.js';
import { readNetworkSet, type NetworkSetDraft } from './resources/network-sets.js';
import { convertProfile } from './resources/profiles.js';
import type { ReadCtx } from './fields/read-json.js';
import { BUILT_IN_TIERS, compareTiers, convertTier } from './resources/tiers.js';
import type { Policy, Profile, Tier } from './types.js';

/** What the manifests alone give the policy model (read-only: one parse is shared by many models). */
export interface ParsedPolicies {
  readonly tiers: readonly Tier[];
  readonly policies: readonly Policy[];
  /** Profile manifests by name, in manifest order (the generated kns./ksa. profiles are added per model). */
  readonly profiles: ReadonlyMap<string, Profile>;
  /** HostEndpoints with their own labels (profile labels are inherited per model). */
  readonly hostEndpoints: readonly HostEndpoint[];
  /** Network sets before their namespace's labels are inherited (labelNetworkSet, per model). */
  readonly networkSets: readonly NetworkSetDraft[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses `manifests`; errors mean the object was rejected (as the API server would) and left out. */
export function parsePolicyManifests(manifests: readonly Manifest[]): ParsedPolicies {
  const diagnostics: Diagnostic[] = [];
  const tiers = new Map<string, Tier>(BUILT_IN_TIERS.map((t) => [t.name, t]));
  const drafts = new Map<string, DraftPolicy>();
  const networkSets: NetworkSetDraft[] = [];
  const hostEndpoints: HostEndpoint[] = [];
  const profiles = new Map<string, Profile>();
  for (const m of manifests) {
    // Each manifest's own list: the converters count its errors, not every problem read so far.
    const ctx: ReadCtx = { manifest: m, diagnostics: [] };
    const draft = draftPolicyManifest(ctx);
    if (draft) addUnique(drafts, `${draft.kind}/${draft.namespace ?? ''}/${draft.name}`, draft, m, ctx.diagnostics);
    else if (draft === null && CALICO_GROUPS.includes(m.apiVersion)) readCalicoObject(ctx, { tiers, networkSets, hostEndpoints, profiles });
    for (const d of ctx.diagnostics) diagnostics.push(d);
  }
  const sortedTiers = [...tiers.values()].sort(compareTiers);
  let kept: readonly DraftPolicy[] = inKnownTiers([...drafts.values()], sortedTiers, diagnostics);
  let policies: readonly Policy[] | undefined;
  return {
    tiers: sortedTiers,
    // Ordered and finalised when first read: finalising finds no problem, so a question that needs the
    // diagnostics alone (loading any input, `manifests`, `validate`) never pays for it. The drafts are
    // let go once finalised.
    get policies(): readonly Policy[] {
      if (policies === undefined) {
        policies = orderPolicies(kept, sortedTiers);
        kept = [];
      }
      return policies;
    },
    profiles,
    hostEndpoints,
    networkSets,
    diagnostics,
  };
}

interface CalicoObjects {
  readonly tiers: Map<string, Tier>;
  readonly networkSets: NetworkSetDraft[];
  readonly hostEndpoints: HostEndpoint[];
  readonly profiles: Map<string, Profile>;
}

/** A Calico object other than a policy: Tier, (Global)NetworkSet, HostEndpoint or Profile (others ignored). */
function readCalicoObject(ctx: ReadCtx, into: CalicoObjects): void {
  const kind = ctx.manifest.kind;
  if (kind === 'Tier') {
    const t = convertTier(ctx);
    if (t && !t.builtIn) into.tiers.set(t.name, t);
  } else if (kind === 'NetworkSet' || kind === 'GlobalNetworkSet') {
    const s = readNetworkSet(ctx, kind === 'GlobalNetworkSet');
    if (s) into.networkSets.push(s);
  } else if (kind === 'HostEndpoint') {
    const h = convertHostEndpoint(ctx, into.hostEndpoints.length);
    if (h) into.hostEndpoints.push(h);
  } else if (kind === 'Profile') {
    const p = convertProfile(ctx);
    if (p) into.profiles.set(p.name, p);
  }
}

function addUnique(drafts: Map<string, DraftPolicy>, key: string, d: DraftPolicy, m: Manifest, diagnostics: Diagnostic[]): void {
  if (drafts.has(key)) {
    diagnostics.push(diagnosticAt(m.src, 'metadata.name', `${d.kind} ${key} is defined twice; the later definition replaces the earlier one`, 'warning'));
  }
  drafts.set(key, d);
}

/** The drafts whose tier exists; the others are rejected, each with an error. */
function inKnownTiers(drafts: DraftPolicy[], tiers: readonly Tier[], diagnostics: Diagnostic[]): DraftPolicy[] {
  const known = new Set(tiers.map((t) => t.name));
  return drafts.filter((d) => {
    if (known.has(d.tier)) return true;
    diagnostics.push(diagnosticAt(d.src, 'spec.tier', `tier "${d.tier}" does not exist (declare a projectcalico.org/v3 Tier); policy ${d.name} is rejected`));
    return false;
  });
}

/** Policies (of known tiers) sorted by tier position, order, then Felix's `name/namespace/kind` key. */
function orderPolicies(drafts: readonly DraftPolicy[], tiers: readonly Tier[]): Policy[] {
  const tierPos = new Map(tiers.map((t, i) => [t.name, i]));
  const keyed = drafts.map((d) => ({ d, tier: tierPos.get(d.tier) as number, key: `${d.name}/${d.namespace ?? ''}/${d.kind}` }));
  keyed.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    if (a.d.order !== b.d.order) return a.d.order < b.d.order ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return keyed.map((k, i) => finalizePolicy(k.d, i));
}
