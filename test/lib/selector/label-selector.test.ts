// Kubernetes LabelSelector: validation errors, direct matching, and the Calico text of conversion_test.go;
// property: the direct matcher agrees with the Calico selector Calico would generate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  labelSelectorToCalico,
  matchesLabelSelector,
  readLabelSelector,
  type LabelSelector,
} from '../../../src/lib/selector/label-selector.js';
import { parseSelector } from '../../../src/lib/selector/parse.js';
import type { Labels } from '../../../src/scenario/types.js';

function read(json: unknown): LabelSelector {
  const r = readLabelSelector(json, 'spec.podSelector');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.selector;
}
const expr = (key: string, operator: string, values?: string[]): unknown => ({ key, operator, ...(values ? { values } : {}) });

describe('labelSelectorToCalico (conversion_test.go)', () => {
  const cases: [unknown, 'pod' | 'namespace', string][] = [
    [{}, 'pod', "projectcalico.org/orchestrator == 'k8s'"],
    [{}, 'namespace', 'all()'],
    [{ matchExpressions: [expr('toast', 'DoesNotExist')] }, 'namespace', '! has(toast)'],
    [{ matchExpressions: [expr('toast', 'Exists')] }, 'namespace', 'has(toast)'],
    [{ matchExpressions: [expr('toast', 'In', ['butter', 'jam'])] }, 'namespace', "toast in { 'butter', 'jam' }"],
    [{ matchExpressions: [expr('toast', 'NotIn', ['marmite', 'milk'])] }, 'namespace', "toast not in { 'marmite', 'milk' }"],
    [{ matchExpressions: [expr('toast', 'DoesNotExist')] }, 'pod', "projectcalico.org/orchestrator == 'k8s' && ! has(toast)"],
    [{ matchLabels: { label2: 'value2', label: 'value' } }, 'pod', "projectcalico.org/orchestrator == 'k8s' && label == 'value' && label2 == 'value2'"],
    [{ matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } }, 'namespace', "namespaceFoo == 'bar' && namespaceRole == 'dev'"],
    [{ matchExpressions: [expr('k', 'In', ['v1', 'v2'])] }, 'pod', "projectcalico.org/orchestrator == 'k8s' && k in { 'v1', 'v2' }"],
    [
      { matchLabels: { b: '1', B: '2' }, matchExpressions: [expr('z', 'Exists'), expr('a', 'NotIn', ['x'])] },
      'namespace',
      "B == '2' && b == '1' && has(z) && a not in { 'x' }",
    ],
  ];
  for (const [json, kind, expected] of cases) {
    it(`${kind} ${JSON.stringify(json)}`, () => {
      const text = labelSelectorToCalico(read(json), kind);
      expect(text).toBe(expected);
      expect(() => parseSelector(text)).not.toThrow();
    });
  }
  it('null selectors: pod → orchestrator term, namespace → ""', () => {
    expect(labelSelectorToCalico(null, 'pod')).toBe("projectcalico.org/orchestrator == 'k8s'");
    expect(labelSelectorToCalico(null, 'namespace')).toBe('');
  });
});

