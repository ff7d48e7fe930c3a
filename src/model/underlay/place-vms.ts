// model: tenant VMs onto management hosts. A VM keeps the host its NodeSpec names; the others go, tenant by
// tenant and node by node in scenario order, to the host with the fewest VMs so far (all tenants counted,
// ties to the earlier host) — a deterministic least-loaded placement.
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import type { ClusterSpec } from '../../scenario/types.js';

/**
 * Host index per node of each cluster (-1 for clusters not on a flannel underlay). `paths[i]` is the field
 * path of cluster i (e.g. `tenants[2]`), for diagnostics.
 */
export function placeVms(
  clusters: readonly ClusterSpec[],
  hostNames: readonly string[],
  paths: readonly string[],
): { placement: Int32Array[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const hostIndex = new Map(hostNames.map((h, i) => [h, i]));
  const load = new Int32Array(hostNames.length);
  const placement = clusters.map((c) => new Int32Array(c.nodes.length).fill(-1));
  clusters.forEach((c, ci) => {
    c.nodes.forEach((n, ni) => {
      if (n.host === undefined) return;
      const at = `${paths[ci] ?? `clusters[${ci}]`}.nodes[${ni}].host`;
      if (c.underlay.kind !== 'flannel') {
        diagnostics.push(diagnosticAt(n.src, at, `host is ignored: ${c.name} is not on a flannel underlay`, 'warning'));
        return;
      }
      const h = hostIndex.get(n.host);
      if (h === undefined) {
        diagnostics.push(diagnosticAt(n.src, at, `unknown management host ${n.host} (hosts: ${hostNames.join(', ') || 'none'})`));
        return;
      }
      (placement[ci] as Int32Array)[ni] = h;
      load[h] = (load[h] as number) + 1;
    });
  });
  clusters.forEach((c, ci) => {
    if (c.underlay.kind !== 'flannel') return;
    if (hostNames.length === 0) {
      diagnostics.push(diagnosticAt(c.src, paths[ci] ?? '', `${c.name} runs on flannel but there are no management hosts to place its VMs on`));
      return;
    }
    c.nodes.forEach((n, ni) => {
      if (n.host !== undefined) return;
      let best = 0;
      for (let h = 1; h < load.length; h++) if ((load[h] as number) < (load[best] as number)) best = h;
      (placement[ci] as Int32Array)[ni] = best;
      load[best] = (load[best] as number) + 1;
    });
  });
  return { placement, diagnostics };
}
