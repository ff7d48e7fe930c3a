// model: the Selectors finalize-policy.ts rewrites, built from their parsed parts — the parser reads
// `(A) && (B)` as and(A, B), A and B as they parse alone — so a part is tokenised once, not once in every
// namespace's combination (B1: 1,271 distinct rule selectors from a few hundred parts).
import { MAX_SELECTOR_DEPTH, parseSelector, parseSelectorAs } from '../../../lib/selector/parse.js';
import type { Selector, SelectorNode } from '../../../lib/selector/types.js';
import { namespaceTerm, sideText, type SideParts } from './rewrite-selector.js';

/** parseSelector(sideText(p)); undefined when that text is empty. */
export function sideSelector(p: SideParts): Selector | undefined {
  const text = sideText(p);
  if (text === '') return undefined;
  return composed(text, [p.ns, p.sa, p.selector], () => {
    const inner = p.sa !== '' && p.selector !== '' ? and(node(p.sa), node(p.selector)) : node(p.sa !== '' ? p.sa : p.selector);
    if (p.ns === '') return inner;
    return p.sa === '' && p.selector === '' ? node(p.ns) : and(node(p.ns), inner);
  });
}

/** parseSelector(text) of a namespaced policy's `(selector) && <namespace term>` (policySelectorText). */
export function namespacedPolicySelector(text: string, selector: string, namespace: string): Selector {
  if (selector === '') return parseSelector(text);
  return composed(text, [selector], () => {
    // The term follows `&&` unparenthesised: it reads alone as it reads there when it is one comparison.
    const term = node(namespaceTerm(namespace));
    if (term.op !== '==') throw new RangeError('not one comparison');
    return and(node(selector), term);
  });
}

/**
 * parseSelector(text) through `build` when every part reads alone as it reads in parentheses: not blank
 * (`( )` does not parse) and nested well below the depth limit (the parentheses add up to two levels).
 * A part that does not parse alone leaves the text to the parser, which reports it as before.
 */
function composed(text: string, parts: readonly string[], build: () => SelectorNode): Selector {
  for (const part of parts) if (part !== '' && (part.trim() === '' || opening(part) >= MAX_SELECTOR_DEPTH - 2)) return parseSelector(text);
  try {
    return parseSelectorAs(text, build);
  } catch {
    return parseSelector(text);
  }
}

function node(text: string): SelectorNode {
  return parseSelector(text).ast;
}

function and(a: SelectorNode, b: SelectorNode): SelectorNode {
  return { op: 'and', args: [a, b] };
}

/** Opening parentheses in `text` (at least its nesting depth). */
function opening(text: string): number {
  let n = 0;
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) n++;
  return n;
}
