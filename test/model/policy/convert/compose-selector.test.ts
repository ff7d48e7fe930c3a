// finalize-policy.ts builds rewritten selectors from their parsed parts: the AST (and so the canonical text)
// equals what the parser makes of the whole rewritten text (the reference), and a text the parser refuses
// is refused alike — blank parts, nesting at the depth limit, a namespace that is not one comparison.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SELECTOR_DEPTH, parseSelectorNode } from '../../../../src/lib/selector/parse.js';
import type { Selector } from '../../../../src/lib/selector/types.js';
import { namespacedPolicySelector, sideSelector } from '../../../../src/model/policy/convert/compose-selector.js';
import { draftPolicyManifest } from '../../../../src/model/policy/convert/draft-policy-manifest.js';
import { finalizePolicy, policySelectorText } from '../../../../src/model/policy/convert/finalize-policy.js';
import { endpointSelectorText, serviceAccountSelector, sideText, type SideParts } from '../../../../src/model/policy/convert/rewrite-selector.js';
import { calicoSelectorArb } from '../../../arbitraries/calico-selector.js';
import { policyManifestArb } from '../../../arbitraries/policy-manifest.js';
import { toManifest } from '../../../arbitraries/to-manifest.js';

/** The AST `f` gives as JSON, 'none' for no selector, or 'refused' when it throws. */
function outcome(f: () => Selector | undefined): string {
  try {
    const s = f();
    return s === undefined ? 'none' : JSON.stringify(s.ast);
  } catch {
    return 'refused';
  }
}

/** The reference: the parser on the whole text. */
function reference(text: string): string {
  return text === '' ? 'none' : outcome(() => ({ ast: parseSelectorNode(text), matches: () => false }));
}

const deep = `${'('.repeat(MAX_SELECTOR_DEPTH - 1)}a == 'b'${')'.repeat(MAX_SELECTOR_DEPTH - 1)}`;
const partArb = fc.oneof({ weight: 6, arbitrary: calicoSelectorArb() }, fc.constantFrom('', ' ', 'all()', 'global()', deep, "a == 'x') || (b == 'y'"));

describe('selectors composed from parsed parts', () => {
  it('equal the parse of the whole rewritten text, refusals included', () => {
    fc.assert(
      fc.property(partArb, partArb, partArb, (ns, sa, selector) => {
        const p: SideParts = { ns, sa, selector };
        expect(outcome(() => sideSelector(p))).toBe(reference(sideText(p)));
      }),
      { numRuns: 600, seed: 3131 },
    );
  });

  it("of namespaced policies equal the parse of `(selector) && <namespace term>`, odd namespaces included", () => {
    fc.assert(
      fc.property(partArb, fc.constantFrom('web', 'ns-1', "x' || y == 'z", 'a b'), (selector, ns) => {
        const text = selector === '' ? `projectcalico.org/namespace == '${ns}'` : `(${selector}) && projectcalico.org/namespace == '${ns}'`;
        expect(outcome(() => namespacedPolicySelector(text, selector, ns))).toBe(reference(text));
      }),
      { numRuns: 400, seed: 4141 },
    );
  });

  it('give generated policies the selectors their rewritten texts parse to', () => {
    let sides = 0;
    fc.assert(
      fc.property(policyManifestArb('p', ['security']), (body) => {
        const draft = draftPolicyManifest({ manifest: toManifest(body), diagnostics: [] });
        if (!draft) return;
        const policy = finalizePolicy(draft, 0);
        expect(JSON.stringify(policy.selector.ast)).toBe(JSON.stringify(parseSelectorNode(policySelectorText(draft))));
        const drafts = [...draft.ingress, ...draft.egress];
        [...policy.ingress, ...policy.egress].forEach((r, i) => {
          const d = drafts[i]!;
          for (const [side, e] of [[r.source, d.source], [r.destination, d.destination]] as const) {
            const sa = e.serviceAccounts ? serviceAccountSelector(e.serviceAccounts.names, e.serviceAccounts.selector) : '';
            const text = endpointSelectorText(e.namespaceSelector ?? '', e.selector ?? '', sa, e.notSelector ?? '', draft.namespace);
            if (text !== '') sides++;
            expect(outcome(() => side.selector)).toBe(reference(text));
          }
        });
      }),
      { numRuns: 300, seed: 5151 },
    );
    expect(sides).toBeGreaterThan(100);
  });
});
