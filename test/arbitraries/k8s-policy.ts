// test arbitrary: a Kubernetes NetworkPolicy (sometimes staged) with pod/namespace selector and ipBlock
// peers, numeric, ranged and named ports, and policyTypes.
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../src/scenario/types.js';
import { k8sLabelSelectorArb } from './k8s-label-selector.js';
import { CIDRS, EXCEPTS, NAMESPACE_LABEL_KEYS, NAMESPACE_CHOICES, NUMERIC_PORTS, PORT_NAMES } from './vocabulary.js';

const peerArb: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record({ podSelector: k8sLabelSelectorArb(), namespaceSelector: k8sLabelSelectorArb(NAMESPACE_LABEL_KEYS, ['x', 'y']) }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0),
  fc.tuple(fc.constantFrom(...CIDRS.filter((c) => c !== 'fd00::/8')), fc.subarray([...EXCEPTS], { maxLength: 1 })).map(([cidr, except]): JsonObject => {
    const ok = except.filter((e) => e !== cidr && cidr.endsWith('/8'));
    return { ipBlock: { cidr, ...(ok.length > 0 ? { except: ok } : {}) } };
  }),
);

const portArb: fc.Arbitrary<JsonObject> = fc.record(
  {
    protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'),
    port: fc.oneof(fc.constantFrom<JsonValue>(...NUMERIC_PORTS), fc.constantFrom<JsonValue>(...PORT_NAMES)),
    endPort: fc.constantFrom(90, 9000),
  },
  { requiredKeys: [] },
).map((p) => {
  const out: JsonObject = { ...p };
  if (typeof p.port !== 'number' || (p.endPort !== undefined && p.endPort < p.port)) delete out['endPort'];
  if (p.port === undefined) delete out['endPort'];
  return out;
});

const ruleArb = (peerField: 'from' | 'to'): fc.Arbitrary<JsonObject> =>
  fc.record({ [peerField]: fc.array(peerArb, { maxLength: 2 }), ports: fc.array(portArb, { maxLength: 2 }) }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>;

/** A NetworkPolicy (or StagedKubernetesNetworkPolicy) named `name`. */
export function k8sPolicyArb(name: string): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      staged: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
      namespace: fc.constantFrom(...NAMESPACE_CHOICES),
      podSelector: k8sLabelSelectorArb(),
      policyTypes: fc.constantFrom<string[] | undefined>(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
      ingress: fc.array(ruleArb('from'), { maxLength: 2 }),
      egress: fc.array(ruleArb('to'), { maxLength: 2 }),
    })
    .map((p) => ({
      apiVersion: p.staged ? 'projectcalico.org/v3' : 'networking.k8s.io/v1',
      kind: p.staged ? 'StagedKubernetesNetworkPolicy' : 'NetworkPolicy',
      metadata: { name, namespace: p.namespace },
      spec: {
        podSelector: p.podSelector,
        ...(p.policyTypes ? { policyTypes: p.policyTypes } : {}),
        ingress: p.ingress,
        egress: p.egress,
        ...(p.staged ? { stagedAction: 'Set' } : {}),
      },
    }));
}
