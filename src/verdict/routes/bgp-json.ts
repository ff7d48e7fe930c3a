// verdict: the `calisim bgp` JSON — each node's sessions (state, uptime, routes and UPDATEs received and
// sent, last error), convergence after each change, and blackhole windows.
import type { BgpNetwork } from '../../engine/bgp/bgp-network.js';
import type { BlackholeWindow, ConvergenceRecord, SessionReport } from '../../engine/bgp/types.js';

/** One session in the `bgp` document: the engine's report without the node (the document groups by node)
 *  and without the per-prefix update counts. */
export type BgpSessionJson = Omit<SessionReport, 'node' | 'prefixUpdatesReceived' | 'prefixUpdatesSent'>;

export interface BgpJson {
  readonly nodes: readonly { readonly name: string; readonly sessions: readonly BgpSessionJson[] }[];
  readonly convergence: readonly ConvergenceRecord[];
  readonly blackholes: readonly BlackholeWindow[];
}

export function bgpJson(net: BgpNetwork): BgpJson {
  const byNode = new Map<string, BgpSessionJson[]>();
  for (const name of net.speakers()) byNode.set(name, []);
  for (const s of net.sessions()) {
    byNode.get(s.node)?.push({
      peer: s.peer,
      peerIp: s.peerIp,
      protocol: s.protocol,
      kind: s.kind,
      state: s.state,
      uptimeMs: s.uptimeMs,
      routesReceived: s.routesReceived,
      routesSent: s.routesSent,
      updatesReceived: s.updatesReceived,
      updatesSent: s.updatesSent,
      lastError: s.lastError,
    });
  }
  return {
    nodes: [...byNode].map(([name, sessions]) => ({ name, sessions })),
    convergence: net.convergence(),
    blackholes: net.blackholeWindows(),
  };
}
