// cli: the model-level checks every command makes beyond loading — the BGP resources as confd reads them
// (Calico's validation of each value written into a BIRD configuration) — so that `run`, `manifests` and the
// rest refuse exactly what `validate` refuses. Policies are checked where they are read (load-input.ts).
import { InputError, type Diagnostic } from '../../lib/diagnostics.js';
import { deriveBgpConfigs } from '../../model/bgp/derive-bgp-configs.js';
import type { Model, ModelCluster } from '../../model/types.js';

/** Problems (errors and warnings) of every cluster's BGP configuration, as confd derives it (from the
 *  model, or from its planned nodes alone: confd reads a cluster's Calico settings and its nodes). */
export function bgpProblems(model: Pick<Model, 'nodes'> & { readonly clusters: readonly Pick<ModelCluster, 'spec' | 'nodes'>[] }): Diagnostic[] {
  return model.clusters.flatMap((c) => {
    const nodes = c.nodes.map((id) => {
      const n = model.nodes[id]!;
      return { name: n.shortName, ip: n.ipText, prefixLen: n.prefixLen, labels: n.labels };
    });
    return deriveBgpConfigs(c.spec, nodes, new Map()).diagnostics;
  });
}

/** Throws the errors among `problems` as one InputError (exit 2). */
export function throwErrors(problems: readonly Diagnostic[]): void {
  const errors = problems.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InputError(errors);
}
