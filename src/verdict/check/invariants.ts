// verdict: the built-in invariants checked at every point besides isolation and reachability — IPAM
// headroom, consistent MTU along the layers, certificates valid, load balancers serving.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { calicoPodMtu } from '../../model/underlay/mtu.js';
import { buildLbReport } from '../loadbalancer/lb-report.js';
import { lbVerdicts } from '../loadbalancer/lb-verdicts.js';
import { vipRoutedVerdict } from '../loadbalancer/vip-routed.js';
import { metallbVerdicts } from '../loadbalancer/metallb-bgp-conflict.js';
import type { AssertionStatus } from './types.js';

/** One invariant's outcome at a point. */
export interface InvariantOutcome {
  readonly id: string;
  readonly kind: 'ipam-headroom' | 'mtu' | 'certificates' | 'load-balancers';
  readonly title: string;
  readonly status: AssertionStatus;
  readonly detail: string;
}

/** Every pod has a node and an address (as `run`'s verdict): one outcome per cluster, under the IPAM kind. */
export function podsPlaced(run: PlatformRun): InvariantOutcome[] {
  const counts = run.model.clusters.map(() => ({ live: 0, pending: 0, noIp: 0 }));
  for (const p of run.pods.pods) {
    const n = counts[p.cluster];
    if (!n || p.phase === 'terminated') continue;
    n.live++;
    if (p.phase === 'pending') n.pending++;
    else if (p.ip < 0) n.noIp++;
  }
  return run.model.clusters.map((c, ci) => {
    const { live, pending, noIp } = counts[ci]!;
    return {
      id: `pods-placed/${c.name}`,
      kind: 'ipam-headroom' as const,
      title: `every pod of ${c.name} has a node and an address`,
      status: pending + noIp > 0 ? ('fail' as const) : ('pass' as const),
      detail: pending + noIp > 0 ? `${pending} pod(s) pending (no node fits), ${noIp} without an IP address` : `${live} pod(s) placed and addressed`,
    };
  });
}

/** IPAM headroom: every pool keeps at least `fraction` of its addresses free. */
export function ipamHeadroom(run: PlatformRun, fraction: number): InvariantOutcome[] {
  return run.model.clusters.flatMap((c, ci) =>
    run.ipam.states[ci]!.report().pools.map((p) => {
      const free = p.capacity ? p.free / p.capacity : 0;
      return {
        id: `ipam-headroom/${c.name}/${p.name}`,
        kind: 'ipam-headroom' as const,
        title: `pool ${p.name} of ${c.name} keeps ${Math.round(fraction * 100)}% free`,
        status: free >= fraction ? ('pass' as const) : ('fail' as const),
        detail: `${p.free} of ${p.capacity} addresses free (${(free * 100).toFixed(1)}%)`,
      };
    }),
  );
}

/**
 * MTU consistency: a cluster's pods get the MTU Calico computes from the node NIC (minus the largest
 * overhead of its enabled encapsulations) unless vethMtu overrides it; an override above that, or a VM
 * NIC whose flannel network needs more than its host's uplink (MTU + 50), breaks large packets.
 */
export function mtuConsistency(run: PlatformRun): InvariantOutcome[] {
  const { model } = run;
  return model.clusters.map((c) => {
    const pools = c.spec.calico.ipPools.filter((p) => !p.disabled);
    const flags = { ipip: pools.some((p) => p.ipipMode !== 'Never'), vxlan: pools.some((p) => p.vxlanMode !== 'Never') };
    const problems: string[] = [];
    const auto = calicoPodMtu(c.underlay.mtu, flags);
    const veth = c.spec.calico.vethMtu;
    if (veth > 0 && veth > auto) problems.push(`vethMtu ${veth} exceeds what the path carries (${auto} = NIC ${c.underlay.mtu} minus encapsulation)`);
    const f = c.underlay.flannel;
    if (f) {
      for (const lease of f.leases) {
        const host = model.nodes.find((n) => n.shortName === lease.hostName && n.cluster === model.management);
        if (host && host.mtu < f.podMtu + 50) problems.push(`host ${host.shortName} uplink MTU ${host.mtu} < flannel MTU ${f.podMtu} + 50`);
      }
    }
    return {
      id: `mtu/${c.name}`,
      kind: 'mtu' as const,
      title: `MTU consistent along every layer of ${c.name}`,
      status: problems.length ? ('fail' as const) : ('pass' as const),
      detail: problems.length ? problems.join('; ') : `pod MTU ${veth > 0 ? veth : auto} on NIC MTU ${c.underlay.mtu}`,
    };
  });
}

/** Certificates: no certificate expired (or lost its CA) so far. */
export function certificates(run: PlatformRun): InvariantOutcome {
  const broken = run.pki.windowsSoFar();
  return {
    id: 'certificates',
    kind: 'certificates',
    title: 'every component keeps a valid certificate',
    status: broken.length ? 'fail' : 'pass',
    detail: broken.length ? `${broken.length} certificate window(s), first: ${broken[0]!.cluster} ${broken[0]!.component}${broken[0]!.node ? ` on ${broken[0]!.node}` : ''} from t=${broken[0]!.from / 1000}s` : 'all renewed in time',
  };
}

/** Load balancers: a member in service throughout, blackholes closed by the monitors in time, failovers covered,
 *  and no MetalLB BGP speaker sharing a router with Calico. */
export function loadBalancers(run: PlatformRun): InvariantOutcome[] {
  const verdicts = lbVerdicts(run.model.loadBalancers, buildLbReport(run), run.stats.endTime);
  return [...(run.model.loadBalancers.length + run.model.metalLbs.length ? [...verdicts, vipRoutedVerdict(run)] : verdicts.slice(0, 1)), ...metallbVerdicts(run)].map((v) => ({ ...v, kind: 'load-balancers' as const }));
}
