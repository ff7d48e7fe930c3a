// verdict: a run's pods by cluster and namespace, in creation order — the pods an EndpointSlice controller
// looks at for one Service, without a pass over every pod of the platform for each Service port.
import type { LivePod, PodTable } from '../../engine/platform/pod-table.js';

interface Index {
  /** How many of the table's pods (append-only, never reordered) are indexed. */
  indexed: number;
  readonly byKey: Map<string, LivePod[]>;
}

const indexes = new WeakMap<PodTable, Index>();

/** The pods ever created in `cluster`'s namespace `namespace` (any phase), in creation order. */
export function podsInNamespace(table: PodTable, cluster: number, namespace: string): readonly LivePod[] {
  let index = indexes.get(table);
  if (!index) indexes.set(table, (index = { indexed: 0, byKey: new Map() }));
  // A pod's cluster and namespace never change and pods are only appended: index the new ones.
  for (; index.indexed < table.pods.length; index.indexed++) {
    const p = table.pods[index.indexed]!;
    const key = `${p.cluster}/${p.namespace}`;
    const list = index.byKey.get(key);
    if (list) list.push(p);
    else index.byKey.set(key, [p]);
  }
  return index.byKey.get(`${cluster}/${namespace}`) ?? [];
}
