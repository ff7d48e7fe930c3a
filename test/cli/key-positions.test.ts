// A problem with a key itself (an unknown field, a bad label key) is reported at the key's line and column, where the
// user wrote it, never at its value (for a block value, lines below): in the policy readers, the API-server checks
// and the label selectors, on every input path (YAML read with positions, large files read JSON first, JSON files,
// a scenario's own policies, probe files), by every command that loads input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_FIRST_CHARS } from '../../src/scenario/read/loader.js';
import { runInProcess } from './run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-key-positions-'));
function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** `line:col path: message` of each error line `validate FILE` prints (exit 2). */
async function errors(args: readonly string[]): Promise<string[]> {
  const r = await runInProcess(args);
  expect(r.code).toBe(2);
  return r.stderr.split('\n').flatMap((l) => {
    const m = /^.*?:(\d+):(\d+): error: (.*)$/.exec(l);
    return m === null ? [] : [`${m[1]}:${m[2]} ${m[3]}`];
  });
}

const K8S_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
  namespace: default
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingres:
    - from:
        - podSelector: {}
`;

const K8S_NESTED = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: nested
  namespace: default
spec:
  podSelector:
    matchLabel: { app: web }
  egres: []
  ingress:
    - form:
        - podSelector: {}
      ports: [{port: 80, protocl: TCP}]
`;

const CALICO = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: np
  namespace: default
spec:
  selector: all()
  ingres:
    - action: Allow
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata:
  name: gnp
spec:
  selector: all()
  ingress:
    - action: Allow
      sourc:
        selector: all()
`;

const BUILT_IN = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
  labels:
    "bad key!": x
spec:
  containers:
    - name: c
      image: nginx
      portz:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: default
spec:
  selectr:
    app: x
  ports: [{port: 80}]
`;

const EXPECTED = {
  k8s: ['9:3 spec.ingres: unknown field "ingres" in spec (did you mean `ingress`?)'],
  nested: [
    '9:3 spec.egres: unknown field "egres" in spec (did you mean `egress`?)',
    '8:5 spec.podSelector.matchLabel: unknown field',
    '11:7 spec.ingress[0].form: unknown field "form" in spec.ingress[0] (did you mean `from`?)',
    '13:26 spec.ingress[0].ports[0].protocl: unknown field "protocl" in spec.ingress[0].ports[0] (did you mean `protocol`?)',
  ],
  calico: [
    '8:3 spec.ingres: unknown field "ingres" in spec (did you mean `ingress`?)',
    '19:7 spec.ingress[0].sourc: unknown field "sourc" in spec.ingress[0] (did you mean `source`?)',
  ],
  builtIn: [
    '7:5 metadata.labels["bad key!"]: label key "bad key!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character',
    '12:7 spec.containers[0].portz: unknown field "portz" in spec.containers[0] (did you mean `ports`?)',
    '21:3 spec.selectr: unknown field "selectr" in spec (did you mean `selector`?)',
  ],
};

