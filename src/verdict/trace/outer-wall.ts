// verdict: the outer wall on a packet's way between two on-premises clusters — the management cluster's
// policies at the tenant VMs' endpoints, run by Calico on the management host each VM sits on: the egress
// of the source VM (a tenant's packet) and the ingress of the destination VM (any packet into a tenant,
// the management cluster's own included), each judging the source address seen on that host.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { sourceSeenAt } from '../../model/edge/source-address.js';
import type { ModelCluster } from '../../model/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { evaluateIn } from '../state/cluster-twins.js';
import type { LegSource } from './trace-leg.js';
import type { TraceEnd } from './resolve-end.js';
import { policyHop } from './trace-hops.js';
import type { TraceHop } from './types.js';

/** The wall's hops, and where it denied (a management namespace) when it did. */
export interface WallResult {
  readonly hops: TraceHop[];
  readonly denied?: string;
  readonly side?: 'egress' | 'ingress';
}

/** Evaluates the wall for a packet from `src` to `dst` whose real source and rewrites are `source`. */
export function outerWall(run: PlatformRun, policies: readonly ClusterPolicies[], src: TraceEnd, dst: TraceEnd, source: LegSource, pkt: { protocol: number; dstPort?: number }): WallResult {
  const { model } = run;
  const mgmt = model.management >= 0 ? policies[model.management] : undefined;
  const hops: TraceHop[] = [];
  if (!mgmt) return { hops };
  const mgmtName = model.clusters[model.management]!.name;
  const vmOf = (c: ModelCluster, node: number): number | undefined =>
    c.managementNamespace === undefined ? undefined : mgmt.model.endpoints.find((e) => e.namespace === c.managementNamespace && e.name === model.nodes[node]!.shortName)?.index;
  const sc = model.clusters[src.cluster]!;
  const sv = src.node >= 0 ? vmOf(sc, src.node) : undefined;
  if (sv !== undefined) {
    const eg = evaluateIn(mgmt, { src: { endpoint: sv }, dst: { ip: dst.ip }, ...pkt }).egress;
    hops.push(policyHop('management-policy', `${mgmtName}: ${sc.managementNamespace}/${model.nodes[src.node]!.shortName}`, eg));
    if (eg.action === 'deny') return { hops, denied: sc.managementNamespace!, side: 'egress' };
  }
  const dc = dst.cluster >= 0 ? model.clusters[dst.cluster]! : undefined;
  const dv = dc && dst.node >= 0 ? vmOf(dc, dst.node) : undefined;
  if (dc && dv !== undefined) {
    // Calico filters on the VM's host before that host's own POSTROUTING rewrites.
    const host = model.nodes[dst.node]!.host;
    const seen = sourceSeenAt(source.ip, source.changes, host);
    const inMgmt = src.cluster === model.management && src.kind === 'pod' && seen === src.ip;
    const ep = inMgmt ? mgmt.model.endpoints.find((e) => e.ip === seen && !e.hostNetwork)?.index : undefined;
    const ing = evaluateIn(mgmt, { src: ep !== undefined ? { endpoint: ep } : { ip: seen }, dst: { endpoint: dv }, ...pkt }).ingress;
    hops.push(policyHop('management-policy', `${mgmtName}: ${dc.managementNamespace}/${model.nodes[dst.node]!.shortName}`, ing));
    if (ing.action === 'deny') return { hops, denied: dc.managementNamespace!, side: 'ingress' };
  }
  return { hops };
}
