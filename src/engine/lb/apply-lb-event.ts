// engine: a timeline event aimed at a load balancer — its active unit failing or a unit returning
// (lb-down / lb-up), and an operator draining a pool member or putting it back (lb-member-disable /
// -enable; BIG-IP's "disabled" state: no new connections, existing ones drain). Returns the effects.
import type { Model } from '../../model/types.js';
import type { TimelineEventSpec } from '../../scenario/types.js';
import type { LoadBalancers } from './load-balancers.js';

/** Members of balancer `lb` a reference names: `host:port` exactly, every member on `host`, or (cluster mode)
 *  the listed member of a pod named `namespace/pod` or `pod`. */
export function membersNamed(lbs: LoadBalancers, lb: number, ref: string): number[] {
  return lbs.pools[lb]!.members.filter((m) => {
    const { label, pod } = lbs.members[m]!;
    if (pod) return lbs.listed(m) && (label === ref || lbs.members[m]!.node === ref || pod.name === ref || `${pod.namespace}/${pod.name}` === ref);
    return label === ref || label.slice(0, label.lastIndexOf(':')) === ref;
  });
}

export function applyLbEvent(ev: TimelineEventSpec, model: Model, lbs: LoadBalancers): string[] {
  const lb = model.loadBalancers.findIndex((x) => x.name === ev.lb);
  if (lb < 0) return [];
  if (ev.kind === 'lb-down') return [lbs.deviceDown(lb)];
  if (ev.kind === 'lb-up') return [lbs.deviceUp(lb)];
  const on = ev.kind === 'lb-member-enable';
  const chosen = membersNamed(lbs, lb, ev.member ?? '');
  for (const m of chosen) lbs.setEnabled(m, on);
  return chosen.map((m) => `${ev.lb} member ${lbs.members[m]!.label} ${on ? 'enabled' : 'disabled (draining: no new connections)'}`);
}
