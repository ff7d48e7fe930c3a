// Property tests: random valid selector text parses to the AST it was written from; the canonical form
// round-trips; evaluation after parsing agrees with evaluating the AST directly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../../src/lib/selector/canonical.js';
import { matchesNode } from '../../../src/lib/selector/matches.js';
import { parseSelector, parseSelectorNode } from '../../../src/lib/selector/parse.js';
import { labels, renderRandomly, selectorNode } from './arbitrary.js';

describe('selector parser properties', () => {
  it('random valid text parses to the canonical form of its AST', () => {
    fc.assert(
      fc.property(selectorNode, fc.integer(), (node, seed) => {
        const text = renderRandomly(node, seed);
        expect(parseSelector(text).toString(), text).toBe(canonicalString(node));
      }),
      { numRuns: 3000 },
    );
  });

  it('parse(toString(x)) gives back the same canonical string and the same AST', () => {
    fc.assert(
      fc.property(selectorNode, (node) => {
        const canon = canonicalString(node);
        expect(parseSelectorNode(canon)).toEqual(node);
        expect(parseSelector(canon).toString()).toBe(canon);
      }),
      { numRuns: 3000 },
    );
  });

  it('a parsed selector matches exactly the label maps its AST matches', () => {
    fc.assert(
      fc.property(selectorNode, fc.integer(), fc.array(labels, { maxLength: 8 }), (node, seed, maps) => {
        const sel = parseSelector(renderRandomly(node, seed));
        for (const l of maps) expect(sel.matches(l)).toBe(matchesNode(node, l));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws anything but SelectorParseError on arbitrary text', () => {
    const alphabet = fc.constantFrom(...'ab !=&|(){},"\'\tinotcsw_./-h'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join('')), (text) => {
        try {
          const s = parseSelector(text);
          expect(parseSelector(s.toString()).toString()).toBe(parseSelector(parseSelector(s.toString()).toString()).toString());
        } catch (e) {
          expect((e as Error).name).toBe('SelectorParseError');
        }
      }),
      { numRuns: 5000 },
    );
  });
});
