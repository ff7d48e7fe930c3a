// model: a draft policy into the IR Policy — Felix's view after libcalico-go's update processors
// (networkpolicyprocessor.go, globalnetworkpolicyprocessor.go, rules.go RuleAPIV3ToBackend).
import { parseSelector } from '../../../lib/selector/parse.js';
import type { DraftEntity, DraftPolicy, DraftRule } from './draft.js';
import type { Selector } from '../../../lib/selector/types.js';
import { namespacedPolicySelector, sideSelector } from './compose-selector.js';
import {
  endpointSelectorParts,
  NAMESPACE_LABEL,
  NAMESPACE_PREFIX,
  namespaceTerm,
  prefixAndAppend,
  SERVICE_ACCOUNT_LABEL,
  SERVICE_ACCOUNT_PREFIX,
  serviceAccountSelector,
} from './rewrite-selector.js';
import type { EntityMatch, Policy, Rule } from '../types.js';

/** The target selector text Felix gets for a policy. */
export function policySelectorText(d: DraftPolicy): string {
  let sel = d.selector;
  if (d.namespace !== undefined) {
    const term = namespaceTerm(d.namespace);
    sel = sel === '' ? term : `(${sel}) && ${term}`;
    return prefixAndAppend(sel, d.serviceAccountSelector, SERVICE_ACCOUNT_PREFIX);
  }
  if (d.namespaceSelector !== '') {
    // globalnetworkpolicyprocessor.go replaces all() in the whole combined text, spec.selector included.
    sel = prefixAndAppend(sel, d.namespaceSelector, NAMESPACE_PREFIX).replaceAll('all()', `has(${NAMESPACE_LABEL})`);
  }
  if (d.serviceAccountSelector !== '') {
    sel = prefixAndAppend(sel, d.serviceAccountSelector, SERVICE_ACCOUNT_PREFIX).replaceAll(
      'all()',
      `has(${SERVICE_ACCOUNT_LABEL})`,
    );
  }
  return sel;
}

/** The parsed target selector (policySelectorText), namespaced ones built from their parsed parts. */
function policySelector(d: DraftPolicy): Selector {
  const text = policySelectorText(d);
  return d.namespace !== undefined && d.serviceAccountSelector === '' ? namespacedPolicySelector(text, d.selector, d.namespace) : parseSelector(text);
}

/** Finalises a draft policy as entry `id` of the model. */
export function finalizePolicy(d: DraftPolicy, id: number): Policy {
  const rules = (list: readonly DraftRule[]): Rule[] => list.map((r, i) => finalizeRule(r, i, d.namespace));
  return {
    id,
    kind: d.kind,
    name: d.name,
    ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
    tier: d.tier,
    order: d.order,
    sortKey: `${d.name}/${d.namespace ?? ''}/${d.kind}`,
    selector: policySelector(d),
    types: d.types,
    ingress: rules(d.ingress),
    egress: rules(d.egress),
    staged: d.staged,
    ...(d.stagedAction ? { stagedAction: d.stagedAction } : {}),
    preDNAT: d.preDNAT,
    doNotTrack: d.doNotTrack,
    applyOnForward: d.applyOnForward,
    src: d.src,
    sourceKind: d.sourceKind,
  };
}

/** The writable form of an IR object, filled field by field in its declared key order. */
type Draft<T> = { -readonly [K in keyof T]?: T[K] };

/**
 * Finalises one rule at `index` of its list; `ns` is the policy's namespace (undefined for global). Optional
 * fields are assigned one by one, in the order the outputs show them (spreading a `{}` per absent field
 * was a tenth of B1's policy parse).
 */
export function finalizeRule(r: DraftRule, index: number, ns: string | undefined): Rule {
  const out: Draft<Rule> = { index, action: r.action };
  if (r.ipVersion !== undefined) out.ipVersion = r.ipVersion;
  if (r.protocol !== undefined) out.protocol = r.protocol;
  if (r.notProtocol !== undefined) out.notProtocol = r.notProtocol;
  if (r.icmp) out.icmp = r.icmp;
  if (r.notICMP) out.notICMP = r.notICMP;
  out.source = finalizeEntity(r.source, ns);
  out.destination = finalizeEntity(r.destination, ns);
  out.ipv4 = r.ipv4;
  if (r.http) out.http = r.http;
  out.origin = r.origin;
  return out as Rule;
}

function finalizeEntity(e: DraftEntity, ns: string | undefined): EntityMatch {
  const sa = e.serviceAccounts ? serviceAccountSelector(e.serviceAccounts.names, e.serviceAccounts.selector) : '';
  const selector = sideSelector(endpointSelectorParts(e.namespaceSelector ?? '', e.selector ?? '', sa, e.notSelector ?? '', ns));
  const out: Draft<EntityMatch> = {};
  if (e.nets) out.nets = e.nets;
  if (e.notNets) out.notNets = e.notNets;
  if (selector) out.selector = selector;
  if (e.notSelector) out.notSelector = parseSelector(e.notSelector);
  if (e.ports) out.ports = e.ports;
  if (e.notPorts) out.notPorts = e.notPorts;
  if (e.services) out.services = e.services;
  const original: Draft<EntityMatch['original']> = {};
  if (e.selector) original.selector = e.selector;
  if (e.notSelector) original.notSelector = e.notSelector;
  if (e.namespaceSelector) original.namespaceSelector = e.namespaceSelector;
  if (e.serviceAccounts) original.serviceAccounts = e.serviceAccounts;
  out.original = original;
  return out as EntityMatch;
}
