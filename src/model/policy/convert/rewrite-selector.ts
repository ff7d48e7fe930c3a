// model: the selector rewriting of libcalico-go's update processors — label prefixes (PrefixVisitor),
// the namespace part of rule selectors (rules.go getEndpointSelector), service-account matches.
import { canonicalString } from '../../../lib/selector/canonical.js';
import { parseSelectorNode } from '../../../lib/selector/parse.js';
import type { SelectorNode } from '../../../lib/selector/types.js';

/** Label Calico puts on every namespaced endpoint / network set (apiv3.LabelNamespace). */
export const NAMESPACE_LABEL = 'projectcalico.org/namespace';
export const SERVICE_ACCOUNT_LABEL = 'projectcalico.org/serviceaccount';
export const NAMESPACE_PREFIX = 'pcns.';
export const SERVICE_ACCOUNT_PREFIX = 'pcsa.';

function prefixNode(n: SelectorNode, prefix: string): SelectorNode {
  switch (n.op) {
    case 'all':
    case 'global':
      return n;
    case 'not':
      return { op: 'not', arg: prefixNode(n.arg, prefix) };
    case 'and':
    case 'or':
      return { op: n.op, args: n.args.map((a) => prefixNode(a, prefix)) };
    default:
      return { ...n, key: prefix + n.key };
  }
}

/** prefixSelectorText's results by prefix and text (bounded): rules repeat a few namespace selectors. */
const prefixed = new Map<string, string>();
const PREFIXED_KEPT = 8192;

/** parseSelectorAttachPrefix: every label name prefixed, rendered canonically. `text` must be valid. */
export function prefixSelectorText(text: string, prefix: string): string {
  const key = `${prefix}\0${text}`;
  let out = prefixed.get(key);
  if (out === undefined) {
    out = canonicalString(prefixNode(parseSelectorNode(text), prefix));
    if (prefixed.size >= PREFIXED_KEPT) prefixed.clear();
    prefixed.set(key, out);
  }
  return out;
}

/** prefixAndAppendSelector: `(<current>) && <prefixed new>` (or just the prefixed part). */
export function prefixAndAppend(current: string, added: string, prefix: string): string {
  if (added === '') return current;
  const prefixed = prefixSelectorText(added, prefix);
  return current !== '' ? `(${current}) && ${prefixed}` : prefixed;
}

/** `projectcalico.org/namespace == '<ns>'`. */
export function namespaceTerm(ns: string): string {
  return `${NAMESPACE_LABEL} == '${ns}'`;
}

/** rules.go parseServiceAccounts: pcsa.-prefixed selector AND `projectcalico.org/serviceaccount in {names}`. */
export function serviceAccountSelector(names: readonly string[], selector: string | undefined): string {
  const updated = selector ? prefixSelectorText(selector, SERVICE_ACCOUNT_PREFIX) : '';
  if (names.length === 0) return updated;
  const set = canonicalString(parseSelectorNode(`${SERVICE_ACCOUNT_LABEL} in { '${names.join("', '")}' }`));
  return updated !== '' ? `(${updated}) && (${set})` : set;
}

/**
 * rules.go getEndpointSelector: the positive selector Felix evaluates for one side of a rule. The namespace
 * part (rule namespaceSelector, else the policy's namespace) is ANDed in only when the rule uses a selector,
 * serviceAccounts, notSelector or namespaceSelector.
 */
export function endpointSelectorText(
  namespaceSelector: string,
  selector: string,
  saSelector: string,
  notSelector: string,
  policyNamespace: string | undefined,
): string {
  return sideText(endpointSelectorParts(namespaceSelector, selector, saSelector, notSelector, policyNamespace));
}

/**
 * What endpointSelectorText is made of: `(ns) && (inner)` when `ns` is set, inner alone otherwise, where
 * inner is `(sa) && (selector)` when both are set, else the one set ('' when none).
 */
export interface SideParts {
  readonly ns: string;
  readonly sa: string;
  readonly selector: string;
}

export function endpointSelectorParts(
  namespaceSelector: string,
  selector: string,
  saSelector: string,
  notSelector: string,
  policyNamespace: string | undefined,
): SideParts {
  let nsSel = '';
  if (namespaceSelector !== '') {
    nsSel = prefixSelectorText(namespaceSelector, NAMESPACE_PREFIX)
      .replaceAll('all()', `has(${NAMESPACE_LABEL})`)
      .replaceAll('global()', `!has(${NAMESPACE_LABEL})`);
  } else if (policyNamespace !== undefined) {
    nsSel = namespaceTerm(policyNamespace);
  }
  const used = selector !== '' || saSelector !== '';
  return { ns: nsSel !== '' && (used || notSelector !== '' || namespaceSelector !== '') ? nsSel : '', sa: saSelector, selector };
}

/** The text of a side's parts (see SideParts). */
export function sideText(p: SideParts): string {
  const inner = p.sa !== '' && p.selector !== '' ? `(${p.sa}) && (${p.selector})` : p.sa !== '' ? p.sa : p.selector;
  if (p.ns === '') return inner;
  return inner !== '' ? `(${p.ns}) && (${inner})` : p.ns;
}
