// engine: MetalLB's stateless choices — which speaker announces a VIP in layer 2 mode, and how long the
// speakers' memberlist takes to declare a silently failed node dead (after which the VIP moves).

import { createHash } from 'node:crypto';

/**
 * The L2 leader of `vip` among the eligible nodes: every speaker sorts the candidates by
 * sha256(nodeName + "#" + vip) and the first announces (MetalLB speaker/layer2_controller.go ShouldAnnounce;
 * docs "How the L2 leader election works"). Removing a node other than the leader keeps the leader; adding
 * one changes it only when the newcomer sorts first.
 */
export function l2Leader(candidates: readonly string[], vip: string): string | undefined {
  let best: string | undefined;
  let bestKey = '';
  for (const node of candidates) {
    const key = createHash('sha256').update(`${node}#${vip}`).digest('hex');
    if (best === undefined || key < bestKey) {
      best = node;
      bestKey = key;
    }
  }
  return best;
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
