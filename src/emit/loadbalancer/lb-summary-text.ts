// emit: the load balancers' lines of `calisim run`'s text summary — per balancer its VIPs, method and SNAT,
// each member's state windows (with its pod in cluster mode) and share of new connections, outages,
// blackhole windows and failovers.
import type { MemberWindow, VirtualServerReport } from '../../verdict/loadbalancer/lb-report.js';

const secs = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;
const pct = (x: number): string => `${+(x * 100).toFixed(1)}%`;
const span = (from: number, to: number | undefined): string => `${secs(from)}–${to === undefined ? 'end' : secs(to)}`;

/** At most `max` windows of a member, then how many more. */
function windowsText(ws: readonly MemberWindow[], max = 6): string {
  const shown = ws.slice(0, max).map((w) => `${w.state} ${span(w.from, w.to)}`);
  return ws.length > max ? `${shown.join(', ')}, ... ${ws.length - max} more` : shown.join(', ');
}

export function renderLbSummary(vss: readonly VirtualServerReport[]): string[] {
  if (vss.length === 0) return [];
  const out = ['Load balancers:'];
  for (const vs of vss) {
    const mode = vs.mode === 'cluster' ? ', cluster mode (pod members)' : '';
    const vips = vs.vips.map((v) => (vs.memberPorts[v] === undefined ? v : `${v} (members :${vs.memberPorts[v]})`));
    out.push(`  ${vs.name}  ${vips.join(', ')}  ${vs.method}, SNAT ${vs.snat}${mode}, ${vs.members.length} member(s)`);
    for (const m of vs.members) out.push(`    ${m.member.padEnd(22)}${m.pod ? ` ${m.pod}` : ''} share ${pct(m.share).padStart(6)} at the end; ${windowsText(m.windows)}`);
    for (const o of vs.outages) out.push(`    outage ${span(o.from, o.to)} (${o.reason})`);
    for (const b of vs.blackholes.slice(0, 10)) {
      out.push(`    blackhole ${b.member}: ${pct(b.share)} of new connections went to a member that could not serve, ${span(b.from, b.to)}${b.to === undefined ? '' : ` (${secs(b.to - b.from)})`}`);
    }
    if (vs.blackholes.length > 10) out.push(`    ... and ${vs.blackholes.length - 10} more blackhole window(s)`);
    for (const f of vs.failovers) out.push(`    failover at ${secs(f.at)}: ${secs(f.gap)} without an active unit${f.connectionsLost ? ', established connections reset (no mirroring)' : ''}`);
    if (vs.pods.length) out.push(`    pods at the end: ${vs.pods.map((p) => `${p.pod} ${pct(p.share)}`).join(', ')}`);
  }
  return out;
}
