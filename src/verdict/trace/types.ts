// verdict: a packet trace — every hop from the source to the destination, and the final disposition with
// a drop reason from a fixed list.

/** Why a packet was dropped. */
export type DropReason =
  | 'denied-by-policy'
  | 'no-route'
  | 'blackhole'
  | 'node-down'
  | 'mtu-exceeded'
  | 'no-ip-address'
  | 'no-such-endpoint'
  | 'no-path-between-vpcs'
  | 'lb-unavailable'
  /** The pod's node has no programmed dataplane: Felix lost Typha (a certificate) before the pod or the node started. */
  | 'no-dataplane';

/** One step of the packet's way. */
export interface TraceHop {
  /**
   * `policy-egress`, `route`, `encapsulation`, `underlay`, `mtu`, `nat`, `management-policy`, `deliver`,
   * `policy-ingress`; from outside and to Services: `entry`, `vip`, `lb-member`, `node-port`, `kube-proxy`.
   */
  readonly step: string;
  /** Where it happens: a node, a host, a network. */
  readonly at: string;
  readonly detail: string;
  /** For routes: the matching prefix and next hop. */
  readonly prefix?: string;
  readonly nextHop?: string;
  /** For encapsulation: the tunnel and outer addresses. */
  readonly encap?: string;
  readonly outerSrc?: string;
  readonly outerDst?: string;
  /** For policy steps: the deciding tier/policy/rule. */
  readonly policy?: string;
  readonly file?: string;
  readonly line?: number;
}

/** The whole trace. */
export interface Trace {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number | null;
  readonly size: number;
  /** Simulated time of the state traced (ms). */
  readonly at: number;
  readonly srcIp: string | null;
  readonly dstIp: string | null;
  readonly hops: readonly TraceHop[];
  readonly disposition: 'delivered' | 'dropped' | 'left-platform';
  readonly dropReason?: DropReason;
}
