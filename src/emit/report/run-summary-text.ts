// emit: the concise human summary of a run that `calisim run` prints.
import type { RunReport } from '../../verdict/run/run-report.js';
import { renderLbSummary } from '../loadbalancer/lb-summary-text.js';
import { renderMetalLbSummary } from '../loadbalancer/metallb-summary-text.js';

const secs = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;

/** Renders the run report as a few lines per cluster and one per verdict. */
export function renderRunSummary(r: RunReport): string {
  const out: string[] = [];
  out.push(`calisim run: scenario ${r.scenario} (seed ${r.seed}), simulated ${secs(r.endTime)}, ${r.eventsProcessed} events processed`);
  out.push('');
  out.push('Timeline:');
  if (r.timeline.length === 0) out.push('  (no events)');
  for (const t of r.timeline) out.push(`  ${secs(t.at).padStart(8)}  ${t.kind} ${t.target}${t.effects.length ? ` — ${summariseEffects(t.effects)}` : ''}`);
  out.push('');
  out.push('Clusters:');
  for (const c of r.clusters) {
    const pools = c.pools.map((p) => `${p.name} ${p.cidr} ${p.used}/${p.capacity} used in ${p.blocks} block(s)${p.exhausted ? ' EXHAUSTED' : ''}`).join('; ');
    const u = c.underlay;
    const net = u.kind === 'flannel' ? `flannel VNI ${u.vni} ${u.cidr}` : `${u.kind} ${u.cidr}`;
    out.push(
      `  ${c.name.padEnd(14)} ${c.kind === 'management' ? 'management' : c.placement.padEnd(10)}  nodes ${c.nodes.up}/${c.nodes.total} up  pods ${c.pods.running} running${c.pods.pending ? `, ${c.pods.pending} pending` : ''}${c.pods.withoutAddress ? `, ${c.pods.withoutAddress} without IP` : ''}  ${net} MTU ${u.mtu}`,
    );
    if (pools) out.push(`  ${''.padEnd(14)} pools: ${pools}`);
    if (c.bgp.sessions) out.push(`  ${''.padEnd(14)} BGP: ${c.bgp.established}/${c.bgp.sessions} sessions established, ${c.bgp.routes} routes held`);
  }
  out.push('');
  out.push('BGP convergence:');
  for (const x of r.bgp.convergence) out.push(`  ${secs(x.at).padStart(8)}  ${x.label}: ${x.convergenceMs === null ? 'no route changed' : `settled after ${secs(x.convergenceMs)} (${x.routeChanges} route changes)`}`);
  if (!r.bgp.blackholesTracked) out.push('  blackhole windows not tracked (platform too large for a FIB scan after every failure)');
  const holes = r.bgp.blackholes;
  if (holes.length) {
    out.push(`  ${holes.length} blackhole window(s), e.g. ${holes[0]!.node} could not reach ${holes[0]!.prefixes.slice(0, 2).join(', ')} from ${secs(holes[0]!.from)} to ${holes[0]!.to === null ? 'the end' : secs(holes[0]!.to)} (${holes[0]!.reason})`);
  }
  out.push('');
  out.push(...certificateLines(r));
  out.push('');
  const lbs = [...renderLbSummary(r.loadBalancers.virtualServers), ...renderMetalLbSummary(r.loadBalancers.metallb)];
  if (lbs.length) out.push(...lbs, '');
  out.push('Verdicts:');
  for (const v of r.verdicts) out.push(`  ${v.status === 'pass' ? 'PASS' : 'FAIL'}  ${v.name}: ${v.detail}`);
  const failed = r.verdicts.filter((v) => v.status === 'fail').length;
  out.push('');
  out.push(failed ? `${failed} verdict(s) failed.` : 'All verdicts hold.');
  return out.join('\n') + '\n';
}

function summariseEffects(effects: readonly string[]): string {
  const text = effects.join('; ');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Certificate windows and their network consequences, a line each (the first ten of each). */
function certificateLines(r: RunReport): string[] {
  const c = r.certificates;
  const out = [`Certificates: ${c.issued} issued, ${c.rotations} rotation(s), ${c.windows.length} window(s) without a valid certificate`];
  const until = (to: number | undefined): string => (to === undefined ? 'the end' : secs(to));
  for (const w of c.windows.slice(0, 10)) out.push(`  ${secs(w.from).padStart(8)}  ${w.cluster}/${w.name} ${w.reason} until ${until(w.to)}`);
  if (c.windows.length > 10) out.push(`  ... and ${c.windows.length - 10} more`);
  for (const e of c.consequences.slice(0, 10)) out.push(`  ${secs(e.from).padStart(8)}  ${e.kind} on ${e.node ?? e.host ?? e.cluster} (${e.certificate}) until ${until(e.to)}`);
  if (c.consequences.length > 10) out.push(`  ... and ${c.consequences.length - 10} more consequence(s)`);
  return out;
}
