// verdict: the `calisim bgp` text report — per node a `birdc show protocols`-like table, then the
// convergence of each change and the blackhole windows.
import type { BgpNetwork } from '../../engine/bgp/bgp-network.js';
import { bgpJson } from './bgp-json.js';

function seconds(ms: number | null): string {
  return ms === null ? '-' : `${(ms / 1000).toFixed(3)}s`;
}

function table(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ').trimEnd());
}

export function bgpText(net: BgpNetwork): string {
  const j = bgpJson(net);
  const out: string[] = [];
  for (const n of j.nodes) {
    out.push(n.name);
    const rows = [['Name', 'Peer', 'Address', 'State', 'Uptime', 'Routes rx/tx', 'Updates rx/tx', 'Info']];
    for (const s of n.sessions) {
      rows.push([s.protocol, s.peer, s.peerIp, s.state, seconds(s.uptimeMs), `${s.routesReceived}/${s.routesSent}`, `${s.updatesReceived}/${s.updatesSent}`, s.lastError]);
    }
    out.push(...table(rows).map((l) => `  ${l}`), '');
  }
  out.push('Convergence');
  const conv = [['At', 'Change', 'Last route change', 'Converged in', 'Route changes']];
  for (const c of j.convergence) {
    conv.push([seconds(c.at), c.label, seconds(c.lastRouteChange), seconds(c.convergenceMs), String(c.routeChanges)]);
  }
  out.push(...table(conv).map((l) => `  ${l}`), '');
  out.push('Blackhole windows');
  if (j.blackholes.length === 0) out.push('  none');
  for (const h of j.blackholes) {
    out.push(`  ${h.node}: ${h.prefixes.join(', ')} ${h.reason} from ${seconds(h.from)} to ${h.to === null ? 'now' : seconds(h.to)}`);
  }
  return out.join('\n') + '\n';
}
