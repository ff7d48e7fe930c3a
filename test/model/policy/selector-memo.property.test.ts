// The policy readers' selector work kept by text (read-selector.ts's parse outcomes and Kubernetes selector texts,
// rewrite-selector.ts's prefixed texts) against the computations they replace, run afresh for every call: the
// same verdicts, diagnostics and texts on valid and broken selectors, each text met several times (fast-check,
// seeded, bounded by count).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../../src/lib/selector/canonical.js';
import { labelSelectorToCalico, readLabelSelector } from '../../../src/lib/selector/label-selector.js';
import { parseSelectorNode } from '../../../src/lib/selector/parse.js';
import { quoteSelector, SelectorParseError, type SelectorNode } from '../../../src/lib/selector/types.js';
import { checkSelectorText, readK8sSelector, type GlobalUse } from '../../../src/model/policy/fields/read-selector.js';
import { fail, type ReadCtx } from '../../../src/model/policy/fields/read-json.js';
import { prefixSelectorText } from '../../../src/model/policy/convert/rewrite-selector.js';
import type { JsonValue, Manifest } from '../../../src/scenario/types.js';
import { calicoSelectorArb } from '../../arbitraries/calico-selector.js';
import { k8sLabelSelectorArb } from '../../arbitraries/k8s-label-selector.js';

const manifest = {
  apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', name: 'p', labels: {}, annotations: {}, body: {},
  src: { file: 'f.yaml', line: 1, col: 1 }, locate: (path: string) => ({ file: 'f.yaml', line: path.length, col: 1 }),
} as unknown as Manifest;
const newCtx = (): ReadCtx => ({ manifest, diagnostics: [] });

/** checkSelectorText as it was: a fresh parse per call. */
function referenceCheck(ctx: ReadCtx, text: string, path: string, global: GlobalUse): boolean {
  const at = (message: string): false => {
    fail(ctx, path, message);
    return false;
  };
  try {
    const ast = parseSelectorNode(text);
    if (text.includes('global(')) {
      if (global === 'forbidden') return at(`invalid selector ${JSON.stringify(text)}: global() can only be used in an EntityRule namespaceSelector`);
      if (ast.op !== 'global') return at(`invalid selector ${JSON.stringify(text)}: if the namespaceSelector contains global(), it must be the only selector`);
    }
    return true;
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    return at(`invalid selector ${quoteSelector(text, e.col)} at column ${e.col}: ${e.reason}`);
  }
}

function prefixNode(n: SelectorNode, prefix: string): SelectorNode {
  if (n.op === 'all' || n.op === 'global') return n;
  if (n.op === 'not') return { op: 'not', arg: prefixNode(n.arg, prefix) };
  if (n.op === 'and' || n.op === 'or') return { op: n.op, args: n.args.map((a) => prefixNode(a, prefix)) };
  return { ...n, key: prefix + n.key };
}

/** Valid selectors, broken ones (a cut, a stray character) and global() in its places. */
const selectorText = fc.oneof(
  { weight: 4, arbitrary: calicoSelectorArb() },
  { weight: 2, arbitrary: fc.tuple(calicoSelectorArb(), fc.nat(40)).map(([s, n]) => s.slice(0, n)) },
  { weight: 1, arbitrary: fc.tuple(calicoSelectorArb(), fc.constantFrom('(', ')', '&&', "'", '!', ' in {')).map(([s, c]) => `${s} ${c}`) },
  { weight: 1, arbitrary: fc.constantFrom('global()', 'global() && has(a)', '!global()', 'all()', '') },
);

/** LabelSelectors, valid and broken (bad operator, values where none belong, a key Kubernetes refuses). */
const labelSelector: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 4, arbitrary: k8sLabelSelectorArb() },
  { weight: 1, arbitrary: fc.constantFrom<JsonValue>(
    { matchExpressions: [{ key: 'app', operator: 'Is', values: ['a'] }] },
    { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] },
    { matchLabels: { 'bad key!': 'x' } },
    { matchLabels: { app: 'not a value' } },
    { matchLabels: 'web' },
    {},
  ) },
);

describe('selector work kept by text', () => {
  it('checkSelectorText gives the fresh parse verdict and diagnostics, however often a text comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(selectorText, fc.constantFrom<GlobalUse>('forbidden', 'alone')), { minLength: 1, maxLength: 12 }), (cases) => {
        for (const [text, global] of [...cases, ...cases]) {
          const got = newCtx();
          const want = newCtx();
          expect(checkSelectorText(got, text, 'spec.selector', global)).toBe(referenceCheck(want, text, 'spec.selector', global));
          expect(got.diagnostics).toEqual(want.diagnostics);
        }
      }),
      { seed: 1207, numRuns: 300 },
    );
  });

  it('prefixSelectorText equals the prefixed canonical text of a fresh parse', () => {
    const valid = calicoSelectorArb().filter((s) => {
      try {
        parseSelectorNode(s);
        return true;
      } catch {
        return false;
      }
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(valid, fc.constantFrom('pcns.', 'pcsa.')), { minLength: 1, maxLength: 12 }), (cases) => {
        for (const [text, prefix] of [...cases, ...cases]) {
          expect(prefixSelectorText(text, prefix)).toBe(canonicalString(prefixNode(parseSelectorNode(text), prefix)));
        }
      }),
      { seed: 1207, numRuns: 300 },
    );
  });

  it('readK8sSelector gives the fresh conversion and its problems, however often a selector comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(labelSelector, fc.constantFrom<'pod' | 'namespace'>('pod', 'namespace')), { minLength: 1, maxLength: 12 }), (cases) => {
        for (const [sel, kind] of [...cases, ...cases]) {
          const got = newCtx();
          const text = readK8sSelector(got, sel, 'spec.podSelector', kind);
          const r = readLabelSelector(sel, 'spec.podSelector');
          if (r.ok) {
            expect(text).toBe(labelSelectorToCalico(r.selector, kind));
            expect(got.diagnostics).toEqual([]);
          } else {
            expect(text).toBeUndefined();
            expect(got.diagnostics.map((d) => d.message)).toEqual(r.errors.map((e) => e.message));
          }
        }
      }),
      { seed: 1207, numRuns: 300 },
    );
  });
});
