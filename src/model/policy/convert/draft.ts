// model: the intermediate Calico v3 form every converter produces (selectors still as written, values
// already validated and parsed) before finalize-policy.ts applies Felix's selector rewriting.
import type { SourceRef } from '../../../lib/diagnostics.js';
import type { Cidr } from '../../../lib/ipv4.js';
import type { IcmpMatch, PolicyKind, PortMatch, RuleAction, RuleOrigin } from '../types.js';

/** A v3 EntityRule: CIDRs parsed (IPv4 only), selectors as Calico selector text. */
export interface DraftEntity {
  readonly nets?: readonly Cidr[];
  readonly notNets?: readonly Cidr[];
  readonly selector?: string;
  readonly notSelector?: string;
  readonly namespaceSelector?: string;
  readonly serviceAccounts?: { readonly names: readonly string[]; readonly selector?: string };
  readonly ports?: PortMatch;
  readonly notPorts?: PortMatch;
  readonly services?: { readonly name: string; readonly namespace: string };
}

/** A v3 Rule. `ipv4` false when Felix renders no IPv4 version of it (see Rule.ipv4). */
export interface DraftRule {
  readonly action: RuleAction;
  readonly ipVersion?: 4 | 6;
  readonly protocol?: number;
  readonly notProtocol?: number;
  readonly icmp?: IcmpMatch;
  readonly notICMP?: IcmpMatch;
  readonly source: DraftEntity;
  readonly destination: DraftEntity;
  readonly ipv4: boolean;
  readonly http?: { readonly methods: readonly string[]; readonly paths: readonly string[] };
  readonly origin: RuleOrigin;
}

/** A v3 (Global)NetworkPolicy, defaults applied. */
export interface DraftPolicy {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly namespace?: string;
  readonly tier: string;
  readonly order: number;
  /** `spec.selector` as written ('' = all()). */
  readonly selector: string;
  /** GNP `namespaceSelector` ('' when absent). */
  readonly namespaceSelector: string;
  readonly serviceAccountSelector: string;
  readonly types: { readonly ingress: boolean; readonly egress: boolean };
  readonly ingress: readonly DraftRule[];
  readonly egress: readonly DraftRule[];
  readonly staged: boolean;
  readonly stagedAction?: 'Set' | 'Delete' | 'Learn' | 'Ignore';
  readonly preDNAT: boolean;
  readonly doNotTrack: boolean;
  readonly applyOnForward: boolean;
  readonly src: SourceRef;
  readonly sourceKind: string;
}

/** A rule with no restriction other than its action (used for fail-closed ANP rules). */
export function bareRule(action: RuleAction, origin: RuleOrigin): DraftRule {
  return { action, source: {}, destination: {}, ipv4: true, origin };
}
