// The Service fields kube-apiserver checks per type (ValidateService), in the scenario form and in v1
// manifests, each reported with file, line and field; and the manifests calisim writes read back the same.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/lib/diagnostics.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-svc-rules-'));
/** The diagnostics `line:field: message` of loading `text`, or [] when it loads. */
function problems(name: string, text: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    loadScenarios([file]);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics.map((d) => `${d.line}:${d.path}: ${d.message}`);
  }
}

const MANIFESTS = `apiVersion: v1
kind: Service
metadata: { name: a, namespace: web }
spec:
  type: ClusterIP
  healthCheckNodePort: 30001
  sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: b, namespace: web }
spec:
  type: LoadBalancer
  clusterIP: None
  externalIPs: [not-an-ip]
  internalTrafficPolicy: Sometimes
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: c, namespace: web }
spec: { type: ExternalName, clusterIP: 10.96.0.9 }
`;

describe('Service API-server rules', () => {
  it('reports each refused v1 Service field with its line and field', () => {
    const p = problems('bad.yaml', MANIFESTS);
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^6:spec\.healthCheckNodePort: may only be set when type is 'LoadBalancer' and externalTrafficPolicy is 'Local'/),
        expect.stringMatching(/^7:spec\.sessionAffinityConfig\.clientIP\.timeoutSeconds: a session affinity timeout needs sessionAffinity ClientIP/),
        expect.stringMatching(/^15:spec\.clusterIP: may not be set to 'None' for LoadBalancer services/),
        expect.stringMatching(/^16:spec\.externalIPs\[0\]: not-an-ip is not an IPv4 address/),
        expect.stringMatching(/^17:spec\.internalTrafficPolicy: /),
        expect.stringMatching(/^23:spec\.type: type ExternalName needs externalName/),
        expect.stringMatching(/^23:spec\.clusterIP: must be empty for ExternalName services/),
      ]),
    );
    expect(p).toHaveLength(7);
  });

  it('reports the same rules in the scenario form', () => {
    const text = `name: s
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/24 } }
    nodes: { count: 1, name: "m-{i}" }
    services:
      - { name: a, namespace: web, type: NodePort, loadBalancerIP: 203.0.113.1, sessionAffinity: Sticky, ports: [{ port: 80 }] }
      - { name: b, namespace: web, externalName: db.example.org, ports: [{ port: 80 }] }
`;
    const p = problems('bad-scenario.yaml', text);
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^8:platform\.management\.services\[0\]\.loadBalancerIP: may only be used when type is 'LoadBalancer'/),
        expect.stringMatching(/^8:platform\.management\.services\[0\]\.sessionAffinity: /),
        expect.stringMatching(/^9:platform\.management\.services\[1\]\.externalName: externalName needs type ExternalName/),
      ]),
    );
  });

  it('reads the Service fields from v1 manifests, with the address in Calico annotation', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(
      file,
      `apiVersion: v1
kind: Service
metadata: { name: lb, namespace: web, annotations: { projectcalico.org/loadBalancerIPs: '["203.0.113.5"]' } }
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  internalTrafficPolicy: Local
  healthCheckNodePort: 31000
  sessionAffinity: ClientIP
  sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }
  externalIPs: [198.51.100.7]
  ports: [{ port: 80, nodePort: 30080 }]
---
apiVersion: v1
kind: Service
metadata: { name: alias, namespace: web }
spec: { type: ExternalName, externalName: db.example.org }
`,
    );
    const s = loadScenarios([file]);
    const services = [...(s.platform?.management.services ?? []), ...s.tenants.flatMap((t) => t.services)];
    expect(services.find((x) => x.name === 'lb')).toMatchObject({
      loadBalancerIP: '203.0.113.5',
      healthCheckNodePort: 31000,
      internalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeout: 60,
      externalIPs: ['198.51.100.7'],
    });
    expect(services.find((x) => x.name === 'alias')).toMatchObject({ type: 'ExternalName', externalName: 'db.example.org' });
  });
});
