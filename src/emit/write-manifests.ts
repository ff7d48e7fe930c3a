// emit: writes each tenant's manifests to disk — `<tenant>/calico/*.yaml` (calicoctl apply) and
// `<tenant>/bird/<node>.cfg` (the self-contained BIRD configuration calico-node would run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Writes every tenant's files under `outDir`; returns the written paths, sorted. */
export function writeManifests(outDir: string, tenants: readonly TenantManifests[]): string[] {
  const written: string[] = [];
  const write = (dir: string, file: string, text: string): void => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, text);
    written.push(path);
  };
  for (const t of tenants) {
    const base = join(outDir, safeName(t.name));
    for (const f of renderCalicoManifests(t.cluster, t.configs)) write(join(base, 'calico'), f.file, f.text);
    for (const c of t.configs) write(join(base, 'bird'), `${safeName(c.node)}.cfg`, renderBirdConfig(c));
  }
  return written.sort();
}

/** A name usable as one path segment (Kubernetes names already are; anything else is replaced). */
function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return s === '' || s === '.' || s === '..' ? `_${s}` : s;
}
