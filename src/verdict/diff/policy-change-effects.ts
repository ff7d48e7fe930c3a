// verdict: the effect lines a policy event records on the timeline — the connections the change opened
// or closed in its cluster at that moment, computed like `calisim diff`.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { buildPolicyModel } from '../../model/policy/build-policy-model.js';
import type { Manifest } from '../../scenario/types.js';
import { policyInputOf } from '../state/policy-input.js';
import { computeDiff } from './compute-diff.js';

/** At most this many connection changes are listed per event; the rest are counted. */
const LISTED = 10;

/** Lines describing the connections a policy change opened or closed. */
export function policyChangeEffects(run: PlatformRun, cluster: number, before: readonly Manifest[], after: readonly Manifest[]): string[] {
  const input = policyInputOf(run, cluster);
  const name = run.model.clusters[cluster]!.name;
  const side = (manifests: readonly Manifest[]) => [{ name, model: buildPolicyModel({ ...input, manifests }).model }];
  const d = computeDiff(side(before), side(after), { before: 'before', after: 'after' });
  const s = d.summary;
  const lines = [`connections: ${s.newlyAllowed} newly allowed, ${s.newlyDenied} newly denied${s.toUnknown + s.fromUnknown ? `, ${s.toUnknown + s.fromUnknown} to/from unknown` : ''}`];
  for (const c of d.changes.slice(0, LISTED)) {
    const from = 'address' in c.from ? c.from.address : `${c.from.namespace}/${c.from.workload}`;
    lines.push(`${c.change}: ${from} → ${c.to.namespace}/${c.to.workload} ${c.protocol} ${c.ports}`);
  }
  if (d.changes.length > LISTED) lines.push(`... and ${d.changes.length - LISTED} more`);
  return lines;
}
