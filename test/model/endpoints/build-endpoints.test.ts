// Calico labels of pods (workload_endpoint_default.go, NamespaceToProfile, ServiceAccountToProfile, label
// inheritance: own label wins), named endpoint ports, Service backends.
import { describe, expect, it } from 'vitest';
import { buildEndpoints } from '../../../src/model/endpoints/build-endpoints.js';
import { input, manifests, ns, pod, service } from '../../fixtures/policy/manifests.js';

describe('buildEndpoints', () => {
  const sa = manifests(`apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: prod, labels: {tier: backend}}\n`);
  const set = buildEndpoints(
    input({
      namespaces: [ns('prod', { team: 'a', 'pcns.clash': 'ns' })],
      pods: [
        pod('prod/api', { app: 'api', 'pcns.team': 'own' }, '10.0.0.1', {
          serviceAccount: 'api',
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { containerPort: 9090, protocol: 'TCP' },
            { containerPort: 53, protocol: 'UDP', hostPort: 53 },
          ],
        }),
        pod('dev/x', {}, undefined, { serviceAccount: 'a'.repeat(63) }),
      ],
      services: [service('prod/api', '10.96.0.1', { app: 'api' }, [{ port: 80, targetPort: 'http', protocol: 'TCP' }])],
      manifests: sa,
    }),
  );
  const [api, x] = set.endpoints;
  it('own labels, Calico labels, inherited pcns./pcsa. labels; the pod label wins', () => {
    expect(api?.labels).toEqual({
      app: 'api',
      'pcns.kubernetes.io/metadata.name': 'prod',
      'pcns.pcns.clash': 'ns',
      'pcns.projectcalico.org/name': 'prod',
      'pcns.team': 'own',
      'pcsa.projectcalico.org/name': 'api',
      'pcsa.tier': 'backend',
      'projectcalico.org/namespace': 'prod',
      'projectcalico.org/orchestrator': 'k8s',
      'projectcalico.org/serviceaccount': 'api',
    });
    expect(api?.profiles).toEqual(['kns.prod', 'ksa.prod.api']);
  });
  it('the serviceaccount label only for names shorter than 63 characters; referenced namespaces are undeclared', () => {
    expect(x?.labels['projectcalico.org/serviceaccount']).toBeUndefined();
    expect(x?.labels['pcsa.projectcalico.org/name']).toBe('a'.repeat(63));
    expect(x?.ip).toBeUndefined();
    expect(set.namespaces.map((n) => [n.name, n.declared])).toEqual([['dev', false], ['prod', true]]);
  });
  it('only named or hostPort container ports become endpoint ports', () => {
    expect(api?.ports).toEqual([{ name: 'http', protocol: 6, port: 8080 }, { name: '', protocol: 17, port: 53 }]);
  });
  it('Service backends by own labels in the Service namespace', () => {
    expect(set.services[0]?.backends).toEqual([0]);
    expect(set.services[0]?.clusterIP).toBe(0x0a600001);
  });
});
