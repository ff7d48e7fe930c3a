// Test helper: a small scenario with a PKI section, written to a temporary file and loaded as a user's would be.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../../src/model/build-model.js';
import type { Model } from '../../../src/model/types.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

/** A management host and one cloud tenant `acme` of `nodes` nodes running a DaemonSet; `pki` and `events` are YAML lines. */
export function pkiScenarioText(pki: readonly string[], events: readonly string[] = [], horizon = '4h', nodes = 3): string {
  return [
    'name: pki-test',
    `horizon: ${horizon}`,
    'platform:',
    '  management:',
    '    name: mgmt',
    '    underlay: { physical: { cidr: 10.0.0.0/24 } }',
    '    nodes: { count: 1, name: "mgmt-{i}", ip: "10.0.0.{i+10}" }',
    '  pki:',
    ...pki.map((l) => `    ${l}`),
    'tenants:',
    '  - name: acme',
    '    placement: cloud',
    '    underlay: { vpc: { cidr: 10.100.0.0/16 } }',
    `    nodes: { count: ${nodes}, name: "acme-{i}" }`,
    '    calico: { ipPools: [{ name: acme-pods, cidr: 10.10.0.0/16, vxlanMode: Always }] }',
    '    namespaces: [{ name: shop }]',
    '    workloads: [{ name: web, namespace: shop, kind: DaemonSet, labels: { app: web } }, { name: api, namespace: shop, replicas: 2, labels: { app: api } }]',
    '    ingresses: [{ name: shop, namespace: shop, host: shop.example.com, paths: [{ path: /, service: web, port: 80 }] }]',
    '    services: [{ name: web, namespace: shop, selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }]',
    ...(events.length ? ['events:', ...events.map((e) => `  - ${e}`)] : []),
    'expect: { isolation: none }',
    '',
  ].join('\n');
}

/** Writes the text to a temporary file; returns its path. */
export function writeScenario(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'calisim-pki-')), 'scenario.yaml');
  writeFileSync(file, text);
  return file;
}

/** Loads and builds the model of a PKI test scenario. */
export function pkiModel(pki: readonly string[], events: readonly string[] = [], horizon = '4h', nodes = 3): Model {
  return buildModel(loadScenario(writeScenario(pkiScenarioText(pki, events, horizon, nodes))));
}
