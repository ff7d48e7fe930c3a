// bench: B1's seeded cluster (10k pods, 100 namespaces, 2k policies) as a folder of real manifests — the
// input `calisim run` takes — with its pods spread over 100 nodes, for the end-to-end benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { B1_SIZE, generateCluster } from './b01-policy-matrix.js';

const NODES = 100;

/** Writes the manifests into `dir` (created) and returns it. */
export function writeB1Scenario(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const c = generateCluster(1, B1_SIZE);
  const docs: unknown[] = [];
  for (let k = 0; k < NODES; k++) docs.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${k}`, labels: { 'kubernetes.io/hostname': `node-${k}` } }, status: { addresses: [{ type: 'InternalIP', address: `10.0.${k >> 8}.${(k & 255) + 1}` }] } });
  for (const ns of c.namespaces) docs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels } });
  c.pods.forEach((p, i) =>
    docs.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
      spec: { nodeName: `node-${i % NODES}`, serviceAccountName: p.serviceAccount, containers: [{ name: 'main', image: 'app', ports: p.ports.map((x) => ({ ...(x.name ? { name: x.name } : {}), containerPort: x.containerPort, protocol: x.protocol ?? 'TCP' })) }] },
      status: { podIP: p.ip },
    }),
  );
  for (const m of c.manifests) docs.push(m.body);
  writeFileSync(join(dir, 'b1.yaml'), docs.map((d) => stringify(d)).join('---\n'));
  return dir;
}
