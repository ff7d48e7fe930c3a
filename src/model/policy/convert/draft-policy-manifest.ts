// model: which converter reads a policy manifest — Kubernetes NetworkPolicy, Admin/BaselineAdminNetworkPolicy,
// Calico (Global/Staged)NetworkPolicy and StagedKubernetesNetworkPolicy — shared by the model builder and the
// incremental updates of the compiled policies.
import { convertAdminPolicy } from './convert-admin-policy.js';
import { convertCalicoPolicy, type CalicoPolicyKind } from './convert-calico-policy.js';
import { convertK8sPolicy } from './convert-k8s-policy.js';
import type { DraftPolicy } from './draft.js';
import type { ReadCtx } from '../fields/read-json.js';

/** API groups Calico's resources are written in. */
export const CALICO_GROUPS: readonly string[] = ['projectcalico.org/v3', 'crd.projectcalico.org/v1'];
const CALICO_POLICY_KINDS: readonly CalicoPolicyKind[] = ['NetworkPolicy', 'GlobalNetworkPolicy', 'StagedNetworkPolicy', 'StagedGlobalNetworkPolicy'];

/** The draft of a policy manifest; undefined when invalid (problems in ctx), null when it is not a policy. */
export function draftPolicyManifest(ctx: ReadCtx): DraftPolicy | undefined | null {
  const m = ctx.manifest;
  if (m.apiVersion === 'networking.k8s.io/v1' && m.kind === 'NetworkPolicy') return convertK8sPolicy(ctx, false);
  if (m.apiVersion === 'policy.networking.k8s.io/v1alpha1') {
    if (m.kind === 'AdminNetworkPolicy') return convertAdminPolicy(ctx, false);
    if (m.kind === 'BaselineAdminNetworkPolicy') return convertAdminPolicy(ctx, true);
  }
  if (!CALICO_GROUPS.includes(m.apiVersion)) return null;
  if (m.kind === 'StagedKubernetesNetworkPolicy') return convertK8sPolicy(ctx, true);
  const kind = CALICO_POLICY_KINDS.find((k) => k === m.kind);
  return kind ? convertCalicoPolicy(ctx, kind) : null;
}
