import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-check-'));
const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');

/** The default scenario with a management-cluster rule that lets tenant acme into every tenant's VMs. */
function breachScenario(): { file: string; line: number } {
  const anchor = "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"projectcalico.org/name == 'ingress-nginx'\" }";
  expect(base).toContain(anchor);
  const text = base.replace(anchor, anchor.replace('          ingress:\n', "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"calisim.io/tenant == 'acme'\" }\n"));
  const file = join(dir, 'breach.yaml');
  writeFileSync(file, text);
  const line = text.split('\n').findIndex((l) => l.includes("calisim.io/tenant == 'acme'")) + 1;
  return { file, line: line - 1 };
}

describe('calisim check', () => {
  it('passes on the default scenario (exit 0)', () => {
    const r = runCli(['check', 'scenarios/giantnetes.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('calisim.check/v1');
    expect(report.summary.failed).toBe(0);
    expect(report.assertions.filter((a: { kind: string }) => a.kind === 'isolation')).toHaveLength(12);
    // Points: the initial state, after every event, and after each convergence window.
    expect(report.points[0]).toEqual({ at: 0, label: 'initial state' });
    expect(report.points.map((p: { at: number }) => p.at)).toContain(90_000);
  });

  it('fails (exit 1) on a management policy that opens the outer wall, naming the rule and its line', () => {
    const { file, line } = breachScenario();
    const r = runCli(['check', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const failed = report.assertions.filter((a: { status: string }) => a.status === 'fail').map((a: { id: string }) => a.id);
    expect(failed).toEqual(['isolation/acme->globex', 'isolation/acme->initech']);
    const cx = report.assertions.find((a: { id: string }) => a.id === 'isolation/acme->globex').counterexample;
    expect(cx.layer).toBe('outer-wall');
    expect(cx.flow.from).toMatch(/^acme\//);
    expect(cx.flow.to).toMatch(/^globex\//);
    expect(cx.responsible.line).toBe(line);
    expect(cx.rules.find((x: { side: string }) => x.side === 'management-ingress')).toMatchObject({ action: 'allow', decided: 'rule', policy: 'GlobalNetworkPolicy tenant-vm-wall', ruleIndex: 0 });
  });

  it('writes JUnit with a failing test case and SARIF pointing at the file and line', () => {
    const { file, line } = breachScenario();
    const junit = runCli(['check', file, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/<testcase [^>]*name="isolation\/acme-&gt;globex/);
    expect(junit.stdout).toMatch(/<failure /);
    const sarif = JSON.parse(runCli(['check', file, '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    const loc = sarif.runs[0].results[0].locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toMatch(/breach\.yaml$/);
    expect(loc.region.startLine).toBe(line);
  });

  it('fails on an external BGP peer that leaks the pool of another tenant into a tenant, pointing at the peer', () => {
    const pools = "      ipPools: [{ name: acme-pods, cidr: 10.10.0.0/16, blockSize: 26, ipipMode: Always, natOutgoing: true }]";
    expect(base).toContain(pools);
    const text = base.replace(pools, `${pools}\n      peers:\n        - { name: tor-1, peerIP: 172.16.0.250, asNumber: 65010, announce: [{ prefix: 10.20.0.0/16, asPath: [65010] }] }`);
    const file = join(dir, 'leak.yaml');
    writeFileSync(file, text);
    const r = runCli(['check', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const failed = report.assertions.filter((a: { status: string }) => a.status === 'fail');
    expect(failed.map((a: { id: string }) => a.id)).toEqual(['route-leak/globex->acme']);
    const line = text.split('\n').findIndex((l) => l.includes('name: tor-1')) + 1;
    expect(failed[0].counterexample.responsible).toMatchObject({ line });
    expect(failed[0].detail).toMatch(/10\.20\.0\.0\/16 .*from acme\/tor-1/);
  });

  it('reports exposure: the declared entry points pass, an extra NodePort Service on the management cluster fails', () => {
    const ok = JSON.parse(runCli(['check', 'scenarios/giantnetes.yaml', '--format', 'json']).stdout);
    const exposure = ok.assertions.find((a: { id: string }) => a.id === 'exposure');
    expect(exposure.status).toBe('pass');
    expect(exposure.detail).toMatch(/f5-a VIP 203\.0\.113\.10:443/);
    expect(exposure.detail).toMatch(/acme: acme\.example\.com\/ → shop\/frontend:8080 reachable/);
    const anchor = '    namespaces:\n      - { name: ingress-nginx';
    expect(base).toContain(anchor);
    const text = base.replace(anchor, '    services:\n      - { name: debug, namespace: ingress-nginx, type: NodePort, selector: { app: debug }, ports: [{ port: 8000, nodePort: 31000 }] }\n' + anchor);
    const file = join(dir, 'exposed.yaml');
    writeFileSync(file, text);
    const r = runCli(['check', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const bad = JSON.parse(r.stdout).assertions.find((a: { id: string }) => a.id === 'exposure');
    expect(bad.status).toBe('fail');
    expect(bad.detail).toMatch(/undeclared: Service ingress-nginx\/debug \(NodePort 31000\)/);
  });

  it('exits 3 with --fail-on-unknown when an expectation cannot be decided', () => {
    const text = base.replace('  reach:\n', "  reach:\n    - { from: { tenant: acme, namespace: shop, selector: \"app == 'nothing'\" }, to: { tenant: acme, namespace: data, workload: db }, protocol: TCP, port: 5432, expect: deny }\n");
    const file = join(dir, 'unknown.yaml');
    writeFileSync(file, text);
    expect(runCli(['check', file, '--format', 'json']).code).toBe(0);
    expect(runCli(['check', file, '--format', 'json', '--fail-on-unknown']).code).toBe(3);
  });
});
