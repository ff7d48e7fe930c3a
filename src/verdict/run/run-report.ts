// verdict: the report of a platform run — per cluster nodes, pods, IP pools and MTU, the timeline with
// each event's effects, load-balancer and certificate findings, and the verdicts that decide the exit code.
import { formatCidr } from '../../lib/ipv4.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { IpamPoolUsage } from '../../model/ipam/types.js';
import type { CertWindow } from '../../engine/pki/types.js';
import type { EffectWindow } from '../../engine/pki/pki-effects.js';
import { buildLbReport, type LoadBalancerReport } from '../loadbalancer/lb-report.js';
import { lbVerdicts } from '../loadbalancer/lb-verdicts.js';
import { metallbVerdicts } from '../loadbalancer/metallb-bgp-conflict.js';
import { vipRoutedVerdict } from '../loadbalancer/vip-routed.js';
import { clusterBgp } from './cluster-bgp.js';

/** Version of the report.json schema (bumped on any incompatible change). */
export const RUN_REPORT_SCHEMA = 'calisim.run/v1';

export interface ClusterReport {
  readonly name: string;
  readonly kind: 'management' | 'tenant';
  readonly placement: string;
  readonly underlay: { readonly kind: string; readonly cidr: string; readonly mtu: number; readonly vni?: number };
  readonly nodes: { readonly total: number; readonly up: number };
  readonly pods: { readonly running: number; readonly pending: number; readonly withoutAddress: number };
  readonly pools: readonly IpamPoolUsage[];
  readonly bgp: { readonly sessions: number; readonly established: number; readonly routes: number };
}

/** One pass/fail statement about the run. */
export interface RunVerdict {
  readonly name: string;
  readonly status: 'pass' | 'fail';
  readonly detail: string;
}

export interface RunReport {
  readonly schema: string;
  readonly scenario: string;
  readonly seed: number;
  readonly horizon: number;
  readonly endTime: number;
  readonly eventsProcessed: number;
  readonly timeline: readonly { readonly at: number; readonly kind: string; readonly target: string; readonly effects: readonly string[]; readonly file?: string; readonly line?: number }[];
  readonly clusters: readonly ClusterReport[];
  readonly loadBalancers: LoadBalancerReport;
  readonly certificates: {
    readonly windows: readonly CertWindow[];
    readonly rotations: number;
    /** How many certificates the clusters' inventories hold. */
    readonly issued: number;
    /** What broken certificates did to the network: Felix cut off from Typha, dataplane lost, NotReady, IPAM stopped, HTTPS failing. */
    readonly consequences: readonly EffectWindow[];
  };
  readonly bgp: {
    /** Per change (start, failures, IPAM changes): when it happened and how long routes took to settle (ms). */
    readonly convergence: readonly { readonly label: string; readonly at: number; readonly convergenceMs: number | null; readonly routeChanges: number }[];
    /** Destinations a node could not reach (route missing, or pointing at a dead next hop), from when to when. */
    readonly blackholes: readonly { readonly node: string; readonly prefixes: readonly string[]; readonly from: number; readonly to: number | null; readonly reason: string }[];
    /** False when the platform was too large to track blackhole windows (then `blackholes` is empty). */
    readonly blackholesTracked: boolean;
  };
  readonly podsWithoutAddress: readonly { readonly cluster: string; readonly pod: string; readonly node: string; readonly reason: string }[];
  readonly verdicts: readonly RunVerdict[];
}

