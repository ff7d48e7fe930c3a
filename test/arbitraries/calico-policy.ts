// test arbitrary: a Calico NetworkPolicy / GlobalNetworkPolicy (or a Staged variant) in one of the given
// tiers, with order, selector, types, namespaceSelector / serviceAccountSelector and random rules.
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { calicoRuleArb } from './calico-rule.js';
import { calicoSelectorArb, namespaceSelectorArb } from './calico-selector.js';
import { NAMESPACE_CHOICES } from './vocabulary.js';

const KINDS = ['NetworkPolicy', 'NetworkPolicy', 'GlobalNetworkPolicy', 'GlobalNetworkPolicy', 'StagedNetworkPolicy', 'StagedGlobalNetworkPolicy'] as const;

/** A policy manifest named `name`; `tiers` are the tier names it may use (besides `default`). */
export function calicoPolicyArb(name: string, tiers: readonly string[]): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        kind: fc.constantFrom(...KINDS),
        namespace: fc.constantFrom(...NAMESPACE_CHOICES),
        tier: fc.constantFrom('default', ...tiers),
        order: fc.constantFrom<number | undefined>(undefined, 10, 100, 100, 1000, 2.5),
        selector: fc.option(calicoSelectorArb(), { freq: 2, nil: undefined }),
        namespaceSelector: fc.option(namespaceSelectorArb().filter((s) => s !== 'global()'), { freq: 3, nil: undefined }),
        serviceAccountSelector: fc.option(fc.constantFrom('!has(team)', "team == 'x'"), { freq: 12, nil: undefined }),
        types: fc.constantFrom<string[] | undefined>(undefined, undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
        ingress: fc.array(calicoRuleArb(), { maxLength: 3 }),
        egress: fc.array(calicoRuleArb(), { maxLength: 3 }),
      },
      { requiredKeys: ['kind', 'namespace', 'tier', 'ingress', 'egress'] },
    )
    .map((p) => {
      const global = p.kind.includes('Global');
      const spec: JsonObject = { tier: p.tier, ingress: p.ingress, egress: p.egress };
      if (p.order !== undefined) spec['order'] = p.order;
      if (p.selector !== undefined) spec['selector'] = p.selector;
      if (global && p.namespaceSelector !== undefined) spec['namespaceSelector'] = p.namespaceSelector;
      if (p.serviceAccountSelector !== undefined) spec['serviceAccountSelector'] = p.serviceAccountSelector;
      if (p.types !== undefined) spec['types'] = p.types;
      if (p.kind.startsWith('Staged')) spec['stagedAction'] = 'Set';
      return {
        apiVersion: 'projectcalico.org/v3',
        kind: p.kind,
        metadata: { name, ...(global ? {} : { namespace: p.namespace }) },
        spec,
      };
    });
}
