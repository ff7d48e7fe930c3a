// test arbitrary: an AdminNetworkPolicy (tier kube-admin, order = priority, Allow/Deny/Pass) or the
// BaselineAdminNetworkPolicy `default` (tier kube-baseline, Allow/Deny) with namespace/pod subjects, peers,
// egress networks and numeric, ranged and named ports.
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../src/scenario/types.js';
import { k8sLabelSelectorArb } from './k8s-label-selector.js';
import { CIDRS, NAMESPACE_LABEL_KEYS } from './vocabulary.js';

const nsSelector = k8sLabelSelectorArb(NAMESPACE_LABEL_KEYS, ['x', 'y']);
const podsArb = fc.record({ namespaceSelector: nsSelector, podSelector: k8sLabelSelectorArb() }).map((p): JsonObject => ({ pods: p }));
const namespacesArb = nsSelector.map((n): JsonObject => ({ namespaces: n }));
const networksArb = fc.uniqueArray(fc.constantFrom(...CIDRS.filter((c) => !c.includes(':'))), { minLength: 1, maxLength: 2 }).map((n): JsonObject => ({ networks: n }));

const portArb: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(53, 80, 8080) }).map((p): JsonObject => ({ portNumber: p })),
  fc.constantFrom<JsonObject>({ namedPort: 'http' }, { namedPort: 'dns' }),
  fc.constantFrom<JsonObject>({ portRange: { protocol: 'TCP', start: 80, end: 90 } }, { portRange: { protocol: 'TCP', start: 8000, end: 9000 } }),
);

function ruleArb(egress: boolean, actions: readonly string[]): fc.Arbitrary<JsonObject> {
  const peer = egress ? fc.oneof(podsArb, namespacesArb, networksArb) : fc.oneof(podsArb, namespacesArb);
  return fc
    .record({ action: fc.constantFrom(...actions), peers: fc.array(peer, { minLength: 1, maxLength: 2 }), ports: fc.option(fc.array(portArb, { minLength: 1, maxLength: 2 }), { nil: undefined }) })
    .map((r) => {
      // Named ports cannot go with networks peers (the API rejects the rule).
      const named = (r.ports ?? []).some((p) => 'namedPort' in p);
      const peers = named ? r.peers.filter((p) => !('networks' in p)) : r.peers;
      const out: JsonObject = { action: r.action, [egress ? 'to' : 'from']: (peers.length > 0 ? peers : [{ namespaces: {} }]) as JsonValue };
      if (r.ports) out['ports'] = r.ports;
      return out;
    });
}

/** An ANP named `name`, or (with `baseline`) the BANP. */
export function adminPolicyArb(name: string, baseline: boolean): fc.Arbitrary<JsonObject> {
  const actions = baseline ? ['Allow', 'Deny'] : ['Allow', 'Deny', 'Pass'];
  return fc
    .record({
      priority: fc.integer({ min: 0, max: 1000 }),
      subject: fc.oneof(namespacesArb, podsArb),
      ingress: fc.array(ruleArb(false, actions), { maxLength: 2 }),
      egress: fc.array(ruleArb(true, actions), { maxLength: 2 }),
    })
    .map((p) => ({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: baseline ? 'BaselineAdminNetworkPolicy' : 'AdminNetworkPolicy',
      metadata: { name: baseline ? 'default' : name },
      spec: { ...(baseline ? {} : { priority: p.priority }), subject: p.subject, ingress: p.ingress, egress: p.egress },
    }));
}