/** Builds the report of a finished run; `showPath` renders source file names (e.g. relative to the cwd). */
export function buildRunReport(run: PlatformRun, seed: number, showPath: (file: string) => string = (f) => f): RunReport {
  const { model } = run;
  const bgp = clusterBgp(run);
  const pods = podCounts(run);
  const clusters = model.clusters.map((c, ci): ClusterReport => {
    const u = c.underlay;
    return {
      name: c.name,
      kind: c.kind,
      placement: c.placement,
      underlay: { kind: u.kind, cidr: formatCidr(u.network), mtu: u.mtu, ...(u.flannel ? { vni: u.flannel.vni } : {}) },
      nodes: { total: c.nodes.length, up: c.nodes.filter((id) => run.nodeUp[id] === 1).length },
      pods: pods[ci]!,
      pools: run.ipam.states[ci]!.report().pools,
      bgp: bgp[ci]!,
    };
  });
  const podsWithoutAddress = run.pods.pods
    .filter((p) => p.phase !== 'terminated' && p.ip < 0)
    .map((p) => ({
      cluster: model.clusters[p.cluster]!.name,
      pod: `${p.namespace}/${p.name}`,
      node: p.node >= 0 ? model.nodes[p.node]!.shortName : '',
      reason: p.reason ?? 'unknown',
    }));
  const lb = buildLbReport(run);
  const lbChecks = lbVerdicts(model.loadBalancers, lb, run.stats.endTime);
  const net = run.bgp.net;
  const convergence = net.convergence().map((c) => ({ label: c.label, at: c.at, convergenceMs: c.convergenceMs, routeChanges: c.routeChanges }));
  const blackholes = net.blackholeWindows().map((w) => ({ node: w.node, prefixes: w.prefixes, from: w.from, to: w.to, reason: w.reason }));
  const downSessions = clusters.reduce((n, c) => n + c.bgp.sessions - c.bgp.established, 0);
  const within = model.scenario.expect.convergeWithin;
  const slow = within === undefined ? [] : convergence.filter((c) => c.convergenceMs !== null && c.convergenceMs > within);
  const windows = run.pki.finish();
  const verdicts: RunVerdict[] = [
    {
      name: 'every pod has a node and an address',
      status: podsWithoutAddress.length ? 'fail' : 'pass',
      detail: podsWithoutAddress.length ? `${podsWithoutAddress.length} pod(s) pending or without an IP address` : 'all pods placed and addressed',
    },
    {
      name: 'BGP sessions between running nodes are established',
      status: downSessions ? 'fail' : 'pass',
      detail: downSessions ? `${downSessions} session(s) of running nodes not Established at the end` : `${clusters.reduce((n, c) => n + c.bgp.established, 0)} session(s) established`,
    },
    ...(within !== undefined
      ? [
          {
            name: `BGP converges within ${within / 1000}s of every change`,
            status: slow.length ? ('fail' as const) : ('pass' as const),
            detail: slow.length ? slow.map((c) => `${c.label} took ${(c.convergenceMs! / 1000).toFixed(1)}s`).join('; ') : `slowest ${(Math.max(0, ...convergence.map((c) => c.convergenceMs ?? 0)) / 1000).toFixed(1)}s`,
          },
        ]
      : []),
    {
      name: 'no certificate expired',
      status: windows.length ? 'fail' : 'pass',
      detail: windows.length ? `${windows.length} certificate window(s) without a valid certificate` : 'every certificate was renewed in time',
    },
    {
      name: 'every load balancer kept a member up',
      status: lbChecks[0]!.status,
      detail: lbChecks[0]!.detail,
    },
    ...(model.loadBalancers.length + model.metalLbs.length ? [...lbChecks.slice(1), vipRoutedVerdict(run)] : []).concat(metallbVerdicts(run)).map((v) => ({ name: v.title, status: v.status, detail: v.detail })),
  ];
  return {
    schema: RUN_REPORT_SCHEMA,
    scenario: model.scenario.name,
    seed,
    horizon: model.scenario.horizon,
    endTime: run.stats.endTime,
    eventsProcessed: run.sim.processed,
    timeline: run.timeline.map((t) => ({ at: t.at, kind: t.kind, target: t.target, effects: t.effects, ...(t.src ? { file: showPath(t.src.file), line: t.src.line } : {}) })),
    clusters,
    loadBalancers: lb,
    certificates: { windows, rotations: run.pki.rotations.length, issued: run.pki.certs.length, consequences: run.pki.effects.windowsSoFar() },
    bgp: { convergence, blackholes, blackholesTracked: run.bgp.tracksBlackholes },
    podsWithoutAddress,
    verdicts,
  };
}

/** Per cluster its pods not terminated: running with an address, pending, and running without one (a pod
 *  without an address is not running yet: kubelet waits for the CNI, so it is counted apart). */
function podCounts(run: PlatformRun): { running: number; pending: number; withoutAddress: number }[] {
  const counts = run.model.clusters.map(() => ({ running: 0, pending: 0, withoutAddress: 0 }));
  for (const p of run.pods.pods) {
    const c = counts[p.cluster];
    if (c === undefined || p.phase === 'terminated') continue;
    if (p.phase === 'pending') c.pending++;
    else if (p.phase === 'running') {
      if (p.ip >= 0) c.running++;
      else c.withoutAddress++;
    }
  }
  return counts;
}
