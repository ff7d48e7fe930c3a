// engine: where the ingress controller's endpoints are — the running ingress-nginx pods of the management
// cluster counted per node, on the nodes a caller considers alive (what a load balancer's member or a
// MetalLB speaker sees behind the controller's Service).
import type { Model } from '../../model/types.js';
import type { PodTable } from '../platform/pod-table.js';

/** Per model node, the running ingress-nginx pods on it (nodes failing `alive` count none). */
export function ingressPodsPerNode(model: Model, pods: PodTable, alive: (node: number) => boolean): Int32Array {
  const ing = model.scenario.platform?.ingress;
  const local = new Int32Array(model.nodes.length);
  if (!ing) return local;
  for (const p of pods.pods) {
    if (p.phase !== 'running' || p.cluster !== model.management || p.namespace !== ing.namespace || p.base.owner?.name !== ing.name) continue;
    if (p.node >= 0 && alive(p.node)) local[p.node]!++;
  }
  return local;
}
