// Test helper: the default scenario with canary workloads, which share identity classes with the workloads
// they copy (classes of more than one workload).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** The default scenario with canaries: second workloads labelled as frontend and api are, so they share their classes. */
export function withCanaries(): string {
  const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
  const anchor = '      - name: api\n        namespace: shop\n';
  expect(base).toContain(anchor);
  const canaries = [
    '      - name: frontend-canary\n        namespace: shop\n        replicas: 1\n        labels: { app: frontend, tier: web }\n        ports: [{ name: http, containerPort: 8080 }]\n',
    '      - name: api-canary\n        namespace: shop\n        replicas: 1\n        labels: { app: api, tier: backend }\n        serviceAccount: api\n        ports: [{ name: http, containerPort: 9000 }]\n',
  ].join('');
  const file = join(mkdtempSync(join(tmpdir(), 'calisim-classes-')), 'canaries.yaml');
  writeFileSync(file, base.replace(anchor, canaries + anchor));
  return file;
}
