// emit: what an operator applies to go from one manifest set to another — the Kubernetes and Calico objects
// created or changed (as one YAML stream for `kubectl apply -f -`), the ones removed (as `kubectl delete`
// lines), and the other files (BIRD, flannel) that changed. Objects are matched by apiVersion group, kind,
// namespace and name, wherever they sit in the tree.
import { parseAllDocuments } from 'yaml';
import { emitYaml } from '../lib/yaml-emit.js';
import type { SetFile } from './manifest-set.js';

interface Keyed {
  readonly key: string;
  readonly cluster: string;
  readonly text: string;
  readonly object: Record<string, unknown>;
}

/** The diff as text: a header, deletions as comments with the command to run, then the objects to apply. */
export function manifestSetDiff(before: readonly SetFile[], after: readonly SetFile[], t1: string, t2: string): string {
  const a = objectsOf(before);
  const b = objectsOf(after);
  const lines: string[] = [`# calisim manifests --diff ${t1} ${t2}`];
  const apply: string[] = [];
  let created = 0;
  let changed = 0;
  let removed = 0;
  for (const [key, o] of b) {
    const old = a.get(key);
    if (old !== undefined && old.text === o.text) continue;
    if (old === undefined) created++;
    else changed++;
    lines.push(`# ${old === undefined ? 'create' : 'change'}: ${o.cluster} ${o.key}`);
    apply.push(o.text);
  }
  for (const [key, o] of a) {
    if (b.has(key)) continue;
    removed++;
    const m = o.object['metadata'] as { name?: string; namespace?: string } | undefined;
    lines.push(`# delete: ${o.cluster} ${o.key}  (kubectl delete ${String(o.object['kind'])} ${m?.name ?? ''}${m?.namespace ? ` -n ${m.namespace}` : ''})`);
  }
  const otherBefore = new Map(before.filter((f) => !isObjectFile(f.path)).map((f) => [f.path, f.data]));
  for (const f of after) {
    if (isObjectFile(f.path)) continue;
    const old = otherBefore.get(f.path);
    if (old === undefined) lines.push(`# new file: ${f.path}`);
    else if (old !== f.data) lines.push(`# changed file: ${f.path}`);
  }
  for (const path of otherBefore.keys()) if (!after.some((f) => f.path === path)) lines.push(`# removed file: ${path}`);
  lines.push(`# ${created} to create, ${changed} to change, ${removed} to delete`);
  return lines.join('\n') + '\n' + (apply.length ? '---\n' + apply.join('---\n') : '');
}

function isObjectFile(path: string): boolean {
  return (path.endsWith('.yaml') || path.endsWith('.json')) && !path.endsWith('/kustomization.yaml') && !path.includes('/flannel/');
}

function objectsOf(files: readonly SetFile[]): Map<string, Keyed> {
  const out = new Map<string, Keyed>();
  for (const f of files) {
    if (!isObjectFile(f.path)) continue;
    const cluster = f.path.split('/')[0] ?? '';
    for (const o of documents(f)) {
      const m = (o['metadata'] ?? {}) as { name?: string; namespace?: string };
      const group = String(o['apiVersion'] ?? '').split('/').slice(0, -1).join('/') || 'core';
      const key = `${group}/${String(o['kind'])} ${m.namespace ? m.namespace + '/' : ''}${m.name ?? ''}`;
      out.set(`${cluster}:${key}`, { key, cluster, text: emitYaml(o), object: o });
    }
  }
  return out;
}

function documents(f: SetFile): Record<string, unknown>[] {
  if (f.path.endsWith('.json')) {
    const list = JSON.parse(f.data) as { items?: Record<string, unknown>[] };
    return list.items ?? [];
  }
  return parseAllDocuments(f.data).map((d) => d.toJSON() as Record<string, unknown>).filter((o) => o !== null && typeof o === 'object');
}
