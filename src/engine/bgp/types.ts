// engine/bgp: public types of the BGP engine — options, inputs, network changes and reports.
import type { ExternalPeerSpec, NodeDownMode } from '../../scenario/types.js';

/** Tunables of the BGP model; every default follows Calico's BIRD configuration. */
export interface BgpOptions {
  /** One-way latency of a session (ms), plus a per-session U[0, latencyJitterMs) drawn from the seed. */
  readonly latencyMs?: number;
  readonly latencyJitterMs?: number;
  /** A speaker gathers the route changes of this many ms into one batch per session (BIRD's buckets). */
  readonly batchWindowMs?: number;
  /** BIRD's timer randomisation (value − U{0..value/4} whole seconds); false = exact timer values. */
  readonly timerJitter?: boolean;
  /** Calico bird.cfg.template: connect delay 2 s, connect retry 5 s, error wait 5..30 s. */
  readonly connectDelayS?: number;
  readonly connectRetryS?: number;
  readonly errorWaitMinS?: number;
  readonly errorWaitMaxS?: number;
  /** Chance that two BIRDs whose connections cross (both ends active: reflector sessions, which Calico
   *  leaves without a passive side) restart the session instead of resolving the collision; each restart
   *  re-arms both connect timers together, so they cross again (collision.ts; 0: RFC 4271 §6.8 only). */
  readonly crossingRestartP?: number;
  /** BIRD error amnesia time: the error wait is forgotten after this long without errors. */
  readonly errorAmnesiaS?: number;
  /** BIRD defaults left by Calico: hold 240 s (also while in OpenSent), graceful restart 120 s. */
  readonly holdTimeS?: number;
  readonly gracefulRestartS?: number;
  /** Hold time of an external peer whose spec sets none (common router default 180 s). */
  readonly externalHoldTimeS?: number;
  /** Nodes reach every next hop through a default route (true), or only their own subnet. */
  readonly underlayDefaultRoute?: boolean;
  /** Record blackhole windows of pod destinations (a scan per failure). */
  readonly trackBlackholes?: boolean;
  /** Prefix of the event-kind names registered on the Simulation (one network per prefix). */
  readonly kindPrefix?: string;
  /** Lay the session table out in order of latency (a faster cold start, session-order.ts) rather than
   *  in creation order; the results are the same either way. */
  readonly layOutByLatency?: boolean;
}

/** Share of crossing connections between two BIRD 1.6 daemons that restarted the session instead of
 *  settling, measured in `calisim emulate`'s lab (24 runs of the reflector topology, 216 sessions; README). */
export const CROSSING_RESTART_P = 0.37;

/** Options with defaults applied. */
export type ResolvedBgpOptions = { readonly [K in keyof BgpOptions]-?: NonNullable<BgpOptions[K]> };

export function resolveBgpOptions(o: BgpOptions = {}): ResolvedBgpOptions {
  return {
    latencyMs: o.latencyMs ?? 1,
    latencyJitterMs: o.latencyJitterMs ?? 1,
    batchWindowMs: o.batchWindowMs ?? 1,
    timerJitter: o.timerJitter ?? true,
    connectDelayS: o.connectDelayS ?? 2,
    connectRetryS: o.connectRetryS ?? 5,
    errorWaitMinS: o.errorWaitMinS ?? 5,
    errorWaitMaxS: o.errorWaitMaxS ?? 30,
    crossingRestartP: o.crossingRestartP ?? CROSSING_RESTART_P,
    errorAmnesiaS: o.errorAmnesiaS ?? 300,
    holdTimeS: o.holdTimeS ?? 240,
    gracefulRestartS: o.gracefulRestartS ?? 120,
    externalHoldTimeS: o.externalHoldTimeS ?? 180,
    underlayDefaultRoute: o.underlayDefaultRoute ?? true,
    trackBlackholes: o.trackBlackholes ?? true,
    kindPrefix: o.kindPrefix ?? 'bgp',
    layOutByLatency: o.layOutByLatency ?? true,
  };
}

/** An external BGP peer of a tenant (scenario `tenants[].calico.peers[]`). */
export interface ExternalBgpPeer {
  readonly tenant: string;
  readonly spec: ExternalPeerSpec;
}

/** A change applied to the network at a simulated time. Node names are `node` or `tenant/node`. */
export type BgpChange =
  | { readonly kind: 'node-down'; readonly node: string; readonly mode: NodeDownMode }
  | { readonly kind: 'node-up'; readonly node: string }
  | { readonly kind: 'link-down'; readonly a: string; readonly b: string; readonly mode?: 'reset' | 'silent' }
  | { readonly kind: 'link-up'; readonly a: string; readonly b: string }
  | { readonly kind: 'peer-down'; readonly node: string; readonly peer: string }
  | { readonly kind: 'peer-up'; readonly node: string; readonly peer: string }
  | { readonly kind: 'blocks'; readonly node: string; readonly blocks: readonly string[]; readonly borrowed?: readonly string[] }
  | { readonly kind: 'reconfigure'; readonly configs: readonly import('../../model/bgp/types.js').NodeBgpConfig[] };

/** Convergence of one change: when it was applied and when the last route change it caused happened. */
export interface ConvergenceRecord {
  readonly label: string;
  readonly at: number;
  /** Time of the last Loc-RIB change after `at` and before the next change (null: none). */
  readonly lastRouteChange: number | null;
  /** lastRouteChange − at in ms (null: nothing changed). */
  readonly convergenceMs: number | null;
  readonly routeChanges: number;
}

/** A period during which a node's FIB had no route to a live pod destination, or pointed at a dead hop. */
export interface BlackholeWindow {
  readonly node: string;
  readonly prefixes: readonly string[];
  readonly from: number;
  /** null while still open. */
  readonly to: number | null;
  readonly reason: 'missing' | 'dead-next-hop';
}

/** One session end as `birdc show protocols all` would describe it. */
export interface SessionReport {
  readonly node: string;
  readonly peer: string;
  readonly peerIp: string;
  readonly protocol: string;
  readonly kind: string;
  readonly state: string;
  /** ms since Established (null when not established). */
  readonly uptimeMs: number | null;
  readonly routesReceived: number;
  readonly routesSent: number;
  readonly updatesReceived: number;
  readonly updatesSent: number;
  readonly prefixUpdatesReceived: number;
  readonly prefixUpdatesSent: number;
  readonly lastError: string;
}
