// test arbitrary: the namespaces of a cluster — every vocabulary namespace, mostly declared with team/stage
// labels, sometimes only referenced (declared: false, labels unknown to policy).
import fc from 'fast-check';
import type { NamespaceSpec } from '../../src/scenario/types.js';
import { labelSetArb } from './label-set.js';
import { NAMESPACE_LABEL_KEYS, NAMESPACE_NAMES } from './vocabulary.js';

const SRC = { file: 'generated.yaml', line: 1, col: 1 };

/** One NamespaceSpec per vocabulary namespace; `undeclared` allows namespaces with unknown labels. */
export function namespacesArb(undeclared: boolean): fc.Arbitrary<NamespaceSpec[]> {
  const one = (name: string): fc.Arbitrary<NamespaceSpec> =>
    fc.record({ labels: labelSetArb(NAMESPACE_LABEL_KEYS, ['x', 'y']), declared: undeclared ? fc.constantFrom(true, true, true, false) : fc.constant(true) }).map((n) => ({ name, labels: n.labels, declared: n.declared, src: SRC }));
  return fc.tuple(...NAMESPACE_NAMES.map(one)).map((list) => list.filter((n) => n.declared));
}
