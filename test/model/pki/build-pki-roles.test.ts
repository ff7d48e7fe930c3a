// The Vault roles are grouped in one pass (a list per component, names gathered into one set) instead of
// copying each component's list per certificate: the roles equal the former grouping's (kept below as the
// reference) on random clusters, layouts and added certificates with SANs and organisations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPkiOf, DEFAULT_PKI } from '../../../src/model/pki/build-pki.js';
import type { CertModel, VaultRole } from '../../../src/model/pki/types.js';
import type { PkiCertificateSpec } from '../../../src/scenario/types.js';

/** The former rolesOf. */
function referenceRoles(certs: readonly CertModel[], domain: string): VaultRole[] {
  const byComponent = new Map<string, CertModel[]>();
  for (const c of certs) if (c.issuer !== 'self-signed') byComponent.set(c.component, [...(byComponent.get(c.component) ?? []), c]);
  return [...byComponent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, cs]) => ({
      name,
      allowedDomains: [...new Set([domain, ...cs.flatMap((c) => [c.commonName, ...c.sans])])].sort(),
      organisation: [...new Set(cs.flatMap((c) => c.organisation))].sort(),
      maxTtl: Math.max(...cs.map((c) => c.ttl)),
      serverFlag: cs.some((c) => c.usages.includes('server auth')),
      clientFlag: cs.some((c) => c.usages.includes('client auth')),
    }));
}

const src = { file: 't.yaml', line: 1, col: 1 };
const word = fc.constantFrom('a', 'b', 'api', 'api.k8s.t0.internal', 'x.example.com', 'shop', 'system:masters', 'Z');
const certArb = fc.record({
  name: fc.constantFrom('api', 'worker-n0', 'extra', 'extra2', 'typha-server', 'prometheus'),
  component: fc.constantFrom('api', 'worker', 'admin', 'typha-server', 'prometheus', 'etcd'),
  sans: fc.option(fc.array(word, { maxLength: 4 }), { nil: undefined }),
  organisation: fc.option(fc.array(word, { maxLength: 3 }), { nil: undefined }),
  issuer: fc.option(fc.constantFrom('cert-operator', 'kubeadm', 'cert-manager'), { nil: undefined }),
  ttl: fc.option(fc.integer({ min: 1, max: 10 ** 9 }), { nil: undefined }),
});

describe('buildPkiOf roles', () => {
  it('equal the former grouping on random clusters, layouts and added certificates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ nodes: fc.integer({ min: 0, max: 6 }), hosts: fc.array(word, { maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('giantswarm', 'kubeadm') as fc.Arbitrary<'giantswarm' | 'kubeadm'>,
        fc.array(certArb, { maxLength: 6 }),
        (clusters, layout, extra) => {
          const certificates: PkiCertificateSpec[] = extra.map((c) => ({
            name: c.name,
            component: c.component as PkiCertificateSpec['component'],
            ...(c.sans !== undefined ? { sans: c.sans } : {}),
            ...(c.organisation !== undefined ? { organisation: c.organisation } : {}),
            ...(c.issuer !== undefined ? { issuer: c.issuer } : {}),
            ...(c.ttl !== undefined ? { ttl: c.ttl } : {}),
            src,
          }));
          const inputs = clusters.map((c, ci) => ({
            name: `t${ci}`,
            nodes: Array.from({ length: c.nodes }, (_, i) => ({ id: ci * 10 + i, name: `n${i}`, ip: `10.0.${ci}.${i + 1}` })),
            hosts: [...new Set(c.hosts)].sort(),
          }));
          const pki = buildPkiOf({ ...DEFAULT_PKI, layout, certificates }, inputs);
          for (const c of pki.clusters) expect(c.roles).toEqual(referenceRoles(c.certs.map((i) => pki.certs[i]!), c.domain));
        },
      ),
      { numRuns: 200, seed: 2024 },
    );
  });
});
