// model: kube-proxy's choice of endpoints for one connection to a Service — which endpoints are usable
// (ready, else serving-and-terminating), the traffic policies (node-local or cluster-wide), topology hints,
// and whether the client's address is masqueraded to the node's. Pure; the caller supplies EndpointSlice
// conditions as they are at the time asked.

/** One endpoint as an EndpointSlice lists it. */
export interface SliceEndpoint {
  /** Caller's handle (a pod id, say). */
  readonly id: number;
  readonly node: number;
  readonly zone?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** `hints.forZones`, when the EndpointSlice controller set hints. */
  readonly forZones?: readonly string[];
}

/** How the connection reaches kube-proxy. */
export interface ProxyRequest {
  /** `external`: NodePort, LoadBalancer IP or externalIP from outside the cluster; `internal`: ClusterIP. */
  readonly via: 'external' | 'internal';
  readonly node: number;
  readonly zone?: string;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
}

/** The endpoints kube-proxy may pick and whether it masquerades the source. */
export interface ProxyChoice<E extends SliceEndpoint> {
  readonly candidates: readonly E[];
  /** External traffic with externalTrafficPolicy Cluster is masqueraded to the node's address. */
  readonly masquerade: boolean;
  /** Why `candidates` is what it is, in words. */
  readonly why: string;
}

/**
 * kube-proxy's rules (pkg/proxy/topology.go CategorizeEndpoints, iptables proxier):
 * - usable endpoints are the ready ones; when none is ready, the serving-and-terminating ones (KEP-1669);
 * - `Local` policy (externalTrafficPolicy for external traffic, internalTrafficPolicy for ClusterIP)
 *   keeps only the endpoints on this node, and no SNAT; none → the packet is dropped;
 * - with `Cluster`, topology hints narrow the set to the endpoints hinted for this node's zone, but only
 *   when every usable endpoint has hints and at least one is for the zone;
 * - external traffic with externalTrafficPolicy Cluster is masqueraded (KUBE-MARK-MASQ).
 */
export function kubeProxyChoice<E extends SliceEndpoint>(endpoints: readonly E[], req: ProxyRequest): ProxyChoice<E> {
  const ready = endpoints.filter((e) => e.ready);
  const usable = ready.length ? ready : endpoints.filter((e) => e.serving && e.terminating);
  const fallback = ready.length === 0 && usable.length > 0 ? ' (none ready: serving-and-terminating endpoints as a fallback)' : '';
  const local = req.via === 'external' ? req.externalTrafficPolicy === 'Local' : req.internalTrafficPolicy === 'Local';
  const masquerade = req.via === 'external' && req.externalTrafficPolicy === 'Cluster';
  const policy = req.via === 'external' ? `externalTrafficPolicy ${req.externalTrafficPolicy}` : `internalTrafficPolicy ${req.internalTrafficPolicy}`;
  if (local) {
    const here = usable.filter((e) => e.node === req.node);
    return { candidates: here, masquerade: false, why: `${policy}: ${here.length} of ${usable.length} usable endpoint(s) on this node${fallback}` };
  }
  const hinted = req.zone !== undefined && usable.length > 0 && usable.every((e) => e.forZones !== undefined);
  const inZone = hinted ? usable.filter((e) => e.forZones!.includes(req.zone!)) : [];
  if (inZone.length) return { candidates: inZone, masquerade, why: `${policy}, topology hints: ${inZone.length} endpoint(s) for zone ${req.zone}${fallback}` };
  return { candidates: usable, masquerade, why: `${policy}: any of ${usable.length} usable endpoint(s)${fallback}` };
}

/**
 * The endpoint of one connection. kube-proxy picks at random per connection (iptables `statistic
 * --mode random`); a trace must be repeatable, so calisim picks by a hash of the client address, which is
 * also what `sessionAffinity: ClientIP` pins.
 */
export function pickEndpoint<T>(candidates: readonly T[], clientIp: number): T | undefined {
  if (candidates.length === 0) return undefined;
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) h = Math.imul(h ^ ((clientIp >>> (i * 8)) & 0xff), 0x01000193);
  return candidates[(h >>> 0) % candidates.length];
}
