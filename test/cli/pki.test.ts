import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('calisim pki', () => {
  it("lists the default scenario's certificates per cluster, as text and as documented JSON", () => {
    const text = runCli(['pki', 'scenarios/giantnetes.yaml', '--cluster', 'acme']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('acme: Vault mount pki-acme, layout giantswarm');
    expect(text.stdout).toMatch(/typha-server {2}VALID/);
    const json = runCli(['pki', 'scenarios/giantnetes.yaml', '--format', 'json']);
    const l = JSON.parse(json.stdout);
    expect(l.schema).toBe('calisim.pki/v1');
    expect(l.clusters.map((c: { name: string }) => c.name)).toEqual(['mgmt', 'acme', 'globex', 'initech', 'umbrella']);
    const acme = l.clusters[1];
    const worker = acme.certificates.find((c: { name: string }) => c.name === 'worker-acme-1');
    expect(worker).toMatchObject({ component: 'worker', node: 'acme-1', subject: { organisation: ['system:nodes'] }, issuer: { kind: 'cert-operator', ca: 'pki-acme' }, notBefore: 0, notAfter: 720 * 3_600_000, nextRenewal: 24 * 3_600_000, status: 'valid' });
    expect(acme.certificates.find((c: { name: string }) => c.name === 'ingress-tls-acme.example.com')).toMatchObject({ issuer: { kind: 'cert-manager' }, sans: ['acme.example.com'] });
  });

  it('shows a certificate expired at --at, and rejects an unknown cluster with exit 2', () => {
    const l = JSON.parse(runCli(['pki', 'scenarios/pki/typha-expiry.yaml', '--cluster', 'acme', '--at', '3h', '--format', 'json']).stdout);
    expect(l.clusters[0].certificates.find((c: { name: string }) => c.name === 'typha-server')).toMatchObject({ status: 'expired', notAfter: 7_200_000, nextRenewal: null });
    expect(l.consequences.map((e: { kind: string; node: string }) => `${e.kind} ${e.node}`)).toContain('felix-disconnected acme/acme-2');
    const bad = runCli(['pki', 'scenarios/giantnetes.yaml', '--cluster', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cluster nope: no such cluster');
  });

  it('the Typha variant fails check with the verdict and, after the node restart, trace shows its pods without network', () => {
    const check = runCli(['check', 'scenarios/pki/typha-expiry.yaml', '--format', 'json']);
    expect(check.code).toBe(1);
    const a = JSON.parse(check.stdout).assertions.find((x: { id: string }) => x.id === 'certificates/expires-before-renewal');
    expect(a).toMatchObject({ status: 'fail', failedAt: 7_200_000, src: { file: expect.stringContaining('typha-expiry.yaml'), line: 17 } });
    const trace = runCli(['trace', 'scenarios/pki/typha-expiry.yaml', '--from', 'acme/shop/web-acme-2', '--to', 'acme/shop/web-acme-1', '--port', '8080', '--at', '3h30m', '--format', 'json']);
    expect(JSON.parse(trace.stdout)).toMatchObject({ disposition: 'dropped', dropReason: 'no-dataplane' });
  });

  it('the CA rotation without overlap fails check with the window', () => {
    const check = runCli(['check', 'scenarios/pki/ca-no-overlap.yaml', '--format', 'json']);
    expect(check.code).toBe(1);
    const a = JSON.parse(check.stdout).assertions.find((x: { id: string }) => x.id === 'certificates/ca-rotation-overlap');
    expect(a.status).toBe('fail');
    expect(a.detail).toContain('from t=1h0m0s to t=1h1m0s');
  });
});
