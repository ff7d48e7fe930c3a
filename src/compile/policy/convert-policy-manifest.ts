// compile: one policy manifest (NetworkPolicy, Calico (Global/Staged)NetworkPolicy, AdminNetworkPolicy, ...)
// into an IR Policy for incremental updates, with the converters buildPolicyModel uses.
import type { Diagnostic } from '../../lib/diagnostics.js';
import { convertAdminPolicy } from '../../model/policy/convert-admin-policy.js';
import { convertCalicoPolicy, type CalicoPolicyKind } from '../../model/policy/convert-calico-policy.js';
import { convertK8sPolicy } from '../../model/policy/convert-k8s-policy.js';
import type { DraftPolicy } from '../../model/policy/draft.js';
import { finalizePolicy } from '../../model/policy/finalize-policy.js';
import type { ReadCtx } from '../../model/policy/read-json.js';
import type { Policy } from '../../model/policy/types.js';
import type { Manifest } from '../../scenario/types.js';

const CALICO_GROUPS = ['projectcalico.org/v3', 'crd.projectcalico.org/v1'];
const CALICO_KINDS: readonly CalicoPolicyKind[] = ['NetworkPolicy', 'GlobalNetworkPolicy', 'StagedNetworkPolicy', 'StagedGlobalNetworkPolicy'];

/** The Policy of a manifest (undefined when invalid or not a policy; problems in `diagnostics`). */
export function convertPolicyManifest(m: Manifest): { policy?: Policy; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: ReadCtx = { manifest: m, diagnostics };
  const draft = draftOf(ctx);
  return draft ? { policy: finalizePolicy(draft, 0), diagnostics } : { diagnostics };
}

function draftOf(ctx: ReadCtx): DraftPolicy | undefined {
  const m = ctx.manifest;
  if (m.apiVersion === 'networking.k8s.io/v1' && m.kind === 'NetworkPolicy') return convertK8sPolicy(ctx, false);
  if (m.apiVersion === 'policy.networking.k8s.io/v1alpha1') {
    if (m.kind === 'AdminNetworkPolicy') return convertAdminPolicy(ctx, false);
    if (m.kind === 'BaselineAdminNetworkPolicy') return convertAdminPolicy(ctx, true);
  }
  if (!CALICO_GROUPS.includes(m.apiVersion)) return undefined;
  if (m.kind === 'StagedKubernetesNetworkPolicy') return convertK8sPolicy(ctx, true);
  const kind = CALICO_KINDS.find((k) => k === m.kind);
  return kind ? convertCalicoPolicy(ctx, kind) : undefined;
}
