import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = 'test/fixtures/reach/cluster';

function probeFile(probes: unknown): string {
  const f = join(mkdtempSync(join(tmpdir(), 'calisim-probes-')), 'probes.json');
  writeFileSync(f, JSON.stringify(probes));
  return f;
}

describe('calisim reach', () => {
  it('answers probes in order with the exact JSON shape and explanations', () => {
    const probes = [
      { from: 'web/frontend', to: 'db/postgres', protocol: 'TCP', port: 5432 },
      { from: 'web/frontend', to: 'db/postgres', protocol: 'TCP', port: 5433 },
      { from: '198.51.100.7', to: 'db/postgres', protocol: 'TCP', port: 5432 },
      { from: 'db/postgres', to: 'web/frontend', protocol: 'UDP', port: 53 },
    ];
    const r = runCli(['reach', dir, '--probes', probeFile(probes), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { verdict: string }) => x.verdict)).toEqual(['allow', 'deny', 'deny', 'allow']);
    for (const [i, x] of out.entries()) {
      expect(Object.keys(x)).toEqual(['from', 'to', 'protocol', 'port', 'verdict', 'egress', 'ingress']);
      expect([x.from, x.to, x.protocol, x.port]).toEqual([probes[i]!.from, probes[i]!.to, probes[i]!.protocol, probes[i]!.port]);
    }
    // Allowed by the named port `pg` of from-web; the other port ends in the default tier's deny.
    expect(out[0].ingress).toMatchObject({ decided: 'rule', action: 'allow', tier: 'default', policy: { name: 'from-web', namespace: 'db' }, ruleIndex: 0 });
    expect(out[1].ingress).toMatchObject({ decided: 'end-of-tier', action: 'deny', tier: 'default' });
    // Traffic from outside the cluster has no egress side.
    expect(out[2].egress).toMatchObject({ decided: 'not-applicable' });
    expect(out[3].egress).toMatchObject({ decided: 'no-policy', action: 'allow' });
  });

  it('explains one query in words', () => {
    const r = runCli(['reach', dir, '--from', 'web/frontend', '--to', 'db/postgres', '--port', '5432', '--protocol', 'TCP']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/web\/frontend → db\/postgres TCP 5432: ALLOW/);
    expect(r.stdout).toMatch(/from-web/);
  });

  it('prints a connlist in netpol-analyzer layout', () => {
    const r = runCli(['reach', dir, '--format', 'connlist']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('web/frontend[Pod] => db/postgres[Pod] : TCP 5432');
    // Self-connections are left out, as netpol-analyzer does.
    expect(r.stdout).not.toMatch(/web\/frontend\[Pod\] => web\/frontend\[Pod\]/);
    expect(r.stdout).not.toMatch(/db\/postgres\[Pod\] => db\/postgres\[Pod\]/);
  });

  it('answers --from/--to (judged by the reference evaluator) as the same probes in a file (the compiled policies)', () => {
    const queries = [
      ['acme/shop/frontend-0', 'globex/shop/api-0', '9000'],
      ['acme/shop/frontend-0', 'acme/svc/shop/api', '80'],
      ['mgmt/ingress-nginx/ingress-nginx-0', 'acme/shop/frontend-1', '8080'],
      ['acme/shop/api-0', 'acme/data/db-0', '5432'],
      ['acme/shop/frontend-0', '10.0.0.11', '443'],
    ] as const;
    const verdicts: string[] = [];
    for (const [from, to, port] of queries) {
      const one = runCli(['reach', 'scenarios/giantnetes.yaml', '--from', from, '--to', to, '--port', port, '--format', 'json']);
      expect(one.code).toBe(0);
      const answers = JSON.parse(one.stdout) as { from: string; to: string; protocol: string; port: number; verdict: string }[];
      const probes = answers.map((a) => ({ from: a.from, to: a.to, protocol: a.protocol, port: a.port }));
      const filed = runCli(['reach', 'scenarios/giantnetes.yaml', '--probes', probeFile(probes), '--format', 'json']);
      expect(filed.stdout).toBe(one.stdout);
      verdicts.push(...answers.map((a) => a.verdict));
    }
    expect(verdicts).toEqual(['deny', 'deny', 'allow', 'allow', 'allow']);
  });

  it('reports bad probes with their index and field (exit 2)', () => {
    const r = runCli(['reach', dir, '--probes', probeFile([{ from: 'web/frontend', to: 'db/nope', protocol: 'TCP', port: 70000 }]), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[0\]\.to: .*no pod db\/nope/);
    expect(r.stderr).toMatch(/\[0\]\.port/);
  });

  it("refuses what the mode would drop: a query's options with the matrix, --port with the connlist, the query's with --probes", () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(args);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    refused(['reach', dir, '--matrix', '--from', 'a', '--to', 'b'], /^calisim: --from, --to: the matrix and the connlist answer for every pair of workloads; they do not apply/);
    refused(['reach', dir, '--matrix', '--protocol', 'UDP'], /^calisim: --protocol: a matrix without --port is of every protocol and port/);
    refused(['reach', dir, '--format', 'connlist', '--port', '80'], /^calisim: --port: the connlist lists every protocol and port; it does not apply/);
    refused(['reach', dir, '--format', 'connlist', '--matrix'], /^calisim: --matrix: --format connlist prints the connlist, not the matrix/);
    refused(['reach', dir, '--from', 'a', '--to', 'b', '--format', 'csv'], /^calisim: --format csv is for --matrix/);
    refused(['reach', dir, '--probes', probeFile([]), '--port', '80'], /^calisim: --port: each probe of --probes FILE carries its own ends, protocol and port; it does not apply/);
    refused(['reach', dir, '--matrix', '-o', 'json', '--format', 'csv'], /^calisim: -o json and --format csv: give one/);
    // Valid: the matrix of one port with its protocol, the connlist, the default protocol everywhere.
    const udp = runCli(['reach', dir, '--matrix', '--port', '53', '--protocol', 'UDP', '-o', 'json']);
    expect(udp.code).toBe(0);
    expect(JSON.parse(udp.stdout)).toMatchObject({ protocol: 'UDP', port: 53 });
    expect(runCli(['reach', dir, '--format', 'connlist']).code).toBe(0);
    expect(runCli(['reach', dir, '--probes', probeFile([]), '--format', 'json'])).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});
