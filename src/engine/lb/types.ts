// engine: what the load-balancer runtime records — member state changes, outage, blackhole and failover
// windows, and the shares of new connections per member over time (times in ms of simulated time).

/** A member state change: the monitors' verdict (up/down), an operator's drain (disabled/enabled), or its
 *  controller writing it into or out of the pool (added/removed: cluster mode). */
export interface LbTransition {
  readonly lb: string;
  readonly member: string;
  readonly at: number;
  readonly state: 'up' | 'down' | 'disabled' | 'enabled' | 'added' | 'removed';
}

/** A window [from, to) in which a balancer's VIPs took no connection (no member in service, or no active unit). */
export interface LbOutage {
  readonly lb: string;
  readonly from: number;
  readonly to?: number;
  readonly reason: 'no member in service' | 'device down';
}

/** A window in which a member took new connections it could not serve (its share at the start). */
export interface LbBlackhole {
  readonly lb: string;
  readonly member: string;
  readonly from: number;
  readonly to?: number;
  readonly share: number;
}

/** An HA failover: the active unit failed at `at`; the standby took over `gap` ms later. */
export interface LbFailover {
  readonly lb: string;
  readonly at: number;
  readonly gap: number;
  /** Established connections through the failed unit were reset (AS3 Service_TCP `mirroring` default none). */
  readonly connectionsLost: boolean;
}

/** From `at` on, member i of the balancer takes `shares[i]` of new connections. */
export interface LbShareChange {
  readonly at: number;
  readonly shares: readonly number[];
}

export interface LbWindows {
  readonly transitions: readonly LbTransition[];
  readonly outages: readonly LbOutage[];
  readonly blackholes: readonly LbBlackhole[];
  readonly failovers: readonly LbFailover[];
  /** Per balancer (model order). */
  readonly shares: readonly (readonly LbShareChange[])[];
}
