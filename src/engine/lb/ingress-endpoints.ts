// engine: where the ingress controller's endpoints are — the running ingress-nginx pods of the management
// cluster counted per node, on the nodes a caller considers alive (what a load balancer's member or a
// MetalLB speaker sees behind the controller's Service).
import type { Model } from '../../model/types.js';
import type { LivePod, PodTable } from '../platform/pod-table.js';

/** Whether `p` belongs to the platform's ingress controller (its Deployment's, in the management cluster),
 *  whatever its phase: what a pod keeps for life. */
function ofIngress(model: Model, p: LivePod): boolean {
  const ing = model.scenario.platform?.ingress;
  return ing !== undefined && p.cluster === model.management && p.namespace === ing.namespace && p.base.owner?.name === ing.name;
}

/** The controller's pods of a pod table so far, in creation order, and how many of its pods were read. */
interface Candidates {
  readonly model: Model;
  read: number;
  readonly pods: LivePod[];
}

const seen = new WeakMap<PodTable, Candidates>();

/**
 * Every pod of the ingress controller ever created in `table`, in creation order. A pod's cluster,
 * namespace and owner never change and the table only grows, so the list is extended with the pods added
 * since the last call instead of scanning every pod of the platform (22,000 on scenarios/large.yaml) at
 * each timeline event.
 */
export function ingressCandidates(model: Model, table: PodTable): readonly LivePod[] {
  let c = seen.get(table);
  if (c === undefined || c.model !== model) {
    c = { model, read: 0, pods: [] };
    seen.set(table, c);
  }
  c.read = appendIngress(model, table.pods, c.read, c.pods);
  return c.pods;
}

/** Appends the controller's pods of all[from..] to `out`; returns all.length. The loop alone in a function:
 *  V8's on-stack compilation of the first, long scan would otherwise lack feedback for the code after it
 *  and deoptimise at each later call. */
function appendIngress(model: Model, all: readonly LivePod[], from: number, out: LivePod[]): number {
  for (let i = from; i < all.length; i++) if (ofIngress(model, all[i]!)) out.push(all[i]!);
  return all.length;
}

/** Per model node, the running ingress-nginx pods on it (nodes failing `alive` count none). */
export function ingressPodsPerNode(model: Model, pods: PodTable, alive: (node: number) => boolean): Int32Array {
  const local = new Int32Array(model.nodes.length);
  if (!model.scenario.platform?.ingress) return local;
  for (const p of ingressCandidates(model, pods)) {
    if (p.phase === 'running' && p.node >= 0 && alive(p.node)) local[p.node]!++;
  }
  return local;
}
