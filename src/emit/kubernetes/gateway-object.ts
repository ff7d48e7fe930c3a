// emit: a Gateway API Gateway as `kubectl apply` takes it (gateway.networking.k8s.io/v1), from the
// GatewaySpec routes attach to; reading it back gives the same Gateway.
import type { LabelSelector } from '../../lib/selector/label-selector.js';
import type { GatewaySpec, JsonObject } from '../../scenario/types.js';

/** The Gateway object. */
export function gatewayObject(g: GatewaySpec): JsonObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: g.name, namespace: g.namespace },
    spec: {
      gatewayClassName: g.className,
      listeners: g.listeners.map((l) => ({
        name: l.name,
        ...(l.hostname !== undefined ? { hostname: l.hostname } : {}),
        port: l.port,
        protocol: l.protocol,
        allowedRoutes: { namespaces: { from: l.from, ...(l.selector ? { selector: labelSelectorObject(l.selector) } : {}) } },
      })),
      ...(specAddresses(g).length ? { addresses: specAddresses(g) } : {}),
    },
  };
}

/** The addresses the Gateway requests (status addresses are the implementation's to write). */
function specAddresses(g: GatewaySpec): JsonObject[] {
  return (g.addresses ?? []).filter((a) => a.from === 'spec').map((a) => ({ type: a.type, value: a.value }));
}

/** A LabelSelector as the API takes it (matchLabels a map, matchExpressions only when there are some). */
function labelSelectorObject(sel: LabelSelector): JsonObject {
  return {
    ...(sel.matchLabels.length ? { matchLabels: Object.fromEntries(sel.matchLabels) } : {}),
    ...(sel.matchExpressions.length ? { matchExpressions: sel.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values.length ? { values: [...e.values] } : {}) })) } : {}),
  };
}
