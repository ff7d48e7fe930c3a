// Known answers from libcalico-go updateprocessors rules_test.go and (global)networkpolicyprocessor_test.go:
// the selector text Felix receives for policies and rule sides.
import { describe, expect, it } from 'vitest';
import { endpointSelectorText, serviceAccountSelector } from '../../../../src/model/policy/convert/rewrite-selector.js';
import { policySelectorText } from '../../../../src/model/policy/convert/finalize-policy.js';
import type { DraftPolicy } from '../../../../src/model/policy/convert/draft.js';

function gnp(selector: string, namespaceSelector = '', serviceAccountSelector = ''): DraftPolicy {
  return {
    kind: 'GlobalNetworkPolicy', name: 'p', tier: 'default', order: 1, selector, namespaceSelector, serviceAccountSelector,
    types: { ingress: true, egress: false }, ingress: [], egress: [], staged: false, preDNAT: false, doNotTrack: false,
    applyOnForward: false, src: { file: 'f', line: 1, col: 1 }, sourceKind: 'projectcalico.org/v3/GlobalNetworkPolicy',
  };
}

describe('rule side selectors (rules_test.go)', () => {
  it('namespaced policy: selector scoped, notSelector passed through, notSelector alone scopes the positive side', () => {
    expect(endpointSelectorText('', 'mylabel = value1', '', 'has(label1)', 'namespace2')).toBe("(projectcalico.org/namespace == 'namespace2') && (mylabel = value1)");
    expect(endpointSelectorText('', '', '', 'has(label2)', 'namespace2')).toBe("projectcalico.org/namespace == 'namespace2'");
  });
  it('namespaceSelector is prefixed and replaces the policy namespace', () => {
    expect(endpointSelectorText("namespacelabel1 == 'value1'", '', '', 'has(label2)', 'namespace2')).toBe('pcns.namespacelabel1 == "value1"');
    expect(endpointSelectorText("key == 'value'", "projectcalico.org/orchestrator == 'k8s'", '', '', 'namespace')).toBe(
      "(pcns.key == \"value\") && (projectcalico.org/orchestrator == 'k8s')",
    );
    expect(endpointSelectorText("!has(key) || (has(key) && !key in {'value'})", '', '', '', 'namespace')).toBe(
      '(!has(pcns.key) || (has(pcns.key) && !pcns.key in {"value"}))',
    );
  });
  it('all() and global() namespace selectors', () => {
    expect(endpointSelectorText('all()', "projectcalico.org/orchestrator == 'k8s'", '', '', 'default')).toBe(
      "(has(projectcalico.org/namespace)) && (projectcalico.org/orchestrator == 'k8s')",
    );
    expect(endpointSelectorText('global()', '', '', '', 'default')).toBe('!has(projectcalico.org/namespace)');
  });
  it('rules with only ports or nets are not namespace-scoped; profiles (no namespace) keep the selector', () => {
    expect(endpointSelectorText('', '', '', '', 'namespace')).toBe('');
    expect(endpointSelectorText('', 'has(foo)', '', '', undefined)).toBe('has(foo)');
  });
  it('service accounts', () => {
    const src = serviceAccountSelector(['sa1', 'sa2'], "key == 'value1'");
    expect(endpointSelectorText('', '', src, '', 'namespace')).toBe(
      "(projectcalico.org/namespace == 'namespace') && ((pcsa.key == \"value1\") && (projectcalico.org/serviceaccount in {\"sa1\", \"sa2\"}))",
    );
    const dst = serviceAccountSelector(['sa3'], "key == 'value2'");
    expect(endpointSelectorText("nskey == 'nsvalue'", '', dst, '', 'namespace')).toBe(
      '(pcns.nskey == "nsvalue") && ((pcsa.key == "value2") && (projectcalico.org/serviceaccount in {"sa3"}))',
    );
    expect(endpointSelectorText('', '', src, '', undefined)).toBe('(pcsa.key == "value1") && (projectcalico.org/serviceaccount in {"sa1", "sa2"})');
  });
});

describe('GlobalNetworkPolicy target selector (globalnetworkpolicyprocessor_test.go)', () => {
  const sel = "mylabel == 'selectme'";
  it.each([
    [gnp(sel, '', "role == 'development'"), `(mylabel == 'selectme') && pcsa.role == "development"`],
    [gnp(sel, '', 'all()'), `(mylabel == 'selectme') && has(projectcalico.org/serviceaccount)`],
    [gnp(sel, "name == 'testing'"), `(mylabel == 'selectme') && pcns.name == "testing"`],
    [gnp(sel, 'all()'), `(mylabel == 'selectme') && has(projectcalico.org/namespace)`],
    [gnp(sel, "name == 'testing'", "role == 'development'"), `((mylabel == 'selectme') && pcns.name == "testing") && pcsa.role == "development"`],
    [gnp('', '', "role == 'development'"), `pcsa.role == "development"`],
    [gnp('', "name == 'testing'"), `pcns.name == "testing"`],
    [gnp('', "name == 'testing'", "role == 'development'"), `(pcns.name == "testing") && pcsa.role == "development"`],
    [gnp("projectcalico.org/orchestrator == 'k8s'", 'all()'), "(projectcalico.org/orchestrator == 'k8s') && has(projectcalico.org/namespace)"],
  ])('%#', (d, expected) => {
    expect(policySelectorText(d)).toBe(expected);
  });
  it('NetworkPolicy: (selector) && namespace term', () => {
    const d: DraftPolicy = { ...gnp("projectcalico.org/orchestrator == 'k8s'"), kind: 'KubernetesNetworkPolicy', namespace: 'default' };
    expect(policySelectorText(d)).toBe("(projectcalico.org/orchestrator == 'k8s') && projectcalico.org/namespace == 'default'");
    expect(policySelectorText({ ...d, selector: '' })).toBe("projectcalico.org/namespace == 'default'");
  });
});
