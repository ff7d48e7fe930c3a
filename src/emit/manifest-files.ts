// emit: each tenant's Calico and BIRD files as a tree to write — `<tenant>/calico/*.yaml` (calicoctl apply)
// and `<tenant>/bird/<node>.cfg` (the self-contained BIRD configuration calico-node would run).
import type { NodeBgpConfig } from '../model/bgp/types.js';
import type { ClusterSpec } from '../scenario/types.js';
import { renderBirdConfig } from './bird/render-bird-config.js';
import { renderCalicoManifests } from './calico/render-calico-manifests.js';

/** One tenant to write: its name (the folder), its derived node configurations and its spec. */
export interface TenantManifests {
  readonly name: string;
  readonly configs: NodeBgpConfig[];
  readonly cluster: ClusterSpec;
}

/** One file of the tree: a `/`-separated path relative to the output folder, and its text. */
export interface ManifestFile {
  readonly path: string;
  readonly data: string;
}

/** Every tenant's Calico and BIRD files, sorted by path. */
export function manifestFiles(tenants: readonly TenantManifests[]): ManifestFile[] {
  const files: ManifestFile[] = [];
  for (const t of tenants) {
    const base = safeName(t.name);
    for (const f of renderCalicoManifests(t.cluster, t.configs)) files.push({ path: `${base}/calico/${safeName(f.file)}`, data: f.text });
    for (const c of t.configs) files.push({ path: `${base}/bird/${safeName(c.node)}.cfg`, data: renderBirdConfig(c) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A name usable as one path segment (Kubernetes names already are; anything else is replaced). */
export function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return s === '' || s === '.' || s === '..' ? `_${s}` : s;
}
