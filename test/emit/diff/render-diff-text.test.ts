// Diff as text: sections in fixed order, grouping cluster → namespace → workload → port (ports by
// number), deciding rules before and after on both sides, the staged flag, onlyChanged, and output
// independent of the order of the changes (property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiffMarkdown } from '../../../src/emit/diff/render-diff-markdown.js';
import { renderDiffText } from '../../../src/emit/diff/render-diff-text.js';
import { diffReport } from '../check/sample-reports.js';
import { withPorts } from './with-ports.js';

describe('renderDiffText', () => {
  const text = renderDiffText(diffReport());

  it('orders sections and groups by cluster, namespace, workload and port', () => {
    const heads = text.split('\n').filter((l) => /^\S/.test(l));
    expect(heads).toEqual([
      'calisim diff: scenarios/shop.yaml → scenarios/shop-next.yaml',
      '2 newly allowed, 1 newly denied, 1 changed to unknown, 1 changed from unknown.',
      'Newly allowed (2)',
      'Newly denied (1)',
      'Changed to unknown (1)',
      'Changed from unknown (1)',
    ]);
    expect(text).toContain(
      [
        'Newly allowed (2)',
        '  cluster acme',
        '    namespace shop',
        '      backend[Deployment]',
        '        TCP 443',
        '          from shop/frontend[Deployment]: deny → allow (staged: would change if enforced)',
      ].join('\n'),
    );
    const all = renderDiffText(withPorts());
    const denied = all.slice(all.indexOf('Newly denied'), all.indexOf('Changed to unknown'));
    expect(denied.split('\n').filter((l) => /^ {8}\S/.test(l))).toEqual(['        TCP 80', '        TCP 443', '        TCP 8080', '        TCP 9000-9100']);
  });

  it('shows the deciding rules before and after on both sides', () => {
    expect(text).toContain(
      [
        '          from shop/frontend[Deployment]: allow → deny',
        '            egress',
        '              before: allow — no policy selects it, profile decides',
        '              after:  allow — no policy selects it, profile decides',
        '            ingress',
        '              before: allow — no policy selects it, profile decides',
        '              after:  deny — end of tier default, no rule matched (last policy GlobalNetworkPolicy default.deny-all) at policies/deny-all.yaml:3',
      ].join('\n'),
    );
    expect(text).toContain('before: management-ingress: deny — rule 2 of GlobalNetworkPolicy wall.tenants in tier outer-wall in cluster mgmt at mgmt/wall.yaml:20');
  });

  it('onlyChanged leaves out the sides whose deciding rule did not change', () => {
    const only = renderDiffText(diffReport(), { onlyChanged: true });
    const denied = only.slice(only.indexOf('Newly denied'), only.indexOf('Changed to unknown'));
    expect(denied).not.toContain('egress');
    expect(denied).toContain('ingress');
    expect(only).toContain('from shop/frontend[Deployment]: unknown → allow\n            egress\n');
  });

  it('says so when nothing changes', () => {
    const empty = { ...diffReport(), changes: [], summary: { newlyAllowed: 0, newlyDenied: 0, toUnknown: 0, fromUnknown: 0 } };
    expect(renderDiffText(empty)).toContain('\nNo connection changes its verdict.\n');
    expect(renderDiffMarkdown(empty)).toContain('\nNo connection changes its verdict.\n');
  });

  it('text and markdown do not depend on the order of the changes', () => {
    const d = withPorts();
    const text0 = renderDiffText(d);
    const md0 = renderDiffMarkdown(d);
    fc.assert(
      fc.property(fc.shuffledSubarray([...d.changes], { minLength: d.changes.length }), (changes) => {
        expect(renderDiffText({ ...d, changes })).toBe(text0);
        expect(renderDiffMarkdown({ ...d, changes })).toBe(md0);
      }),
      { numRuns: 50 },
    );
  });
});
