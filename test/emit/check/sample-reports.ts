// Hand-built check and diff reports for the emitter tests: a pass, a failure with a full counterexample,
// an unknown; text full of characters every format must escape; a diff touching every section.
import type { AssertionResult, CheckReport, DiffReport } from '../../../src/verdict/check/types.js';
import { CHECK_SCHEMA, DIFF_SCHEMA } from '../../../src/verdict/check/types.js';

export const passed: AssertionResult = {
  id: 'isolation/acme->globex',
  kind: 'isolation',
  title: 'acme cannot reach globex',
  status: 'pass',
  detail: 'every cross-tenant flow is stopped',
};

export const failed: AssertionResult = {
  id: 'reach/2',
  kind: 'reach',
  title: 'shop frontend reaches backend on 8080',
  status: 'fail',
  failedAt: 90_000,
  src: { file: 'scenarios/shop.yaml', line: 41, col: 7 },
  detail: 'denied after policy default.deny-all is applied',
  counterexample: {
    at: 90_000,
    flow: { from: 'acme/shop/frontend-6d9f', to: 'acme/shop/backend-7c4b', protocol: 'TCP', port: 8080, srcIp: '10.10.1.5', dstIp: '10.10.2.7' },
    trace: ['frontend-6d9f eth0 → cali1234 on node acme-w1', 'acme-w1 → acme-w2 VXLAN 10.0.0.11 → 10.0.0.12', 'cali5678 ingress: dropped by policy'],
    rules: [
      { side: 'egress', cluster: 'acme', action: 'allow', decided: 'no-policy' },
      { side: 'ingress', cluster: 'acme', action: 'deny', decided: 'end-of-tier', tier: 'default', policy: 'GlobalNetworkPolicy default.deny-all', file: 'policies/deny-all.yaml', line: 3 },
    ],
    layer: 'inner-wall',
    responsible: { file: 'policies/deny-all.yaml', line: 3, col: 1, what: 'GlobalNetworkPolicy default.deny-all' },
  },
};

export const unknown: AssertionResult = {
  id: 'bgp-convergence/globex',
  kind: 'bgp-convergence',
  title: 'globex converges within 30s',
  status: 'unknown',
  failedAt: 120_500,
  detail: 'route reflector rr-1 has no address yet',
};

export function checkReport(assertions: readonly AssertionResult[] = [passed, failed, unknown]): CheckReport {
  return {
    schema: CHECK_SCHEMA,
    scenario: 'shop',
    seed: 42,
    points: [
      { at: 0, label: 'start' },
      { at: 90_000, label: 'apply policy default.deny-all' },
      { at: 120_500, label: 'node globex-w1 fails' },
    ],
    assertions,
    summary: {
      total: assertions.length,
      passed: assertions.filter((a) => a.status === 'pass').length,
      failed: assertions.filter((a) => a.status === 'fail').length,
      unknown: assertions.filter((a) => a.status === 'unknown').length,
    },
  };
}

/** Markup, quotes, Markdown punctuation, a backtick fence, CR/LF/tab and characters XML 1.0 forbids. */
export const NASTY = 'a<b & "c" \'d\' | *e* `f` ```g``` \u0001\u0008\u000B\u001F\uFFFE tab\there cr\rlf\nend \uD800 ]]> @team';

export function nastyReport(): CheckReport {
  const cx = failed.counterexample;
  if (cx === undefined) throw new Error('fixture');
  return checkReport([
    { ...passed, title: `pass ${NASTY}` },
    {
      ...failed,
      id: `reach/<${NASTY}>`,
      title: NASTY,
      detail: NASTY,
      src: { file: 'dir with space/ü<x>.yaml', line: 2, col: 3 },
      counterexample: { ...cx, trace: [NASTY], responsible: { file: 'sub\\dir\\#x.yaml', line: 9, col: 0, what: NASTY } },
    },
    { ...unknown, detail: NASTY },
  ]);
}

