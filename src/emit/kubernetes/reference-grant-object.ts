// emit: a Gateway API ReferenceGrant as `kubectl apply` takes it (gateway.networking.k8s.io/v1beta1), from
// the ReferenceGrantSpec that lets routes refer across namespaces; reading it back gives the same grant.
import type { JsonObject, ReferenceGrantSpec } from '../../scenario/types.js';

/** The ReferenceGrant object. */
export function referenceGrantObject(g: ReferenceGrantSpec): JsonObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: g.name, namespace: g.namespace },
    spec: {
      from: g.from.map((f) => ({ group: f.group, kind: f.kind, namespace: f.namespace })),
      to: g.to.map((t) => ({ group: t.group, kind: t.kind, ...(t.name !== undefined ? { name: t.name } : {}) })),
    },
  };
}
