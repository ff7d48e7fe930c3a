// verdict: the result of `calisim check` and `calisim diff` — every assertion evaluated over the
// timeline, with a concrete counterexample for each failure, and every connection a change opens or
// closes. Emitters (src/emit/check, src/emit/diff) render these; the JSON schema is versioned.
import type { SourceRef } from '../../lib/diagnostics.js';

/** Version tag of the check JSON output; bump on any incompatible change. */
export const CHECK_SCHEMA = 'calisim.check/v1';
/** Version tag of the diff JSON output. */
export const DIFF_SCHEMA = 'calisim.diff/v1';

export type AssertionKind =
  | 'isolation'
  | 'route-leak'
  | 'overlapping-cidrs'
  | 'reach'
  | 'exposure'
  | 'ingress-route'
  | 'ingress-conflict'
  | 'bgp-sessions'
  | 'bgp-convergence'
  | 'ipam-headroom'
  | 'mtu'
  | 'certificates'
  | 'load-balancers';

export type AssertionStatus = 'pass' | 'fail' | 'unknown';

/** Which wall stopped (or failed to stop) a cross-tenant flow. */
export type IsolationLayer = 'underlay' | 'outer-wall' | 'routing' | 'inner-wall';

/** The policy rule (or default) that decided one side of a flow. */
export interface DecidingRule {
  readonly side: 'egress' | 'ingress' | 'management-egress' | 'management-ingress';
  readonly cluster: string;
  readonly action: string;
  /** `rule`, `end-of-tier`, `profile`, `no-policy`, `not-applicable`. */
  readonly decided: string;
  readonly tier?: string;
  readonly policy?: string;
  readonly ruleIndex?: number;
  readonly file?: string;
  readonly line?: number;
}

/** A concrete flow that breaks an assertion, how it travels, and what to change. */
export interface Counterexample {
  readonly at: number;
  readonly flow: {
    readonly from: string;
    readonly to: string;
    readonly protocol: string;
    readonly port?: number;
    readonly srcIp?: string;
    readonly dstIp?: string;
  };
  /** Hop-by-hop description of the packet's path (one line per hop). */
  readonly trace: readonly string[];
  readonly rules: readonly DecidingRule[];
  readonly layer?: IsolationLayer;
  /** The file and line of the policy or resource responsible, for SARIF and review comments. */
  readonly responsible?: SourceRef & { readonly what: string };
}

/** One evaluated assertion. */
export interface AssertionResult {
  /** Stable id, e.g. `isolation/acme->globex`, `reach/2`, `bgp-convergence/acme`. */
  readonly id: string;
  readonly kind: AssertionKind;
  readonly title: string;
  readonly status: AssertionStatus;
  /** First simulated time (ms) at which it failed (or became unknown). */
  readonly failedAt?: number;
  /** Where the assertion was written (an `expect` entry); undefined for built-in invariants. */
  readonly src?: SourceRef;
  readonly detail: string;
  readonly counterexample?: Counterexample;
}

/** The result of `calisim check`. */
export interface CheckReport {
  readonly schema: typeof CHECK_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  /** Points of the timeline evaluated: 0, after each event, and inside convergence windows. */
  readonly points: readonly { readonly at: number; readonly label: string }[];
  readonly assertions: readonly AssertionResult[];
  readonly summary: { readonly total: number; readonly passed: number; readonly failed: number; readonly unknown: number };
}

export type ChangeKind = 'newly-allowed' | 'newly-denied' | 'to-unknown' | 'from-unknown';

/** Verdict of one side pair before or after a change, with the deciding rules. */
export interface SideVerdicts {
  readonly verdict: 'allow' | 'deny' | 'unknown';
  readonly egress?: DecidingRule;
  readonly ingress?: DecidingRule;
}

/** A connection whose verdict changes, at workload level. */
export interface ConnectionChange {
  readonly cluster: string;
  readonly from: { readonly namespace: string; readonly workload: string; readonly kind: string } | { readonly address: string };
  readonly to: { readonly namespace: string; readonly workload: string; readonly kind: string };
  readonly protocol: string;
  /** Ports as text: `80`, `8000-8080`, or `all`. */
  readonly ports: string;
  readonly change: ChangeKind;
  readonly before: SideVerdicts;
  readonly after: SideVerdicts;
  /** True when the change only appears because staged policies were treated as enforced. */
  readonly staged?: boolean;
}

/** The result of `calisim diff`. */
export interface DiffReport {
  readonly schema: typeof DIFF_SCHEMA;
  readonly before: string;
  readonly after: string;
  readonly changes: readonly ConnectionChange[];
  readonly summary: { readonly newlyAllowed: number; readonly newlyDenied: number; readonly toUnknown: number; readonly fromUnknown: number };
}
