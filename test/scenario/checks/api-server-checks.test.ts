import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/lib/diagnostics.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';

const file = 'test/fixtures/manifests/api-server/objects.yaml';

function problems(): string[] {
  try {
    loadScenarios([file]);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`);
    throw e;
  }
  return [];
}

describe('manifests checked as the API server would (kubernetes-models OpenAPI schemas)', () => {
  const found = problems();
  it('refuses names that are not DNS subdomains or labels, upper-case namespaces, bad label keys (at the key) and values', () => {
    expect(found).toContain(`5:9 metadata.name: "Web_App" is not a valid name (lower-case letters, digits, '-' and '.')`);
    expect(found).toContain(`6:14 metadata.namespace: "Shop" is not a valid name (lower-case letters, digits and '-', at most 63)`);
    expect(found.some((p) => p.startsWith('8:5 metadata.labels["bad key!"]: label key "bad key!"'))).toBe(true);
    expect(found.some((p) => p.startsWith('9:11 metadata.labels.tier: label value "front end"'))).toBe(true);
  });

  it('refuses unknown fields outside policy specs, with did-you-mean, at the key (a block value starts a line below)', () => {
    expect(found).toContain('11:3 spec.replics: unknown field "replics" in spec (did you mean `replicas`?)');
    expect(found).toContain('18:7 spec.template.spec.nodeNam: unknown field "nodeNam" in spec.template.spec (did you mean `nodeName`?)');
    expect(found).toContain('31:3 spec.selectr: unknown field "selectr" in spec (did you mean `selector`?)');
    expect(found).toContain('49:1 spek: unknown field "spek" (did you mean `spec`?)');
  });

  it('refuses an apiVersion the group does not serve, naming the one that does', () => {
    expect(found).toContain('36:13 apiVersion: no NetworkPolicy in apiVersion networking.k8s.io/v7; NetworkPolicy is served as networking.k8s.io/v1');
  });

  it('reports a wrong type once, in the reader\'s words', () => {
    expect(found.filter((p) => p.startsWith('23:30 '))).toEqual(['23:30 spec.template.spec.containers[0].ports[0].containerPort: expected an integer, got the string "eighty"']);
  });

  it('accepts the documentation examples as they are', () => {
    for (const dir of ['bare-pods', 'service-accounts', 'kind-dump', 'kustomized']) {
      expect(() => loadScenarios([`test/fixtures/manifests/${dir}`])).not.toThrow();
    }
  });
});

describe('the OpenAPI messages, in English (kubernetes-models given ajv-i18n\'s English locale alone)', () => {
  it('words a type error in a field calisim does not read as the schema validator does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calisim-ajv-en-'));
    writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: 5 }]\n');
    const s = loadScenarios([dir]);
    expect(s.warnings.map((w) => `${w.path}: ${w.message}`)).toContain('spec.containers[0].image: must be string (the API server would refuse it)');
  });
});

describe('the formats kubernetes-models\' validators name (ajv-formats-draft2019\'s are left unloaded)', () => {
  const require = createRequire(import.meta.url);
  const schemaDirs = [dirname(require.resolve('kubernetes-models/package.json')), dirname(require.resolve('@kubernetes-models/apimachinery/package.json'))].map((d) => join(d, '_schemas'));
  const named = new Set<string>();
  for (const dir of schemaDirs) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/formats(?:\.([\w$]+)|\["([^"]+)"\])/g)) named.add(m[1] ?? m[2] ?? '');
    }
  }

  it('are byte, quantity, date-time and the number formats, none of the draft-2019 ones', () => {
    expect([...named].sort()).toEqual(['byte', 'date-time', 'double', 'int32', 'int64', 'quantity']);
  });

  it('come without loading ajv-formats-draft2019 once the API-server checks are loaded', async () => {
    await import('../../../src/scenario/checks/api-server-checks.js');
    const fromValidate = createRequire(require.resolve('@kubernetes-models/validate'));
    expect(fromValidate('ajv-formats-draft2019/formats/index.js')).toEqual({});
    const formats = (fromValidate('@kubernetes-models/validate') as { formats: Record<string, unknown> }).formats;
    for (const f of named) expect(formats[f], f).toBeDefined();
  });
});
