// scenario: what a timeline event names must exist — its tenant, its nodes (`tenant/node`, or a management
// host), its BGP peer, its workload — and it must happen within the horizon.
import { didYouMean } from '../schema/did-you-mean.js';
import { errorAt, type Ctx } from '../provenance.js';
import type { ClusterSpec, Millis, TenantSpec, TimelineEventSpec } from '../types.js';

export interface Clusters {
  readonly tenants: ReadonlyMap<string, TenantSpec>;
  readonly mgmt?: ClusterSpec;
  /** Load balancers by name, with their members' `host:port` labels. */
  /** F5 balancers' members (`host:port`), or `pods` in cluster mode (CIS writes them on the timeline). */
  readonly lbs?: ReadonlyMap<string, readonly string[] | 'pods'>;
  /** The platform's ingress controller Deployment (`namespace/name`), a workload of the management cluster. */
  readonly ingress?: string;
}

export function checkEvent(e: TimelineEventSpec, horizon: Millis, clusters: Clusters, ctx: Ctx): void {
  const report = (field: string, message: string): void => errorAt(ctx, ctx.prov.at(e, field), message);
  if (typeof e.at === 'number' && e.at > horizon) report('at', `event at ${e.at / 1000}s is beyond the horizon (${horizon / 1000}s)`);
  let cluster: ClusterSpec | undefined = clusters.mgmt;
  if (e.tenant !== undefined) {
    cluster = clusters.tenants.get(e.tenant);
    if (cluster === undefined) {
      report('tenant', `tenant ${e.tenant} does not exist${didYouMean(e.tenant, clusters.tenants.keys())}`);
      return;
    }
  }
  let nodeCluster: ClusterSpec | undefined;
  if (e.node !== undefined) nodeCluster = resolveNode(e.node, e.tenant, clusters, (m) => report('node', m));
  e.link?.forEach((end, i) => resolveNode(end, e.tenant, clusters, (m) => report(`link[${i}]`, m)));
  if (e.peer !== undefined && nodeCluster !== undefined) {
    const peer = e.peer.includes('/') ? e.peer.slice(e.peer.indexOf('/') + 1) : e.peer;
    const names = [...nodeCluster.nodes.map((n) => n.name), ...nodeCluster.calico.peers.map((p) => p.name)];
    if (!names.includes(peer)) report('peer', `${e.peer} is neither a node nor a BGP peer of ${nodeCluster.name}${didYouMean(peer, names)}`);
  }
  if (e.workload !== undefined) {
    if (cluster === undefined) {
      report('tenant', 'a scale event needs the tenant that runs the workload');
      return;
    }
    const names = [...cluster.workloads.map((w) => `${w.namespace}/${w.name}`), ...(cluster === clusters.mgmt && clusters.ingress ? [clusters.ingress] : [])];
    if (!names.includes(e.workload)) report('workload', `workload ${e.workload} does not exist in ${cluster.name} (write namespace/name)${didYouMean(e.workload, names)}`);
  }
  e.reflectors?.forEach((r, i) => resolveNode(r, e.tenant, clusters, (m) => report(`reflectors[${i}]`, m)));
  if (e.lb !== undefined) checkLbRef(e, clusters.lbs ?? new Map<string, readonly string[] | 'pods'>(), report);
  if (e.kind === 'route-reflectors' && e.tenant === undefined) report('tenant', 'a route-reflectors event needs the tenant it reconfigures');
  if ((e.kind === 'policy-apply' || e.kind === 'policy-delete') && cluster === undefined) {
    report('tenant', `a ${e.kind} event needs a tenant (or a platform for the management cluster)`);
  }
}

/** The balancer an lb-* event names exists, and so does the member (`host:port`, or a host of one). */
function checkLbRef(e: TimelineEventSpec, lbs: ReadonlyMap<string, readonly string[] | 'pods'>, report: (field: string, m: string) => void): void {
  const members = lbs.get(e.lb!);
  if (members === undefined) {
    report('lb', `load balancer ${e.lb} does not exist${didYouMean(e.lb!, lbs.keys())}`);
    return;
  }
  // Cluster mode: the members are the pods CIS lists when the event runs (a pod name or its address names one).
  if (e.member === undefined || members === 'pods' || members.some((m) => m === e.member || m.slice(0, m.lastIndexOf(':')) === e.member)) return;
  report('member', `${e.member} is not a member of ${e.lb} (write host:port or a host)${didYouMean(e.member, members)}`);
}

/** A node reference: `tenant/node`, a bare node of the event's tenant, or a management host. */
function resolveNode(text: string, tenant: string | undefined, clusters: Clusters, report: (m: string) => void): ClusterSpec | undefined {
  const slash = text.indexOf('/');
  let cluster: ClusterSpec | undefined;
  let node = text;
  if (slash >= 0) {
    const owner = text.slice(0, slash);
    node = text.slice(slash + 1);
    if (tenant !== undefined && owner !== tenant) {
      report(`node ${text} is not in the event's tenant ${tenant}`);
      return undefined;
    }
    cluster = clusters.tenants.get(owner);
    if (cluster === undefined) {
      report(`tenant ${owner} does not exist${didYouMean(owner, clusters.tenants.keys())}`);
      return undefined;
    }
  } else {
    cluster = tenant === undefined ? clusters.mgmt : clusters.tenants.get(tenant);
    if (cluster === undefined) {
      report(`node ${text} names no tenant: write tenant/node (or set tenant)`);
      return undefined;
    }
  }
  const names = cluster.nodes.map((n) => n.name);
  if (!names.includes(node)) {
    report(`node ${node} does not exist in ${cluster.name}${didYouMean(node, names)}`);
    return undefined;
  }
  return cluster;
}
