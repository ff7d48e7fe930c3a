import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const cluster = 'test/fixtures/reach/cluster';

describe('calisim diff', () => {
  it('lists newly allowed ports with the rules responsible before and after', () => {
    const r = runCli(['diff', cluster, '--apply', 'test/fixtures/diff/open-db.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.schema).toBe('calisim.diff/v1');
    // 5432 was already allowed through the named port `pg`: only 6000-6010 is new.
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({
      from: { namespace: 'web', workload: 'frontend' },
      to: { namespace: 'db', workload: 'postgres' },
      protocol: 'TCP',
      ports: '6000-6010',
      change: 'newly-allowed',
      before: { verdict: 'deny', ingress: { decided: 'end-of-tier' } },
      after: { verdict: 'allow', ingress: { decided: 'rule', policy: 'KubernetesNetworkPolicy db/open-db' } },
    });
  });

  it('shows newly denied connections when a policy is deleted', () => {
    const r = runCli(['diff', cluster, '--delete', 'db/from-web', '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.changes.map((c: { change: string; ports: string }) => `${c.change} ${c.ports}`)).toEqual(['newly-denied 5432']);
  });

  it('shows staged policies as what they would change if enforced', () => {
    const r = runCli(['diff', cluster, '--apply', 'test/fixtures/diff/staged-deny.yaml', '--format', 'json']);
    const d = JSON.parse(r.stdout);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ change: 'newly-denied', ports: '5432', staged: true });
  });

  it('renders Markdown for a pull request and rejects contradictory arguments', () => {
    const md = runCli(['diff', cluster, '--apply', 'test/fixtures/diff/open-db.yaml', '--format', 'markdown']);
    expect(md.stdout).toMatch(/6000-6010/);
    expect(runCli(['diff', cluster, cluster, '--delete', 'x']).code).toBe(2);
    expect(runCli(['diff', cluster, '--delete', 'db/nothing']).code).toBe(2);
  });

  it('refuses an option the mode it runs in would drop, naming it', () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(['diff', ...args]);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    // With AFTER every cluster is compared: --cluster only picks the cluster --apply/--delete change.
    refused([cluster, cluster, '--cluster', 'nope'], /^calisim: --cluster: with AFTER, every cluster is compared/);
    // --routes compares Ingresses with HTTPRoutes as written: no policy change, no time, no connection text.
    refused([cluster, '--routes', '--at', '5m', '--apply', 'test/fixtures/diff/open-db.yaml'], /^calisim: --apply, --at: --routes compares the Ingresses with the HTTPRoutes as written; they do not apply/);
    refused([cluster, '--routes', '--format', 'markdown'], /--routes prints text, json or yaml/);
    // --only-changed shapes the text only.
    refused([cluster, '--apply', 'test/fixtures/diff/open-db.yaml', '--only-changed', '--format', 'json'], /--only-changed shapes the text output/);
    refused([cluster, '--apply', 'test/fixtures/diff/open-db.yaml', '--only-changed', '--format', 'markdown'], /--only-changed shapes the text output/);
    const text = runCli(['diff', cluster, '--apply', 'test/fixtures/diff/open-db.yaml', '--only-changed']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/6000-6010/);
  });
});