describe('key-level problems at the key', () => {
  it('a NetworkPolicy field with a block value: the key line, not the value a line below', async () => {
    expect(await errors(['validate', file('pol.yaml', K8S_POLICY)])).toEqual(EXPECTED.k8s);
  });

  it('flow values, nested fields, a flow map in a list, a label selector field', async () => {
    expect(await errors(['validate', file('nested.yaml', K8S_NESTED)])).toEqual(EXPECTED.nested);
  });

  it('a key not quoted in the message is still placed at itself', async () => {
    const odd = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: default\nspec:\n  podSelector: {}\n  "odd key!":\n    - 1\n';
    expect(await errors(['validate', file('odd.yaml', odd)])).toEqual(['8:3 spec: unknown field a key of 8 characters in spec']);
  });

  it("a Gateway listener's namespace selector", async () => {
    const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: default
spec:
  gatewayClassName: x
  listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabel:
              team: a
            matchLabels:
              "bad key!": x
`;
    expect(await errors(['validate', file('gateway.yaml', gateway)])).toEqual([
      '16:13 spec.listeners[0].allowedRoutes.namespaces.selector.matchLabel: unknown field',
      "19:15 spec.listeners[0].allowedRoutes.namespaces.selector.matchLabels[bad key!]: invalid label key: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    ]);
  });

  it('a Calico NetworkPolicy and GlobalNetworkPolicy', async () => {
    expect(await errors(['validate', file('calico.yaml', CALICO)])).toEqual(EXPECTED.calico);
  });

  it('the API-server checks of a Pod and a Service (unknown fields, a bad label key)', async () => {
    expect(await errors(['validate', file('built-in.yaml', BUILT_IN)])).toEqual(EXPECTED.builtIn);
  });

  it('manifest files large enough to be read JSON first, their trees read only for the problems', async () => {
    const pad = Array.from({ length: 800 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: default\ndata:\n  key: value-${i}\n`).join('---\n') + '---\n';
    const before = pad.split('\n').length - 1;
    expect(pad.length).toBeGreaterThanOrEqual(JSON_FIRST_CHARS);
    const shifted = (e: string) => e.replace(/^\d+/, (l) => String(Number(l) + before));
    for (const [name, doc, expected] of [['nested', K8S_NESTED, EXPECTED.nested], ['calico', CALICO, EXPECTED.calico], ['built-in', BUILT_IN, EXPECTED.builtIn]] as const) {
      expect(await errors(['validate', file(`large-${name}.yaml`, pad + doc)]), name).toEqual(expected.map(shifted));
    }
  });

  it('a JSON manifest file', async () => {
    const json = '{\n  "apiVersion": "networking.k8s.io/v1",\n  "kind": "NetworkPolicy",\n  "metadata": {"name": "deny", "namespace": "default"},\n  "spec": {\n    "podSelector": {"matchLabels": {"app": "x"}, "matchLabel": {}},\n    "ingres": [\n      {"from": [{"podSelector": {}}]}\n    ]\n  }\n}\n';
    expect(await errors(['validate', file('pol.json', json)])).toEqual([
      '7:5 spec.ingres: unknown field "ingres" in spec (did you mean `ingress`?)',
      '6:50 spec.podSelector.matchLabel: unknown field',
    ]);
  });

  it("a scenario's own policies", async () => {
    const scenario = `name: keys
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/24 } }
    nodes: [{ name: mgmt-1, ip: 10.0.0.11 }]
    namespaces: [{ name: shop }]
    policies:
      - apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: deny, namespace: shop }
        spec:
          podSelector: {}
          ingres:
            - from: [{ podSelector: {} }]
      - apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: { name: wall }
        spec: { selector: all(), ingress: [{ action: Allow, sourc: {} }] }
`;
    expect(await errors(['validate', file('scenario.yaml', scenario)])).toEqual([
      '14:11 spec.ingres: unknown field "ingres" in spec (did you mean `ingress`?)',
      '19:61 spec.ingress[0].sourc: unknown field "sourc" in spec.ingress[0] (did you mean `source`?)',
    ]);
  });

  it('check, reach and diff report what validate reports, at the same place', async () => {
    const f = file('same.yaml', K8S_POLICY);
    for (const args of [['check', f], ['reach', f, '--matrix'], ['diff', f, '--delete', 'default/deny']]) {
      expect(await errors(args), args[0]).toEqual(EXPECTED.k8s);
    }
  });

  it("a probe file's unknown field, at its key", async () => {
    const probes = file('probes.json', '[\n  {"from": "web/frontend", "to": "db/postgres",\n   "protocol": "TCP", "port": 5432, "prot": 1}\n]\n');
    expect(await errors(['reach', 'test/fixtures/reach/cluster', '--probes', probes])).toEqual(['3:37 [0].prot: unknown field "prot"']);
  });
});
