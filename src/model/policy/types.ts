// model: the policy IR — tiers, policies, rules and profiles exactly as Felix evaluates them, after
// Calico's conversions (k8s NetworkPolicy / AdminNetworkPolicy → Calico) and selector rewriting (pcns./pcsa.
// prefixes, namespace scoping). Semantics follow Calico v3.32 (calico-semantics.md §2-§3); read-only data.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { Cidr } from '../../lib/ipv4.js';
import type { Selector } from '../../lib/selector/types.js';
import type {
  HostEndpoint,
  NamespaceInfo,
  NetworkSet,
  ServiceInfo,
  WorkloadEndpoint,
} from '../endpoints/types.js';

export type Direction = 'ingress' | 'egress';

/** Calico rule action. `Pass` (Felix `next-tier`) leaves the current tier; `Log` is not terminal. */
export type RuleAction = 'Allow' | 'Deny' | 'Log' | 'Pass';

/**
 * Kind of the source object, as Felix's PolicyKey.Kind (v3.32). AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) are mapped the way Calico v3.32 maps their
 * successor ClusterNetworkPolicy (tier kube-admin / kube-baseline); see convert-admin-policy.ts.
 */
export type PolicyKind =
  | 'KubernetesNetworkPolicy'
  | 'NetworkPolicy'
  | 'GlobalNetworkPolicy'
  | 'StagedKubernetesNetworkPolicy'
  | 'StagedNetworkPolicy'
  | 'StagedGlobalNetworkPolicy'
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy';

/** A tier (projectcalico.org/v3 Tier). Built-ins: kube-admin 1000 Pass, default 1e6 Deny, kube-baseline 1e7 Pass. */
export interface Tier {
  readonly name: string;
  /** `spec.order`; Infinity when omitted (sorts after every numbered tier). */
  readonly order: number;
  /** What happens when no policy of the tier decided: Deny (drop) or Pass (next tier / profiles). */
  readonly defaultAction: 'Deny' | 'Pass';
  readonly builtIn: boolean;
  /** Where the Tier manifest was written (undefined for built-ins and undeclared tiers). */
  readonly src?: SourceRef;
}

/** Inclusive port range; a single port has min === max. Ports are 1..65535 (0 is rejected). */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/**
 * A `ports` / `notPorts` list: numeric ranges and named ports, ORed. A named port matches the
 * `(IP, protocol, port)` of every endpoint port with that name whose endpoint matches the rule's positive
 * selector on the same side (every endpoint when that side has no selector) and whose protocol equals the
 * rule's `protocol` when the rule has one (any protocol otherwise) — felix named_port_index.go.
 */
export interface PortMatch {
  readonly ranges: readonly PortRange[];
  readonly named: readonly string[];
}

/** ICMP type/code match: `code` undefined matches every code of the type. */
export interface IcmpMatch {
  readonly type: number;
  readonly code?: number;
}

/** The fields of a Calico EntityRule as written, kept for explanations (before rewriting). */
export interface EntityRuleOriginal {
  readonly selector?: string;
  readonly notSelector?: string;
  readonly namespaceSelector?: string;
  readonly serviceAccounts?: { readonly names: readonly string[]; readonly selector?: string };
}

/**
 * One side (source or destination) of a rule, as Felix matches it. Every present field must match (AND);
 * inside a list any element may match (OR); every `not*` field must not match. An absent field does not
 * restrict. Selectors are matched against IPs: a selector stands for the IPs of the workload and host
 * endpoints it matches plus the CIDRs of the (Global)NetworkSets it matches.
 */
export interface EntityMatch {
  /** IPv4 CIDRs (`nets`); undefined = no restriction. */
  readonly nets?: readonly Cidr[];
  readonly notNets?: readonly Cidr[];
  /**
   * The final positive selector Felix evaluates: rule `selector` AND `serviceAccounts` (pcsa.-prefixed
   * selector, `projectcalico.org/serviceaccount in {names}`), AND the namespace part (rule
   * `namespaceSelector` pcns.-prefixed with all() → has(projectcalico.org/namespace) and global() →
   * !has(projectcalico.org/namespace); else `projectcalico.org/namespace == '<policy ns>'` for namespaced
   * policies). The namespace part is only added when the rule uses selector, serviceAccounts, notSelector
   * or namespaceSelector. Undefined = no endpoint restriction.
   */
  readonly selector?: Selector;
  /** `notSelector` exactly as written: never namespace-scoped, never prefixed. */
  readonly notSelector?: Selector;
  readonly ports?: PortMatch;
  readonly notPorts?: PortMatch;
  /** Calico `services` match: IPs (and, for a destination, ports) of the Service's backend endpoints. */
  readonly services?: { readonly name: string; readonly namespace: string };
  readonly original: EntityRuleOriginal;
}

