// model: a draft policy into the IR Policy — Felix's view after libcalico-go's update processors
// (networkpolicyprocessor.go, globalnetworkpolicyprocessor.go, rules.go RuleAPIV3ToBackend).
import { parseSelector } from '../../lib/selector/parse.js';
import type { Selector } from '../../lib/selector/types.js';
import type { DraftEntity, DraftPolicy, DraftRule } from './draft.js';
import {
  endpointSelectorText,
  NAMESPACE_LABEL,
  NAMESPACE_PREFIX,
  namespaceTerm,
  prefixAndAppend,
  SERVICE_ACCOUNT_LABEL,
  SERVICE_ACCOUNT_PREFIX,
  serviceAccountSelector,
} from './rewrite-selector.js';
import type { EntityMatch, Policy, Rule } from './types.js';

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
    selector: parseSelector(policySelectorText(d)),
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

/** Finalises one rule at `index` of its list; `ns` is the policy's namespace (undefined for global). */
export function finalizeRule(r: DraftRule, index: number, ns: string | undefined): Rule {
  return {
    index,
    action: r.action,
    ...(r.ipVersion !== undefined ? { ipVersion: r.ipVersion } : {}),
    ...(r.protocol !== undefined ? { protocol: r.protocol } : {}),
    ...(r.notProtocol !== undefined ? { notProtocol: r.notProtocol } : {}),
    ...(r.icmp ? { icmp: r.icmp } : {}),
    ...(r.notICMP ? { notICMP: r.notICMP } : {}),
    source: finalizeEntity(r.source, ns),
    destination: finalizeEntity(r.destination, ns),
    ipv4: r.ipv4,
    ...(r.http ? { http: r.http } : {}),
    origin: r.origin,
  };
}

function finalizeEntity(e: DraftEntity, ns: string | undefined): EntityMatch {
  const sa = e.serviceAccounts ? serviceAccountSelector(e.serviceAccounts.names, e.serviceAccounts.selector) : '';
  const text = endpointSelectorText(e.namespaceSelector ?? '', e.selector ?? '', sa, e.notSelector ?? '', ns);
  const selector: Selector | undefined = text !== '' ? parseSelector(text) : undefined;
  const notSelector = e.notSelector ? parseSelector(e.notSelector) : undefined;
  return {
    ...(e.nets ? { nets: e.nets } : {}),
    ...(e.notNets ? { notNets: e.notNets } : {}),
    ...(selector ? { selector } : {}),
    ...(notSelector ? { notSelector } : {}),
    ...(e.ports ? { ports: e.ports } : {}),
    ...(e.notPorts ? { notPorts: e.notPorts } : {}),
    ...(e.services ? { services: e.services } : {}),
    original: {
      ...(e.selector ? { selector: e.selector } : {}),
      ...(e.notSelector ? { notSelector: e.notSelector } : {}),
      ...(e.namespaceSelector ? { namespaceSelector: e.namespaceSelector } : {}),
      ...(e.serviceAccounts ? { serviceAccounts: e.serviceAccounts } : {}),
    },
  };
}
