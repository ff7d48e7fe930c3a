// test arbitrary: Calico selector text over the shared vocabulary — equality, sets, has, string operators,
// namespace/service-account labels, negation and &&/|| combinations.
import fc from 'fast-check';
import { LABEL_KEYS, LABEL_VALUES, NAMESPACE_LABEL_KEYS, NAMESPACE_NAMES } from './vocabulary.js';

const key = fc.constantFrom(...LABEL_KEYS);
const value = fc.constantFrom(...LABEL_VALUES);

const term: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `${k} == '${v}'`),
  fc.tuple(key, value).map(([k, v]) => `${k} == '${v}'`),
  fc.constant('all()'),
  fc.tuple(key, value).map(([k, v]) => `${k} != '${v}'`),
  key.map((k) => `has(${k})`),
  key.map((k) => `!has(${k})`),
  fc.tuple(key, fc.uniqueArray(value, { minLength: 1, maxLength: 2 })).map(([k, vs]) => `${k} in {${vs.map((v) => `'${v}'`).join(', ')}}`),
  fc.tuple(key, fc.uniqueArray(value, { minLength: 1, maxLength: 2 })).map(([k, vs]) => `${k} not in {${vs.map((v) => `'${v}'`).join(', ')}}`),
  fc.tuple(key, value).map(([k, v]) => `${k} starts with '${v}'`),
  fc.constant('all()'),
  fc.constantFrom(...NAMESPACE_NAMES).map((n) => `projectcalico.org/namespace == '${n}'`),
  fc.tuple(fc.constantFrom(...NAMESPACE_LABEL_KEYS), fc.constantFrom('x', 'y')).map(([k, v]) => `pcns.${k} == '${v}'`),
  fc.constantFrom('default', 'sa1').map((s) => `projectcalico.org/serviceaccount == '${s}'`),
);

/** A selector of one to three terms. */
export function calicoSelectorArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: term },
    { weight: 2, arbitrary: fc.tuple(term, term, fc.constantFrom('&&', '||', '||')).map(([a, b, op]) => `${a} ${op} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(term, term, term).map(([a, b, c]) => `(${a} || ${b}) && !(${c})`) },
  );
}

/** A namespace selector (labels of namespaces, unprefixed) for rules and GNPs. */
export function namespaceSelectorArb(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...NAMESPACE_LABEL_KEYS), fc.constantFrom('x', 'y')).map(([k, v]) => `${k} == '${v}'`),
    fc.constantFrom(...NAMESPACE_LABEL_KEYS).map((k) => `has(${k})`),
    fc.constantFrom(...NAMESPACE_NAMES).map((n) => `kubernetes.io/metadata.name == '${n}'`),
    fc.constant('all()'),
    fc.constant('global()'),
  );
}
