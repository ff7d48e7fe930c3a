// verdict: pass/fail statements about the load balancers of a run — every balancer keeps a member in
// service (F5) or a node announcing each VIP (MetalLB), no member takes connections it cannot serve for
// longer than its monitors need to notice, every device failure is covered by the HA peer within its
// failover time, and every MetalLB layer 2 failover completes within MetalLB's documented bound.
import type { LoadBalancerSpec } from '../../scenario/types.js';
import type { LoadBalancerReport } from './lb-report.js';

export interface LbVerdict {
  readonly id: string;
  readonly title: string;
  readonly status: 'pass' | 'fail';
  readonly detail: string;
}

const secs = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;
const until = (to: number | undefined): string => (to === undefined ? 'the end' : secs(to));

/** MetalLB layer 2 docs (concepts/layer2, Limitations): failover "within a few seconds"; slower than about 10 s is a bug to report. */
export const METALLB_L2_FAILOVER_BOUND_MS = 10_000;

/** How long a correct monitor may take to notice a dead member: its timeout plus one interval (the last
 *  success can be up to an interval before the failure). The longest over the balancer's monitors. */
export function noticeWindow(lb: LoadBalancerSpec): number {
  return Math.max(...lb.monitors.map((m) => m.timeout + m.interval));
}

/** The detail of a passing `load-balancers`: a device's own outage (the failover verdict's) is named, not denied. */
function poolsHeld(r: LoadBalancerReport): string {
  const devices = r.outages.filter((o) => o.reason === 'device down').length;
  return `${r.transitions.length} member transition(s), ${devices ? `no pool without a member in service (${devices} device outage(s): see the failover verdict)` : 'no outage'}`;
}

export function lbVerdicts(lbs: readonly LoadBalancerSpec[], r: LoadBalancerReport, end: number): LbVerdict[] {
  // A device's failure is judged by the failover verdict; this one is about the pool.
  const outages = r.outages.filter((o) => o.reason === 'no member in service');
  const late = r.blackholes.filter((b) => (b.to ?? end) - b.from > noticeWindow(lbs.find((l) => l.name === b.lb)!));
  const uncovered = r.outages.filter((o) => o.reason === 'device down' && (o.to ?? end) - o.from > (lbs.find((l) => l.name === o.lb)?.ha?.failover ?? 0));
  const ml = r.metallb;
  const dark = ml.flatMap((m) => m.outages.filter((o) => o.reason === 'no node announces it'));
  const slow = ml.flatMap((m) => m.outages.filter((o) => o.reason !== 'no node announces it' && (o.to ?? end) - o.from > METALLB_L2_FAILOVER_BOUND_MS));
  const mlHoles = ml.reduce((n, m) => n + m.blackholes.length, 0);
  const failovers = [...r.failovers.map((f) => f.gap), ...ml.flatMap((m) => m.failovers.map((f) => f.gap))];
  const fail = (xs: readonly unknown[]): 'pass' | 'fail' => (xs.length ? 'fail' : 'pass');
  return [
    {
      id: 'load-balancers',
      title: 'every load balancer keeps a healthy member',
      status: fail([...outages, ...dark]),
      detail:
        outages.length + dark.length
          ? [...outages.map((o) => `${o.lb} down from t=${secs(o.from)} to ${until(o.to)} (${o.reason})`), ...dark.map((o) => `${o.lb} ${o.vip}: no node announces it from t=${secs(o.from)} to ${until(o.to)}`)].join(', ')
          : poolsHeld(r),
    },
    {
      id: 'lb-blackholes',
      title: "no member takes connections it cannot serve beyond its monitors' timeout + interval",
      status: fail(late),
      detail:
        late.length
          ? late.map((b) => `${b.lb} ${b.member} (${Math.round(b.share * 100)}% of new connections) from t=${secs(b.from)} to ${until(b.to)}`).join(', ')
          : `${r.blackholes.length} blackhole window(s), each closed by a monitor in time${mlHoles ? `; MetalLB BGP: ${mlHoles} closed by the router's hold timer` : ''}`,
    },
    {
      id: 'lb-failover',
      title: 'every device failure is covered by its HA peer within the failover time',
      status: fail([...uncovered, ...slow]),
      detail:
        uncovered.length + slow.length
          ? [...uncovered.map((o) => `${o.lb} without an active unit from t=${secs(o.from)} to ${until(o.to)}`), ...slow.map((o) => `${o.lb} ${o.vip} answered nowhere from t=${secs(o.from)} to ${until(o.to)} (${o.reason})`)].join(', ')
          : `${failovers.length} failover(s), longest gap ${secs(Math.max(0, ...failovers))}`,
    },
  ];
}
