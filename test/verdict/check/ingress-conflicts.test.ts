import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { ingressConflictAssertions } from '../../../src/verdict/check/ingress-conflicts.js';
import { ingressRouteAssertions, routeReaches } from '../../../src/verdict/check/ingress-routes.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import { DEFAULT_SCENARIO, edgeRun, editedScenario } from '../trace/edge-fixtures.js';

// The cloud tenant umbrella publishes an Ingress for acme's host, a wildcard over every tenant's hosts,
// and a snippet annotation.
const GRAB: readonly [string, string] = [
  '        ports: [{ name: ui, containerPort: 4040 }]\n',
  `        ports: [{ name: ui, containerPort: 4040 }]
    services:
      - { name: spark, namespace: analytics, selector: { app: spark }, ports: [{ port: 80, targetPort: ui }] }
    ingresses:
      - { name: grab, namespace: analytics, className: nginx, host: acme.example.com, paths: [{ path: /, pathType: Prefix, service: spark, port: 80 }] }
      - name: wild
        namespace: analytics
        className: nginx
        host: "*.example.com"
        annotations: { nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers 'x: y';" }
        paths: [{ path: /, pathType: Prefix, service: spark, port: 80 }]
`,
];

describe('ingress conflicts between tenants in the shared controller', () => {
  it('passes on the default scenario', () => {
    const a = ingressConflictAssertions(buildModel(loadScenarios([DEFAULT_SCENARIO])));
    expect(a.map((x) => x.status)).toEqual(['pass']);
  });

  it('reports a claimed host and path (the oldest wins), a wildcard over other tenants’ hosts and a snippet', () => {
    const file = editedScenario('grab', [GRAB]);
    const failed = ingressConflictAssertions(buildModel(loadScenarios([file])));
    const titles = failed.map((a) => a.title);
    expect(titles).toContain('umbrella/analytics/grab claims acme.example.com/ (Prefix), already claimed');
    expect(failed.find((a) => a.title.includes('claims'))!.detail).toMatch(/^acme\/shop\/shop wins/);
    expect(titles.filter((t) => t.includes("'s *.example.com covers")).length).toBe(3);
    expect(titles).toContain('umbrella/analytics/wild configures the shared controller');
    expect(failed.every((a) => a.status === 'fail' && a.src !== undefined)).toBe(true);
    // The request walk agrees: acme's older Ingress keeps acme.example.com.
    const { run, policies } = edgeRun(file);
    const r = requestWalker(run, policies).follow({ url: 'https://acme.example.com/', method: 'GET', headers: {}, from: '198.51.100.10' });
    expect(typeof r !== 'string' && r.backend?.cluster).toBe('acme');
  });

  it('checks every route’s backend through both walls', () => {
    const { run, policies } = edgeRun(editedScenario('grab-routes', [GRAB]));
    const a = ingressRouteAssertions(run, routeReaches(run, policies));
    expect(a.filter((x) => x.status === 'pass').map((x) => x.id)).toEqual([
      'ingress-route/acme/shop/shop/acme.example.com/',
      'ingress-route/globex/shop/shop/globex.example.com/',
      'ingress-route/initech/shop/shop/initech.example.com/',
    ]);
    // umbrella is a cloud tenant: its own VPC, no path from the management cluster.
    expect(a.find((x) => x.id === 'ingress-route/umbrella/analytics/wild/*.example.com/')!.detail).toMatch(/separate routing domains/);
  });
});
