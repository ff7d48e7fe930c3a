// finalizeRule fills optional fields one by one: the rules equal, key order included (outputs show it), those
// of the spread form it replaced (kept below as the reference) on every rule of generated policies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../../../src/lib/selector/parse.js';
import type { Selector } from '../../../../src/lib/selector/types.js';
import { draftPolicyManifest } from '../../../../src/model/policy/convert/draft-policy-manifest.js';
import type { DraftEntity, DraftRule } from '../../../../src/model/policy/convert/draft.js';
import { finalizeRule } from '../../../../src/model/policy/convert/finalize-policy.js';
import { endpointSelectorText, serviceAccountSelector } from '../../../../src/model/policy/convert/rewrite-selector.js';
import type { EntityMatch, Rule } from '../../../../src/model/policy/types.js';
import { policyManifestArb } from '../../../arbitraries/policy-manifest.js';
import { toManifest } from '../../../arbitraries/to-manifest.js';

/** Finalises one rule at `index` of its list; `ns` is the policy's namespace (undefined for global). */
function referenceFinalizeRule(r: DraftRule, index: number, ns: string | undefined): Rule {
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

/** Selectors as their canonical text (functions are not data). */
function text(r: Rule): string {
  return JSON.stringify(r, (_, v: unknown) => (typeof v === 'object' && v !== null && 'ast' in v && 'matches' in v ? String(v) : v));
}

describe('finalizeRule', () => {
  it('equals the spread form, key order included', () => {
    let rules = 0;
    fc.assert(
      fc.property(policyManifestArb('p', ['security']), (body) => {
        const draft = draftPolicyManifest({ manifest: toManifest(body), diagnostics: [] });
        if (!draft) return;
        [...draft.ingress, ...draft.egress].forEach((r, i) => {
          rules++;
          expect(text(finalizeRule(r, i, draft.namespace))).toBe(text(referenceFinalizeRule(r, i, draft.namespace)));
        });
      }),
      { numRuns: 300, seed: 777 },
    );
    expect(rules).toBeGreaterThan(300);
  });
});
