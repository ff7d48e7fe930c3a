// model: the packet the policy evaluators judge and the verdict with its explanation — which tier,
// policy (file:line) and rule decided each direction, and the trail of tiers/policies consulted.
import type { RuleAction } from '../types.js';

/** A packet end: a pod (index into PolicyModel.endpoints) or an IPv4 address (uint32) anywhere else. */
export type Peer = { readonly endpoint: number } | { readonly ip: number };

/** One connection attempt (the initiating packet; replies ride conntrack). Protocol is an IANA number. */
export interface Packet {
  readonly src: Peer;
  readonly dst: Peer;
  readonly protocol: number;
  readonly dstPort?: number;
  readonly srcPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

export type Outcome = 'allow' | 'deny' | 'unknown';

/** A policy named in an explanation. */
export interface PolicyRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly tier: string;
  readonly file: string;
  readonly line: number;
}

/** One step of the evaluation of a direction. */
export interface TrailStep {
  readonly tier: string;
  /** Undefined for the tier's end-of-tier step. */
  readonly policy?: PolicyRef;
  /**
   * What happened: `no-match` (no rule of the policy matched), `log` (a Log rule matched; evaluation went on),
   * `allow` / `deny` / `pass` (a rule matched), `staged` (staged policy: shown, not enforced),
   * `end-of-tier-deny` / `end-of-tier-pass` (no policy of the tier decided).
   */
  readonly result: 'no-match' | 'log' | 'allow' | 'deny' | 'pass' | 'staged' | 'end-of-tier-deny' | 'end-of-tier-pass';
  readonly ruleIndex?: number;
}

/**
 * How one direction was decided:
 * - `rule`: a policy rule (Allow/Deny) decided (tier, policy, ruleIndex, k8sRuleIndex set);
 * - `end-of-tier`: a tier with a policy selecting the endpoint ended with no decision; its defaultAction Deny dropped;
 * - `profile`: tiers applied but all passed; the endpoint's profiles decided (`profile` names the deciding
 *   one, or none matched → deny);
 * - `no-policy`: no tier had a policy selecting the endpoint for this direction; the profiles decided (for a
 *   pod, kns.<ns> allows);
 * - `not-applicable`: there is no endpoint on this side (an address outside the cluster, a hostNetwork pod
 *   without a HostEndpoint, traffic that never leaves the pod): nothing filters, action `allow`;
 * - `unknown`: the input cannot decide (see `unknown`).
 */
export interface SideExplanation {
  readonly decided: 'rule' | 'end-of-tier' | 'profile' | 'no-policy' | 'not-applicable' | 'unknown';
  readonly action: Outcome;
  /** The endpoint evaluated: `ns/pod`, `hostendpoint/<name>`, or the address. */
  readonly endpoint: string;
  readonly tier?: string;
  readonly policy?: PolicyRef;
  /** Index of the deciding Calico rule in the policy's ingress/egress list. */
  readonly ruleIndex?: number;
  /** For converted Kubernetes policies: index of the k8s rule (`spec.ingress[k]`) it came from. */
  readonly k8sRuleIndex?: number;
  readonly ruleAction?: RuleAction;
  /** file:line and field path of the deciding rule. */
  readonly rule?: { readonly path: string; readonly file: string; readonly line: number };
  readonly profile?: string;
  /** Why the side is `unknown` or `not-applicable`. */
  readonly reasons?: readonly string[];
  readonly trail: readonly TrailStep[];
}

/** The verdict on a packet: allowed only when the source's egress and the destination's ingress allow it. */
export interface Verdict {
  readonly verdict: Outcome;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  /** Service DNAT applied before policy: the Service, the backend pod chosen and the target port. */
  readonly dnat?: { readonly service: string; readonly backend: string; readonly port?: number };
  /** Why the verdict is `unknown`, or a note on a decision taken before policy (no Service backend). */
  readonly notes?: readonly string[];
}
