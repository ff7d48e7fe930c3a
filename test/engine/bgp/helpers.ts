// test helpers for the BGP engine: compact views of a network's state.
import type { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';

/** prefix → peers of its paths (best first) at one node. */
export function routesOf(net: BgpNetwork, node: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of net.routes(node)) out[r.prefix] = r.paths.map((p) => p.peer);
  return out;
}

/** Count of session ends per state over the whole network. */
export function sessionStates(net: BgpNetwork): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of net.sessionCounts()) for (const [k, v] of Object.entries(n.states)) out[k] = (out[k] ?? 0) + v;
  return out;
}