const rule = (side: 'egress' | 'ingress' | 'management-ingress', cluster: string, action: string, decided: string, extra: Partial<{ tier: string; policy: string; ruleIndex: number; file: string; line: number }> = {}) => ({
  side,
  cluster,
  action,
  decided,
  ...extra,
});

export function diffReport(): DiffReport {
  const fe = { namespace: 'shop', workload: 'frontend', kind: 'Deployment' };
  const be = { namespace: 'shop', workload: 'backend', kind: 'Deployment' };
  const db = { namespace: 'data', workload: 'db', kind: 'StatefulSet' };
  return {
    schema: DIFF_SCHEMA,
    before: 'scenarios/shop.yaml',
    after: 'scenarios/shop-next.yaml',
    changes: [
      {
        cluster: 'globex',
        from: { address: '203.0.113.0/24' },
        to: db,
        protocol: 'TCP',
        ports: '5432',
        change: 'to-unknown',
        before: { verdict: 'deny', ingress: rule('ingress', 'globex', 'deny', 'end-of-tier', { tier: 'default', file: 'p/db.yaml', line: 4 }) },
        after: { verdict: 'unknown', ingress: rule('ingress', 'globex', 'unknown', 'rule', { tier: 'default', policy: 'NetworkPolicy data/default.ext', ruleIndex: 0, file: 'p/ext.yaml', line: 8 }) },
      },
      {
        cluster: 'acme',
        from: fe,
        to: be,
        protocol: 'TCP',
        ports: '8080',
        change: 'newly-denied',
        before: { verdict: 'allow', egress: rule('egress', 'acme', 'allow', 'no-policy'), ingress: rule('ingress', 'acme', 'allow', 'no-policy') },
        after: { verdict: 'deny', egress: rule('egress', 'acme', 'allow', 'no-policy'), ingress: rule('ingress', 'acme', 'deny', 'end-of-tier', { tier: 'default', policy: 'GlobalNetworkPolicy default.deny-all', file: 'policies/deny-all.yaml', line: 3 }) },
      },
      {
        cluster: 'acme',
        from: fe,
        to: be,
        protocol: 'TCP',
        ports: '443',
        change: 'newly-allowed',
        staged: true,
        before: { verdict: 'deny', ingress: rule('ingress', 'acme', 'deny', 'end-of-tier', { tier: 'default', file: 'policies/deny-all.yaml', line: 3 }) },
        after: { verdict: 'allow', ingress: rule('ingress', 'acme', 'allow', 'rule', { tier: 'default', policy: 'StagedNetworkPolicy shop/default.allow-tls', ruleIndex: 1, file: 'policies/tls.yaml', line: 12 }) },
      },
      {
        cluster: 'acme',
        from: db,
        to: be,
        protocol: 'UDP',
        ports: 'all',
        change: 'newly-allowed',
        before: { verdict: 'deny', ingress: rule('management-ingress', 'mgmt', 'deny', 'rule', { tier: 'outer-wall', policy: 'GlobalNetworkPolicy wall.tenants', ruleIndex: 2, file: 'mgmt/wall.yaml', line: 20 }) },
        after: { verdict: 'allow', ingress: rule('management-ingress', 'mgmt', 'allow', 'profile', { policy: 'profile kns.data' }) },
      },
      {
        cluster: 'acme',
        from: fe,
        to: db,
        protocol: 'TCP',
        ports: '8000-8080',
        change: 'from-unknown',
        before: { verdict: 'unknown' },
        after: { verdict: 'allow', egress: rule('egress', 'acme', 'allow', 'rule', { tier: 'default', policy: 'NetworkPolicy shop/default.fe', ruleIndex: 0, file: 'p/fe.yaml', line: 2 }), ingress: rule('ingress', 'acme', 'allow', 'no-policy') },
      },
    ],
    summary: { newlyAllowed: 2, newlyDenied: 1, toUnknown: 1, fromUnknown: 1 },
  };
}
