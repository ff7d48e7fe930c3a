// engine: where the ingress controller's endpoints are — the running ingress-nginx pods of the management
// cluster counted per node, on the nodes a caller considers alive (what a load balancer's member or a
// MetalLB speaker sees behind the controller's Service).
import type { Model } from '../../model/types.js';
import type { LivePod, PodTable } from '../platform/pod-table.js';

/** Whether `p` is a running pod of the platform's ingress controller (its Deployment's, in the management cluster). */
export function isIngressPod(model: Model, p: LivePod): boolean {
  const ing = model.scenario.platform?.ingress;
  return ing !== undefined && p.phase === 'running' && p.cluster === model.management && p.namespace === ing.namespace && p.base.owner?.name === ing.name;
}

/** Per model node, the running ingress-nginx pods on it (nodes failing `alive` count none). */
export function ingressPodsPerNode(model: Model, pods: PodTable, alive: (node: number) => boolean): Int32Array {
  const ing = model.scenario.platform?.ingress;
  const local = new Int32Array(model.nodes.length);
  if (!ing) return local;
  for (const p of pods.pods) {
    if (isIngressPod(model, p) && p.node >= 0 && alive(p.node)) local[p.node]!++;
  }
  return local;
}
