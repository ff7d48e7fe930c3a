// verdict: the load balancers' part of a run report — per balancer (its virtual servers share one pool) the
// member state windows, outages, blackhole windows with their share, failovers, the shares of new
// connections per member over time and, at the end, per ingress-nginx pod behind the members. A cluster-mode
// balancer's members are pods (named in `pod`), each with its windows in and out of the pool.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { buildMetalLbReport, type MetalLbReport } from './metallb-report.js';
import type { LbBlackhole, LbFailover, LbOutage, LbTransition } from '../../engine/lb/types.js';

/** A member's state over [from, to): monitored up, down, disabled by an operator, or not in the pool (cluster mode). */
export interface MemberWindow {
  readonly state: 'up' | 'down' | 'disabled' | 'out-of-pool';
  readonly from: number;
  readonly to: number;
}

export interface VirtualServerReport {
  readonly name: string;
  readonly vips: readonly string[];
  /** The VIPs (as `vips` writes them) that send to their own member port (`vips[].memberPort`), with that port. */
  readonly memberPorts: Readonly<Record<string, number>>;
  readonly method: string;
  readonly snat: string;
  /** `nodeport` (members are hosts' NodePorts) or `cluster` (members are the ingress pods, as CIS writes them). */
  readonly mode: 'nodeport' | 'cluster';
  readonly members: readonly { readonly member: string; readonly pod?: string; readonly windows: readonly MemberWindow[]; readonly share: number }[];
  readonly outages: readonly LbOutage[];
  readonly blackholes: readonly LbBlackhole[];
  readonly failovers: readonly LbFailover[];
  /** From `at` on, each member's share of new connections (members in model order). */
  readonly shares: readonly { readonly at: number; readonly shares: readonly number[] }[];
  /** At the end: each ingress-nginx pod's share of the balancer's new connections (kube-proxy behind each member). */
  readonly pods: readonly { readonly pod: string; readonly share: number }[];
}

export interface LoadBalancerReport {
  readonly transitions: readonly LbTransition[];
  readonly outages: readonly LbOutage[];
  readonly blackholes: readonly LbBlackhole[];
  readonly failovers: readonly LbFailover[];
  readonly virtualServers: readonly VirtualServerReport[];
  /** The MetalLB balancers (kind metallb), apart: they have no pool of their own. */
  readonly metallb: readonly MetalLbReport[];
}

/** Share rounded to 4 decimals, so reports stay byte-stable across platforms' float printing. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** A member's windows from its transitions, closed at `end`; a cluster-mode member starts out of the pool. */
export function memberWindows(moves: readonly LbTransition[], end: number, listed = true): MemberWindow[] {
  const out: MemberWindow[] = [];
  let up = true;
  let enabled = true;
  let inPool = listed;
  let from = 0;
  let state: MemberWindow['state'] = inPool ? 'up' : 'out-of-pool';
  for (const t of moves) {
    if (t.state === 'up' || t.state === 'down') up = t.state === 'up';
    else if (t.state === 'added' || t.state === 'removed') inPool = t.state === 'added';
    else enabled = t.state === 'enabled';
    const next = !inPool ? 'out-of-pool' : !up ? 'down' : enabled ? 'up' : 'disabled';
    if (next === state) continue;
    if (t.at > from) out.push({ state, from, to: t.at });
    from = t.at;
    state = next;
  }
  out.push({ state, from, to: end });
  return out;
}

/** Each ingress-nginx pod's share of new connections behind the members' shares, in the run's current state. */
export function podShares(run: PlatformRun, lb: number): { pod: string; share: number }[] {
  const { model } = run;
  const ing = model.scenario.platform?.ingress;
  const pools = run.monitors.pools[lb]!;
  const shares = run.monitors.shares(lb);
  const pods = run.pods.pods.filter((p) => p.phase === 'running' && p.cluster === model.management && p.namespace === ing?.namespace && p.base.owner?.name === ing?.name && run.nodeUp[p.node] === 1);
  const got = new Map<string, number>();
  pools.members.forEach((m, i) => {
    // A cluster-mode member is its pod: the balancer's share reaches it directly (no kube-proxy hop).
    const pod = run.monitors.members[m]!.pod;
    if (pod) {
      if (pods.includes(pod)) got.set(`${pod.namespace}/${pod.name}`, (got.get(`${pod.namespace}/${pod.name}`) ?? 0) + shares[i]!);
      return;
    }
    const host = model.nodeByName.get(model.loadBalancers[lb]!.members[i]!.host) ?? -1;
    // kube-proxy spreads a NodePort's connections over ready endpoints: Local ones only on this node.
    const behind = ing?.externalTrafficPolicy === 'Local' ? pods.filter((p) => p.node === host) : pods;
    for (const p of behind) got.set(`${p.namespace}/${p.name}`, (got.get(`${p.namespace}/${p.name}`) ?? 0) + shares[i]! / behind.length);
  });
  return [...got].map(([pod, share]) => ({ pod, share: round(share) })).sort((a, b) => a.pod.localeCompare(b.pod));
}

/** A VIP as reports write it: `ADDRESS:PORT/PROTOCOL`. */
function vipText(v: { readonly address: string; readonly port: number; readonly protocol: string }): string {
  return `${v.address}:${v.port}/${v.protocol}`;
}

export function buildLbReport(run: PlatformRun): LoadBalancerReport {
  const w = run.monitors.windows();
  const end = run.stats.endTime;
  const virtualServers = run.model.loadBalancers.map((lb, li): VirtualServerReport => {
    const shares = run.monitors.shares(li);
    return {
      name: lb.name,
      vips: lb.vips.map(vipText),
      memberPorts: Object.fromEntries(lb.vips.flatMap((v) => (v.memberPort === undefined ? [] : [[vipText(v), v.memberPort]]))),
      method: lb.method,
      snat: lb.snat,
      mode: lb.cluster ? 'cluster' : 'nodeport',
      members: run.monitors.pools[li]!.members.map((m, i) => {
        const def = run.monitors.members[m]!;
        const pod = def.pod ? { pod: `${def.pod.namespace}/${def.pod.name}` } : {};
        return { member: def.label, ...pod, windows: memberWindows(w.transitions.filter((t) => t.lb === lb.name && t.member === def.label), end, !def.pod), share: round(shares[i]!) };
      }),
      outages: w.outages.filter((o) => o.lb === lb.name),
      blackholes: w.blackholes.filter((b) => b.lb === lb.name).map((b) => ({ ...b, share: round(b.share) })),
      failovers: w.failovers.filter((f) => f.lb === lb.name),
      shares: w.shares[li]!.map((s) => ({ at: s.at, shares: s.shares.map(round) })),
      pods: podShares(run, li),
    };
  });
  return { transitions: w.transitions, outages: w.outages, blackholes: w.blackholes, failovers: w.failovers, virtualServers, metallb: buildMetalLbReport(run) };
}
