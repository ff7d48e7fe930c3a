// engine: MetalLB's stateless choices — which speaker announces a VIP in layer 2 mode, and how long the
// speakers' memberlist takes to declare a silently failed node dead (after which the VIP moves).

import { createHash } from 'node:crypto';

/**
 * Every node in the order MetalLB's speakers rank them for `vip`: by sha256(nodeName + "#" + vip)
 * (speaker/layer2_controller.go ShouldAnnounce; docs "How the L2 leader election works"). The leader is the
 * first eligible node of this order, so it can be computed once per VIP and scanned on every change.
 */
export function l2Order(nodes: readonly string[], vip: string): string[] {
  const key = new Map(nodes.map((n) => [n, createHash('sha256').update(`${n}#${vip}`).digest('hex')]));
  return [...nodes].sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : key.get(a)! > key.get(b)! ? 1 : 0));
}

/**
 * The L2 leader of `vip` among the eligible nodes: the first of them in l2Order. Removing a node other than
 * the leader keeps the leader; adding one changes it only when the newcomer sorts first.
 */
export function l2Leader(candidates: readonly string[], vip: string): string | undefined {
  return l2Order(candidates, vip)[0];
}

/** hashicorp/memberlist DefaultLANConfig (MetalLB internal/speakerlist uses it): probe every 1 s, 500 ms probe timeout, SuspicionMult 4. */
export const MEMBERLIST_LAN = { probeIntervalMs: 1000, probeTimeoutMs: 500, suspicionMult: 4 } as const;

/**
 * How long after a node fails silently the other speakers mark it dead: the next probe round reaches it
 * (one probe interval), the probe times out, then the suspicion timeout SuspicionMult × max(1, log10 n) ×
 * ProbeInterval runs out (memberlist util.go suspicionTimeout; with the expected confirmations it ends at that
 * minimum, state.go). A 3-node cluster: 1 + 0.5 + 4 = 5.5 s, "within a few seconds" (MetalLB layer 2 docs).
 */
export function memberlistDetectionMs(nodes: number): number {
  const { probeIntervalMs, probeTimeoutMs, suspicionMult } = MEMBERLIST_LAN;
  const scale = Math.max(1, Math.log10(Math.max(1, nodes)));
  // memberlist keeps three decimals of the scale: time.Duration(nodeScale*1000) * interval / 1000.
  const suspicion = (suspicionMult * Math.floor(scale * 1000) * probeIntervalMs) / 1000;
  return probeIntervalMs + probeTimeoutMs + suspicion;
}
