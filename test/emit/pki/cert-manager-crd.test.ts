// Validates the emitted cert-manager objects against the real CRD schemas in ../shared/reference/cert-manager/crds
// (cert-manager.io/v1 Issuer and Certificate), and the Vault script's shell syntax. Runs whenever CI is set;
// without CI it skips when the folder is absent.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPki } from '../../../src/model/pki/build-pki.js';
import { certManagerObjects } from '../../../src/emit/pki/render-cert-manager.js';
import { renderVaultConfig } from '../../../src/emit/pki/render-vault-config.js';
import { pkiModel } from '../../model/pki/pki-scenario.js';
import { checkOpenApi } from '../calico/openapi-check.js';
import { crdSchema, referenceCrds } from '../reference-crds.js';

const { dir: CRDS, enabled } = referenceCrds('cert-manager', 'cert-manager-crd');

const FILES: Readonly<Record<string, string>> = { Issuer: 'cert-manager.io_issuers.yaml', Certificate: 'cert-manager.io_certificates.yaml' };

function schemaOf(kind: string): Record<string, unknown> {
  return crdSchema(resolve(CRDS, FILES[kind]!), 'v1');
}

function objectsOf(pki: readonly string[]) {
  const p = buildPki(pkiModel(pki));
  return p.clusters.flatMap((c) => certManagerObjects(c, p.certs, (host) => (host === 'shop.example.com' ? 'shop' : undefined)));
}

describe.skipIf(!enabled)('emitted cert-manager objects', () => {
  it('validate against the cert-manager.io/v1 CRDs (Giant Swarm and kubeadm layouts)', () => {
    for (const layout of [[], ['layout: kubeadm', 'issuer: cert-manager']]) {
      const objects = objectsOf(layout);
      expect(objects.filter((o) => o['kind'] === 'Issuer').length).toBeGreaterThan(1);
      expect(objects.filter((o) => o['kind'] === 'Certificate').length).toBeGreaterThan(20);
      for (const o of objects) expect(checkOpenApi(schemaOf(o['kind'] as string), o), `${o['kind']} ${JSON.stringify(o['metadata'])}`).toEqual([]);
    }
  });

  it('would catch a malformed object (an unknown usage, a missing issuerRef)', () => {
    const [cert] = objectsOf([]).filter((o) => o['kind'] === 'Certificate');
    const spec = cert!['spec'] as Record<string, unknown>;
    expect(checkOpenApi(schemaOf('Certificate'), { ...cert, spec: { ...spec, usages: ['server-auth'] } }).length).toBeGreaterThan(0);
    const { issuerRef: _drop, ...rest } = spec;
    expect(checkOpenApi(schemaOf('Certificate'), { ...cert, spec: rest }).length).toBeGreaterThan(0);
  });
});

describe('emitted Vault configuration and Certificates', () => {
  it('mounts pki-<cluster>, generates the root CA with its TTL, writes a role per component, and parses as sh', () => {
    const p = buildPki(pkiModel(['caTTL: 87600h']));
    const acme = p.clusters.find((c) => c.name === 'acme')!;
    const script = renderVaultConfig(acme, p.certs, ['kube-system', 'shop']);
    expect(script).toContain('vault secrets enable -path=pki-acme pki');
    expect(script).toContain("vault write -field=certificate pki-acme/root/generate/internal common_name='acme CA' ttl=87600h0m0s");
    expect(script).toMatch(/vault write pki-acme\/roles\/worker .*organization='system:nodes'/);
    expect(script).toContain('bound_service_account_namespaces=kube-system,shop');
    expect(spawnSync('sh', ['-n'], { input: script }).status).toBe(0);
  });

  it('gives each Certificate its duration and the renewal its issuer applies', () => {
    const objects = objectsOf(['certTTL: 2160h', 'rotationPeriod: 10000h']);
    const spec = (name: string) => objects.find((o) => (o['metadata'] as { name: string }).name === name)!['spec'] as Record<string, unknown>;
    // cert-manager renews Typha's a third of 2160h before expiry.
    expect(spec('acme-typha-server')).toMatchObject({ duration: '2160h0m0s', renewBefore: '720h0m0s', usages: ['digital signature', 'key encipherment', 'server auth'] });
    // cert-operator's own would renew only on the 10000h rotation, after expiry: no Certificate reproduces that.
    expect(objects.some((o) => (o['metadata'] as { name: string }).name === 'acme-api')).toBe(false);
    expect(spec('acme-ingress-tls-shop.example.com')).toMatchObject({ dnsNames: ['shop.example.com'], issuerRef: { name: 'vault-acme', kind: 'Issuer', group: 'cert-manager.io' } });
  });
});
