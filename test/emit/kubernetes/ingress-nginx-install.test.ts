import { describe, expect, it } from 'vitest';
import { INGRESS_NGINX_HEALTH_PORT, ingressNginxObjects } from '../../../src/emit/kubernetes/ingress-nginx-install.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';

describe('the ingress-nginx installation', () => {
  const ing = buildModel(loadScenarios(['scenarios/giantnetes.yaml'])).scenario.platform!.ingress;
  const docs = ingressNginxObjects(ing) as unknown as { kind: string; metadata: { name: string }; spec?: Record<string, unknown> }[];
  it('has the objects of the bare-metal deploy manifest the model runs', () => {
    expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'ConfigMap', 'Deployment', 'IngressClass']);
  });
  it('runs the real controller image, probed on /healthz at 10254, with the model’s replicas, selector and class', () => {
    const d = docs.find((x) => x.kind === 'Deployment')! as unknown as {
      metadata: { name: string; namespace: string };
      spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { spec: { containers: { image: string; args: string[]; readinessProbe: { httpGet: { port: number; path: string } } }[] } } };
    };
    expect(d.metadata).toMatchObject({ name: 'ingress-nginx', namespace: 'ingress-nginx' });
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' });
    const c = d.spec.template.spec.containers[0]!;
    expect(c.image).toMatch(/^registry\.k8s\.io\/ingress-nginx\/controller:v1\.15\.1@sha256:/);
    expect(c.readinessProbe.httpGet).toEqual({ path: '/healthz', port: INGRESS_NGINX_HEALTH_PORT, scheme: 'HTTP' });
    expect(c.args).toContain('--ingress-class=nginx');
    expect(docs.find((x) => x.kind === 'IngressClass')).toMatchObject({ metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
  });
});
