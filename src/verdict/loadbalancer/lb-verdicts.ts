// verdict: pass/fail statements about the load balancers of a run — every balancer's pool keeps a member
// in service, no member takes connections it cannot serve for longer than its monitors need to notice, and
// every device failure is covered by the HA peer within its failover time.
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

/** How long a correct monitor may take to notice a dead member: its timeout plus one interval (the last
 *  success can be up to an interval before the failure). The longest over the balancer's monitors. */
export function noticeWindow(lb: LoadBalancerSpec): number {
  return Math.max(...lb.monitors.map((m) => m.timeout + m.interval));
}

export function lbVerdicts(lbs: readonly LoadBalancerSpec[], r: LoadBalancerReport, end: number): LbVerdict[] {
  // A device's failure is judged by the failover verdict; this one is about the pool.
  const outages = r.outages.filter((o) => o.reason === 'no member in service');
  const late = r.blackholes.filter((b) => (b.to ?? end) - b.from > noticeWindow(lbs.find((l) => l.name === b.lb)!));
  const uncovered = r.outages.filter((o) => o.reason === 'device down' && (o.to ?? end) - o.from > (lbs.find((l) => l.name === o.lb)?.ha?.failover ?? 0));
  return [
    {
      id: 'load-balancers',
      title: 'every load balancer keeps a healthy member',
      status: outages.length ? 'fail' : 'pass',
      detail: outages.length ? outages.map((o) => `${o.lb} down from t=${secs(o.from)} to ${until(o.to)} (${o.reason})`).join(', ') : `${r.transitions.length} member transition(s), no outage`,
    },
    {
      id: 'lb-blackholes',
      title: 'no member takes connections it cannot serve beyond its monitors\' timeout + interval',
      status: late.length ? 'fail' : 'pass',
      detail: late.length
        ? late.map((b) => `${b.lb} ${b.member} (${Math.round(b.share * 100)}% of new connections) from t=${secs(b.from)} to ${until(b.to)}`).join(', ')
        : `${r.blackholes.length} blackhole window(s), each closed by a monitor in time`,
    },
    {
      id: 'lb-failover',
      title: 'every device failure is covered by its HA peer within the failover time',
      status: uncovered.length ? 'fail' : 'pass',
      detail: uncovered.length
        ? uncovered.map((o) => `${o.lb} without an active unit from t=${secs(o.from)} to ${until(o.to)}`).join(', ')
        : `${r.failovers.length} failover(s), longest gap ${secs(Math.max(0, ...r.failovers.map((f) => f.gap)))}`,
    },
  ];
}
