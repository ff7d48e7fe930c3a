import { describe, expect, it } from 'vitest';
import { buildPki } from '../../../src/model/pki/build-pki.js';
import { renewalRule } from '../../../src/model/pki/renewal-rule.js';
import { pkiModel } from './pki-scenario.js';

const H = 3_600_000;

describe('buildPki', () => {
  it('gives every cluster a Vault mount, its root CA TTL and the Giant Swarm inventory with Calico and ingress certificates', () => {
    const pki = buildPki(pkiModel(['caTTL: 87600h']));
    const acme = pki.clusters.find((c) => c.name === 'acme')!;
    expect(acme.mount).toBe('pki-acme');
    expect(acme.caTTL).toBe(87_600 * H);
    const names = acme.certs.map((i) => pki.certs[i]!.name);
    for (const n of ['api', 'internal-api', 'etcd', 'etcd1', 'etcd2', 'etcd3', 'service-account', 'worker-acme-1', 'worker-acme-3', 'calico-etcd-client', 'flanneld-etcd-client', 'node-operator', 'prometheus', 'typha-server', 'felix-client', 'calico-kube-controllers', 'ingress-tls-shop.example.com'])
      expect(names).toContain(n);
    expect(acme.etcdMode).toBe(true);
    expect(acme.roles.map((r) => r.name)).toContain('worker');
  });

  it('lays out kubeadm: one-year leaves renewed only on upgrade, kubelet client rotation, no system:masters but the super-admin', () => {
    const pki = buildPki(pkiModel(['layout: kubeadm', 'certTTL: 8760h']));
    const acme = pki.clusters.find((c) => c.name === 'acme')!;
    const certs = acme.certs.map((i) => pki.certs[i]!);
    const by = (n: string) => certs.find((c) => c.name === n)!;
    expect(by('apiserver').renewOnUpgrade).toBe(true);
    expect(by('apiserver').renewAfter).toBeUndefined();
    expect(by('kubelet-client-acme-2').renewFraction).toEqual([0.7, 0.9]);
    expect(certs.filter((c) => c.organisation.includes('system:masters')).map((c) => c.name)).toEqual(['super-admin']);
    expect(acme.etcdMode).toBe(false);
  });

  it('applies overrides by name and adds new certificates', () => {
    const pki = buildPki(pkiModel(['certificates:', '  - { name: typha-server, cluster: acme, component: typha-server, issuer: kubeadm, ttl: 2h }', '  - { name: extra, cluster: acme, component: admin, organisation: [system:masters] }']));
    const acme = pki.clusters.find((c) => c.name === 'acme')!.certs.map((i) => pki.certs[i]!);
    const typha = acme.find((c) => c.name === 'typha-server')!;
    expect([typha.issuer, typha.ttl, typha.renewOnUpgrade]).toEqual(['kubeadm', 2 * H, true]);
    expect(typha.src.line).toBeGreaterThan(1);
    expect(acme.find((c) => c.name === 'extra')!.organisation).toEqual(['system:masters']);
  });
});

describe('renewalRule', () => {
  it('cert-operator: TTL minus threshold (2160h by default), capped by the rotation period; never the service account', () => {
    expect(renewalRule({ issuer: 'cert-operator', component: 'api', ttl: 8760 * H, rotationPeriod: 10_000 * H }).renewAfter).toBe(6600 * H);
    expect(renewalRule({ issuer: 'cert-operator', component: 'api', ttl: 8760 * H, before: 24 * H, rotationPeriod: 720 * H }).renewAfter).toBe(720 * H);
    expect(renewalRule({ issuer: 'cert-operator', component: 'service-account', ttl: 8760 * H, rotationPeriod: 720 * H }).renewAfter).toBeUndefined();
  });

  it('cert-manager: two thirds of the duration, or renewBefore', () => {
    expect(renewalRule({ issuer: 'cert-manager', component: 'ingress-tls', ttl: 2160 * H, rotationPeriod: 1 }).renewAfter).toBe(1440 * H);
    expect(renewalRule({ issuer: 'cert-manager', component: 'ingress-tls', ttl: 2160 * H, before: 360 * H, rotationPeriod: 1 }).renewAfter).toBe(1800 * H);
  });
});