/** Where a Calico rule came from, for explanations. */
export interface RuleOrigin {
  /** Field path of the rule in its manifest (`spec.ingress[1]`). */
  readonly path: string;
  readonly src: SourceRef;
  /**
   * For converted Kubernetes rules (NetworkPolicy, ANP, BANP): index of the k8s rule in its list. One k8s
   * rule becomes one Calico rule per (protocol × peer), protocols sorted by name ("" < SCTP < TCP < UDP).
   */
  readonly k8sRuleIndex?: number;
  /** Index of the peer (`from[i]` / `to[i]`) of the k8s rule; undefined when the rule had no peers. */
  readonly k8sPeerIndex?: number;
  /** ANP/BANP rule `name`. */
  readonly ruleName?: string;
}

/** One Calico rule (felix model.Rule). Protocols are IANA numbers. */
export interface Rule {
  /** Index in the policy's ingress or egress list (the Calico rule index). */
  readonly index: number;
  readonly action: RuleAction;
  /** 4 or 6 when set; a rule with ipVersion 6 never matches IPv4 packets. */
  readonly ipVersion?: 4 | 6;
  readonly protocol?: number;
  readonly notProtocol?: number;
  readonly icmp?: IcmpMatch;
  readonly notICMP?: IcmpMatch;
  readonly source: EntityMatch;
  readonly destination: EntityMatch;
  /**
   * False when Felix renders no IPv4 version of the rule: ipVersion 6, or a nets/notNets field that held only
   * IPv6 CIDRs (the field becomes empty after family filtering and the whole rule is dropped for IPv4).
   */
  readonly ipv4: boolean;
  /** `http` match (Allow rules only): kept for reports, not enforced by Felix's L3/L4 rules. */
  readonly http?: { readonly methods: readonly string[]; readonly paths: readonly string[] };
  readonly origin: RuleOrigin;
}

/** A policy after conversion (Felix model.Policy plus where it came from). */
export interface Policy {
  /** Position in PolicyModel.policies. */
  readonly id: number;
  readonly kind: PolicyKind;
  /** Name as written (v3.32 keeps k8s names unprefixed). */
  readonly name: string;
  /** Namespace of a namespaced policy; undefined for global ones (GNP, ANP, BANP). */
  readonly namespace?: string;
  readonly tier: string;
  /** `spec.order`; Infinity when omitted. KNP = 1000, ANP = priority, BANP = 1000. */
  readonly order: number;
  /**
   * Felix v3.32 tie-break among equal orders (felix/calc/policy_sorter.go PolKVLess): the string
   * `<name>/<namespace>/<kind>` compared bytewise (namespace empty for global policies).
   */
  readonly sortKey: string;
  /**
   * Endpoints the policy applies to, after rewriting: NetworkPolicy `(<selector>) && projectcalico.org/namespace
   * == '<ns>'`; GNP selector AND pcns.-prefixed namespaceSelector AND pcsa.-prefixed serviceAccountSelector.
   */
  readonly selector: Selector;
  /** Directions the policy governs (after types defaulting). */
  readonly types: { readonly ingress: boolean; readonly egress: boolean };
  readonly ingress: readonly Rule[];
  readonly egress: readonly Rule[];
  /** Staged policies are reported but never enforced and never arm a tier's end-of-tier drop. */
  readonly staged: boolean;
  readonly stagedAction?: 'Set' | 'Delete' | 'Learn' | 'Ignore';
  /** GNP flags: preDNAT/doNotTrack policies do not run in the normal (filter) chains modelled here. */
  readonly preDNAT: boolean;
  readonly doNotTrack: boolean;
  readonly applyOnForward: boolean;
  /** The manifest: file/line of `metadata`, and its apiVersion/kind as written. */
  readonly src: SourceRef;
  readonly sourceKind: string;
}

/** A Calico Profile: rules evaluated after every tier passed, and labels its endpoints inherit. */
export interface Profile {
  readonly name: string;
  readonly ingress: readonly Rule[];
  readonly egress: readonly Rule[];
  readonly labelsToApply: Readonly<Record<string, string>>;
  /** Undefined for generated profiles (kns.*, ksa.*, projectcalico-default-allow). */
  readonly src?: SourceRef;
}

/** Everything the evaluators read. Arrays are sorted deterministically and frozen in spirit. */
export interface PolicyModel {
  readonly cluster?: string;
  /**
   * Tiers in Felix order (policy_sorter.go TierLess): order ascending, Infinity last, ties by name. A policy
   * naming a tier that does not exist is rejected (as the Calico API server does), so every tier is valid.
   */
  readonly tiers: readonly Tier[];
  /** Policies sorted by (tier position, order, sortKey); `policies[i].id === i`. */
  readonly policies: readonly Policy[];
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly namespaces: readonly NamespaceInfo[];
  readonly endpoints: readonly WorkloadEndpoint[];
  readonly hostEndpoints: readonly HostEndpoint[];
  readonly networkSets: readonly NetworkSet[];
  readonly services: readonly ServiceInfo[];
}
