// The tenant VMs' networks: every NetworkAttachmentDefinition the management cluster's set holds validates
// against Multus's CRD (vendored under test/fixtures/crds with its licence and source commit), and its CNI
// configuration is one (JSON with the cniVersion, name and type the CNI spec requires, named as the object).
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { checkOpenApi } from '../calico/openapi-check.js';
import { crdSchema } from '../reference-crds.js';

type Obj = Record<string, unknown>;
const schema = crdSchema('test/fixtures/crds/network-attachment-definition/networks-crd.yaml', 'v1');

/** An object as the API server checks it against the CRD: apiVersion, kind and metadata are ObjectMeta's, not the schema's. */
const check = (o: Obj): unknown[] => {
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = o;
  return checkOpenApi(schema, rest);
};

describe('NetworkAttachmentDefinitions of the default scenario', () => {
  const run = runPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), { until: 0 });
  const vms = buildManifestSet(run, { format: 'yaml', clusters: new Set(['mgmt']) }).find((f) => f.path === 'mgmt/install/tenant-vms.yaml')!;
  const nads = parseAllDocuments(vms.data).map((d) => d.toJSON() as Obj).filter((o) => o['kind'] === 'NetworkAttachmentDefinition');

  it('validate against Multus CRD, and a config given as an object does not', () => {
    expect(nads.map((n) => (n['metadata'] as Obj)['name'])).toEqual(['flannel-acme', 'flannel-globex', 'flannel-initech']);
    for (const n of nads) expect(check(n)).toEqual([]);
    const spec = nads[0]!['spec'] as { config: string };
    expect(check({ ...nads[0]!, spec: { config: JSON.parse(spec.config) as Obj } })).not.toEqual([]);
  });

  it('carry a CNI configuration named as the object, of the flannel plugin', () => {
    for (const n of nads) {
      const conf = JSON.parse((n['spec'] as { config: string }).config) as Obj;
      expect(conf).toMatchObject({ cniVersion: expect.any(String), name: (n['metadata'] as Obj)['name'], type: 'flannel' });
    }
  });
});