describe('readLabelSelector errors', () => {
  const errs = (json: unknown): string[] => {
    const r = readLabelSelector(json, 'sel');
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };
  it('reports each problem with its path', () => {
    expect(errs('x')).toEqual(['sel: must be an object']);
    expect(errs({ matchExpressions: [expr('a', 'Equals', ['x'])] })[0]).toMatch(/^sel\.matchExpressions\[0\]\.operator: not a valid selector operator "Equals"/);
    expect(errs({ matchExpressions: [expr('a', 'In', [])] })).toEqual([
      "sel.matchExpressions[0].values: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    expect(errs({ matchExpressions: [expr('a', 'NotIn')] })).toHaveLength(1);
    expect(errs({ matchExpressions: [expr('a', 'Exists', ['x'])] })).toEqual([
      "sel.matchExpressions[0].values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]);
    expect(errs({ matchExpressions: [{ key: 'a', operator: 'In', values: [1] }] })).toEqual(['sel.matchExpressions[0].values[0]: must be a string']);
    expect(errs({ matchLabels: { a: 3 } })).toEqual(['sel.matchLabels[a]: value must be a string']);
    expect(errs({ matchLabels: [] })).toEqual(['sel.matchLabels: must be a map of strings']);
    expect(errs({ matchExpressions: {} })).toEqual(['sel.matchExpressions: must be a list']);
    expect(errs({ matchExpressions: [{ operator: 'Exists' }] })).toEqual(['sel.matchExpressions[0].key: required string']);
    expect(errs({ matchExpressions: [{ key: 'a' }] })).toEqual(['sel.matchExpressions[0].operator: required string']);
    expect(errs({ podSelector: {} })).toEqual(['sel.podSelector: unknown field']);
    expect(errs({ matchLabels: { 'a b': 'x' } })[0]).toMatch(/^sel\.matchLabels\[a b\]: invalid label key/);
    expect(errs({ matchLabels: { a: "it's" } })[0]).toMatch(/invalid label value/);
    expect(errs({ matchLabels: { 'Example.com/a': 'x' } })[0]).toMatch(/prefix part/);
    expect(errs({ matchExpressions: [expr('a', 'In', ['x', '-y'])] })[0]).toMatch(/values\[1\]: invalid label value/);
  });
  it('marks the problems that are about a key (unknown fields, bad matchLabels keys), to be placed at the key', () => {
    const parts = (json: unknown): string[] => {
      const r = readLabelSelector(json, 'sel');
      return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.part ?? 'value'}`);
    };
    expect(parts({ podSelector: {}, matchExpressions: [{ key: 'a', operator: 'Exists', valeus: [] }] })).toEqual(['sel.podSelector key', 'sel.matchExpressions[0].valeus key']);
    expect(parts({ matchLabels: { 'a b': 'x', c: "it's", d: 3 } })).toEqual(['sel.matchLabels[a b] key', 'sel.matchLabels[c] value', 'sel.matchLabels[d] value']);
    expect(parts({ matchExpressions: [{ key: 'a b', operator: 'Exists' }] })).toEqual(['sel.matchExpressions[0].key value']);
  });
  it('collects every problem, not just the first', () => {
    expect(errs({ matchLabels: { a: 1, b: 2 }, matchExpressions: [expr('c', 'Bad'), expr('d', 'In')] })).toHaveLength(4);
  });
  it('accepts null lists and maps, and empty label values', () => {
    expect(errs({ matchLabels: null, matchExpressions: null })).toEqual([]);
    expect(errs({ matchLabels: { 'app.kubernetes.io/name': '' } })).toEqual([]);
  });
});

describe('matchesLabelSelector', () => {
  const s = read({ matchLabels: { app: 'web' }, matchExpressions: [expr('tier', 'NotIn', ['db']), expr('env', 'Exists')] });
  it('follows Kubernetes semantics', () => {
    expect(matchesLabelSelector(s, { app: 'web', env: '' })).toBe(true);
    expect(matchesLabelSelector(s, { app: 'web', env: 'x', tier: 'fe' })).toBe(true);
    expect(matchesLabelSelector(s, { app: 'web', env: 'x', tier: 'db' })).toBe(false);
    expect(matchesLabelSelector(s, { app: 'web' })).toBe(false);
    expect(matchesLabelSelector(s, { env: 'x' })).toBe(false);
    expect(matchesLabelSelector(read({}), {})).toBe(true);
  });

  const key = fc.constantFrom('a', 'b', 'app.kubernetes.io/name');
  const value = fc.constantFrom('', 'x', 'y', 'z1');
  const requirement = fc.oneof(
    fc.tuple(key, fc.constantFrom('In', 'NotIn'), fc.array(value, { minLength: 1, maxLength: 3 })).map(([k, o, v]) => expr(k, o, v)),
    fc.tuple(key, fc.constantFrom('Exists', 'DoesNotExist')).map(([k, o]) => expr(k, o)),
  );
  const selectorJson = fc.record({ matchLabels: fc.dictionary(key, value), matchExpressions: fc.array(requirement, { maxLength: 3 }) });
  const labelMap: fc.Arbitrary<Labels> = fc.dictionary(key, value);

  it('agrees with the Calico selector Calico generates (pod and namespace forms)', () => {
    fc.assert(
      fc.property(selectorJson, fc.array(labelMap, { maxLength: 6 }), (json, maps) => {
        const sel = read(json);
        const asNamespace = parseSelector(labelSelectorToCalico(sel, 'namespace'));
        const asPod = parseSelector(labelSelectorToCalico(sel, 'pod'));
        for (const l of maps) {
          const want = matchesLabelSelector(sel, l);
          expect(asNamespace.matches(l)).toBe(want);
          expect(asPod.matches({ ...l, 'projectcalico.org/orchestrator': 'k8s' })).toBe(want);
          expect(asPod.matches(l)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
