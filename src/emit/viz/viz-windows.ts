// emit/viz: the timeline's windows from the engine's records — BGP convergence after each change,
// blackhole windows, load-balancer outages and certificate windows; an open window ends at the horizon.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { VizWindow } from './viz-data.js';

/** Every window of the run, by start time then kind then label. */
export function vizWindows(run: PlatformRun, horizon: number): VizWindow[] {
  const net = run.bgp.net;
  const out: VizWindow[] = [
    ...net
      .convergence()
      .filter((c) => c.convergenceMs !== null && c.convergenceMs > 0)
      .map((c) => ({ kind: 'convergence', label: `BGP converging after ${c.label}`, from: c.at, to: c.at + (c.convergenceMs ?? 0) })),
    ...net.blackholeWindows().map((b) => ({ kind: 'blackhole', label: `${b.node}: ${b.prefixes.join(', ')} (${b.reason})`, from: b.from, to: b.to ?? horizon })),
    ...run.monitors.windows().outages.map((o) => ({ kind: 'lb-outage', label: `${o.lb}: ${o.reason}`, from: o.from, to: o.to ?? horizon })),
    ...run.pki.windowsSoFar().map((w) => ({ kind: 'certificate', label: `${w.cluster} ${w.component}${w.node ? ` on ${w.node}` : ''}: ${w.reason}`, from: w.from, to: w.to ?? horizon })),
  ];
  return out.sort((a, b) => a.from - b.from || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
