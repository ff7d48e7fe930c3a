// test: the management cluster's tenant namespaces are the platform's own — labelled with their tenant —
// even when the user's policies only reference them (a referenced-only namespace would otherwise be a
// placeholder whose labels are unknown, leaving the outer wall's namespaceSelector undecided).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.js';
import { defaultScenarioPath, loadScenario } from '../../src/scenario/load-scenario.js';

describe('management additions', () => {
  it('replace namespaces that management policies only reference by the labelled tenant namespaces', () => {
    const text = readFileSync(defaultScenarioPath(), 'utf8');
    const declarations = /^ {6}- \{ name: tenant-(acme|globex|initech), labels: \{ calisim\.io\/tenant: \w+ \} \}\n/gm;
    expect(text.match(declarations)).toHaveLength(3);
    const dir = mkdtempSync(join(tmpdir(), 'calisim-mgmt-'));
    const path = join(dir, 'referenced-only.yaml');
    writeFileSync(path, text.replace(declarations, ''));
    const model = buildModel(loadScenario(path));
    const mgmt = model.clusters[model.management]!;
    const tenantNamespaces = mgmt.spec.namespaces.filter((n) => n.name.startsWith('tenant-'));
    expect(tenantNamespaces.map((n) => [n.name, n.declared, n.labels['calisim.io/tenant']])).toEqual([
      ['tenant-acme', true, 'acme'],
      ['tenant-globex', true, 'globex'],
      ['tenant-initech', true, 'initech'],
    ]);
  });
});
