// verdict: the report of a platform run — per cluster nodes, pods, IP pools and MTU, the timeline with
// each event's effects, load-balancer and certificate findings, and the verdicts that decide the exit code.
import { formatCidr, formatIpv4 } from '../../lib/ipv4.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { IpamPoolUsage } from '../../model/ipam/types.js';

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
  readonly loadBalancers: { readonly transitions: readonly unknown[]; readonly outages: readonly unknown[] };
  readonly certificates: { readonly windows: readonly unknown[]; readonly rotations: number };
  readonly podsWithoutAddress: readonly { readonly cluster: string; readonly pod: string; readonly node: string; readonly reason: string }[];
  readonly verdicts: readonly RunVerdict[];
}

/** Builds the report of a finished run; `showPath` renders source file names (e.g. relative to the cwd). */
export function buildRunReport(run: PlatformRun, seed: number, showPath: (file: string) => string = (f) => f): RunReport {
  const { model } = run;
  const clusters = model.clusters.map((c, ci): ClusterReport => {
    const live = run.pods.pods.filter((p) => p.cluster === ci && p.phase !== 'terminated');
    const u = c.underlay;
    return {
      name: c.name,
      kind: c.kind,
      placement: c.placement,
      underlay: { kind: u.kind, cidr: formatCidr(u.network), mtu: u.mtu, ...(u.flannel ? { vni: u.flannel.vni } : {}) },
      nodes: { total: c.nodes.length, up: c.nodes.filter((id) => run.nodeUp[id] === 1).length },
      pods: {
        running: live.filter((p) => p.phase === 'running').length,
        pending: live.filter((p) => p.phase === 'pending').length,
        withoutAddress: live.filter((p) => p.phase === 'running' && p.ip < 0).length,
      },
      pools: run.ipam.states[ci]!.report().pools,
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
  const lb = run.monitors.finish();
  const windows = run.pki.finish();
  const verdicts: RunVerdict[] = [
    {
      name: 'every pod has a node and an address',
      status: podsWithoutAddress.length ? 'fail' : 'pass',
      detail: podsWithoutAddress.length ? `${podsWithoutAddress.length} pod(s) pending or without an IP address` : 'all pods placed and addressed',
    },
    {
      name: 'no certificate expired',
      status: windows.length ? 'fail' : 'pass',
      detail: windows.length ? `${windows.length} certificate window(s) without a valid certificate` : 'every certificate was renewed in time',
    },
    {
      name: 'every load balancer kept a member up',
      status: lb.outages.length ? 'fail' : 'pass',
      detail: lb.outages.length ? `${lb.outages.length} outage(s): ${lb.outages.map((o) => o.lb).join(', ')}` : `${lb.transitions.length} member transition(s), no outage`,
    },
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
    certificates: { windows, rotations: run.pki.rotations.length },
    podsWithoutAddress,
    verdicts,
  };
}

/** An address as text (`-` when none). */
export function addressText(ip: number): string {
  return ip < 0 ? '-' : formatIpv4(ip);
}
