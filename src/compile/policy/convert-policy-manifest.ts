// compile: one policy manifest (NetworkPolicy, Calico (Global/Staged)NetworkPolicy, AdminNetworkPolicy, ...)
// into an IR Policy for incremental updates, with the converters buildPolicyModel uses.
import type { Diagnostic } from '../../lib/diagnostics.js';
import { draftPolicyManifest } from '../../model/policy/convert/draft-policy-manifest.js';
import { finalizePolicy } from '../../model/policy/convert/finalize-policy.js';
import type { ReadCtx } from '../../model/policy/fields/read-json.js';
import type { Policy } from '../../model/policy/types.js';
import type { Manifest } from '../../scenario/types.js';

/** The Policy of a manifest (undefined when invalid or not a policy; problems in `diagnostics`). */
export function convertPolicyManifest(m: Manifest): { policy?: Policy; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: ReadCtx = { manifest: m, diagnostics };
  const draft = draftPolicyManifest(ctx);
  return draft ? { policy: finalizePolicy(draft, 0), diagnostics } : { diagnostics };
}
