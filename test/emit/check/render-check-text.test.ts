// The human rendering of a check report: the whole text of a known report (pass, failure with a full
// counterexample, unknown), multi-line details kept indented, and byte-identical output.
import { describe, expect, it } from 'vitest';
import { renderCheckText } from '../../../src/emit/check/render-check-text.js';
import { checkReport, failed, passed } from './sample-reports.js';

const EXPECTED = `calisim check: scenario shop (seed 42), 3 timeline points evaluated

PASS     isolation/acme->globex: acme cannot reach globex
FAIL     reach/2: shop frontend reaches backend on 8080  t=1m30s
           denied after policy default.deny-all is applied
           written at: scenarios/shop.yaml:41:7
           counterexample at t=1m30s
           flow: acme/shop/frontend-6d9f (10.10.1.5) → acme/shop/backend-7c4b (10.10.2.7) TCP 8080
           layer: inner-wall
           trace:
             1. frontend-6d9f eth0 → cali1234 on node acme-w1
             2. acme-w1 → acme-w2 VXLAN 10.0.0.11 → 10.0.0.12
             3. cali5678 ingress: dropped by policy
           deciding rules:
             egress in acme: allow — no policy selects it, profile decides
             ingress in acme: deny — end of tier default, no rule matched (last policy GlobalNetworkPolicy default.deny-all) at policies/deny-all.yaml:3
           responsible: policies/deny-all.yaml:3:1 (GlobalNetworkPolicy default.deny-all)
UNKNOWN  bgp-convergence/globex: globex converges within 30s  t=2m0.5s
           route reflector rr-1 has no address yet

3 assertions: 1 passed, 1 failed, 1 unknown.
`;

describe('renderCheckText', () => {
  it('renders a known report exactly', () => {
    expect(renderCheckText(checkReport())).toBe(EXPECTED);
  });

  it('names the deciding rule by tier, policy and rule index', () => {
    const cx = failed.counterexample;
    if (cx === undefined) throw new Error('fixture');
    const rule = { side: 'egress', cluster: 'acme', action: 'deny', decided: 'rule', tier: 'security', policy: 'GlobalNetworkPolicy security.block', ruleIndex: 2, file: 'p/block.yaml', line: 17 } as const;
    const text = renderCheckText(checkReport([{ ...failed, counterexample: { ...cx, rules: [rule] } }]));
    expect(text).toContain('egress in acme: deny — rule 2 of GlobalNetworkPolicy security.block in tier security at p/block.yaml:17');
  });

  it('keeps multi-line details under their assertion and counts singular/plural', () => {
    const text = renderCheckText(checkReport([{ ...failed, detail: 'first\nsecond', counterexample: undefined }]));
    expect(text).toContain('           first\n           second\n');
    expect(text).toContain('1 assertion: 0 passed, 1 failed, 0 unknown.');
    expect(renderCheckText(checkReport([passed]))).toContain('PASS     isolation/acme->globex: acme cannot reach globex\n\n1 assertion: 1 passed');
    expect(renderCheckText(checkReport([]))).toContain('(no assertions)');
  });

  it('is deterministic', () => {
    expect(renderCheckText(checkReport())).toBe(renderCheckText(checkReport()));
  });
});
