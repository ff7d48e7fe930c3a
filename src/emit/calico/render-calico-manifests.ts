// emit: a cluster's Calico objects as multi-document YAML files (one per kind) for `calicoctl apply -f`.
import type { NodeBgpConfig } from '../../model/bgp/types.js';
import type { ClusterSpec, JsonObject } from '../../scenario/types.js';
import { emitYaml } from '../../lib/yaml-emit.js';
import { buildCalicoObjects } from './calico-objects.js';

/** One rendered file: name relative to the tenant's `calico/` folder, and its text. */
export interface ManifestFile {
  readonly file: string;
  readonly text: string;
}

/** Renders `ippools.yaml`, `bgpconfigurations.yaml`, `bgppeers.yaml`, `nodes.yaml` (empty kinds skipped). */
export function renderCalicoManifests(cluster: ClusterSpec, configs: readonly NodeBgpConfig[]): ManifestFile[] {
  const o = buildCalicoObjects(cluster, configs);
  const files: [string, JsonObject[]][] = [
    ['bgpconfigurations.yaml', o.bgpConfigurations],
    ['bgppeers.yaml', o.bgpPeers],
    ['ippools.yaml', o.ipPools],
    ['nodes.yaml', o.nodes],
  ];
  return files.filter(([, docs]) => docs.length > 0).map(([file, docs]) => ({ file, text: yamlDocuments(docs) }));
}

/** Documents separated by `---`, each rendered without line folding. */
function yamlDocuments(docs: readonly JsonObject[]): string {
  return docs.map(emitYaml).join('---\n');
}
