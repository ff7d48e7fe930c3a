// scenario: the cross-reference rules of a whole scenario — every cluster's own rules, unique tenants, the
// underlay each placement needs, flannel VNIs, load balancer members, and what events and expectations name.
import { limits } from '../../lib/limits.js';
import { checkCluster, checkUnique } from './check-cluster.js';
import { checkEvent, type Clusters } from './check-events.js';
import { checkPki } from './check-pki.js';
import { checkLoadBalancers } from '../loadbalancer/check-load-balancers.js';
import { didYouMean } from '../schema/did-you-mean.js';
import { errorAt, problemAt, type Ctx } from '../provenance.js';
import type { ClusterSpec, EndpointSelectorSpec, ExpectSpec, Scenario, TenantSpec } from '../types.js';

export function checkScenario(s: Scenario, ctx: Ctx): void {
  const mgmt = s.platform?.management;
  const hosts = mgmt === undefined ? undefined : new Set(mgmt.nodes.map((n) => n.name));
  if (mgmt !== undefined) checkCluster(mgmt, { role: 'management' }, ctx);
  checkUnique(s.tenants, (t) => t.name, 'tenant', 'name', ctx);
  for (const t of s.tenants) {
    checkCluster(t, hosts === undefined ? { role: t.placement } : { role: t.placement, hosts }, ctx);
    checkUnderlay(t, s.platform !== undefined, ctx);
  }
  checkVnis(s.tenants, ctx);
  if (s.platform !== undefined && mgmt !== undefined) checkLoadBalancers(s.platform.loadBalancers, mgmt, [mgmt, ...s.tenants], ctx);
  // lb-* events fail and drain F5 devices and pool members; a MetalLB balancer has neither.
  const lbs = new Map((s.platform?.loadBalancers ?? []).filter((lb) => lb.kind !== 'metallb').map((lb) => [lb.name, lb.cluster ? ('pods' as const) : (lb.members ?? []).map((m) => `${m.host}:${m.port}`)]));
  const clusters: Clusters = { tenants: new Map(s.tenants.map((t) => [t.name, t])), ...(mgmt === undefined ? {} : { mgmt }), lbs, ...(s.platform ? { ingress: `${s.platform.ingress.namespace}/${s.platform.ingress.name}` } : {}) };
  s.events.forEach((e) => checkEvent(e, s.horizon, clusters, ctx));
  checkExpect(s.expect, clusters, ctx);
  checkPki(s.platform?.pki, [...(mgmt ? [mgmt] : []), ...s.tenants], s.events, mgmt?.name, ctx);
  checkObjectCount([...(mgmt === undefined ? [] : [mgmt]), ...s.tenants], s.sourceFiles[0] ?? '<input>', ctx);
}

/** Nodes and pods (replicas, a DaemonSet's pod per node, static pods) within `--max-objects`, before any is built. */
function checkObjectCount(clusters: readonly ClusterSpec[], file: string, ctx: Ctx): void {
  let n = 0;
  for (const c of clusters) {
    n += c.nodes.length + c.pods.length;
    for (const w of c.workloads) n += w.kind === 'DaemonSet' ? c.nodes.length : w.replicas;
  }
  const max = limits().maxObjects;
  if (n > max) ctx.sink.error({ file, line: 0, col: 0 }, '', `the scenario declares ${n} nodes and pods; the limit is ${max} (raise it with --max-objects N)`);
}

/** On-premises tenant VMs sit on the platform's per-tenant flannel network; without a platform, on bare metal. */
function checkUnderlay(t: TenantSpec, hasPlatform: boolean, ctx: Ctx): void {
  if (t.placement !== 'onprem' || t.underlay?.kind === undefined) return;
  if (hasPlatform && t.underlay.kind === 'physical') {
    problemAt(ctx, t, 'underlay', 'an onprem tenant of a platform needs underlay.flannel (its VMs sit on a flannel network)');
  }
}

/** Each on-premises tenant's flannel runs on the same management hosts: VNIs (device flannel.<VNI>) must differ. */
function checkVnis(tenants: readonly TenantSpec[], ctx: Ctx): void {
  const seen = new Map<number, string>();
  for (const t of tenants) {
    if (t.underlay?.kind !== 'flannel' || t.placement !== 'onprem') continue;
    const vni = t.underlay.flannel.vni;
    const first = seen.get(vni);
    if (first !== undefined) problemAt(ctx, t, 'underlay.flannel.vni', `VNI ${vni} is already used by tenant ${first}`);
    else seen.set(vni, t.name);
  }
}

function checkExpect(e: ExpectSpec, clusters: Clusters, ctx: Ctx): void {
  if (e.isolation !== 'all' && e.isolation !== 'none') {
    e.isolation.forEach((pair, i) => {
      pair.forEach((name: string, j: number) => {
        if (!clusters.tenants.has(name)) {
          problemAt(ctx, e, `isolation[${i}][${j}]`, `tenant ${name} does not exist${didYouMean(name, clusters.tenants.keys())}`);
        }
      });
    });
  }
  e.reach.forEach((r, i) => {
    checkEndpoint(r.from, `reach[${i}].from`, e, clusters, ctx);
    checkEndpoint(r.to, `reach[${i}].to`, e, clusters, ctx);
  });
}

function checkEndpoint(ep: EndpointSelectorSpec, field: string, e: ExpectSpec, clusters: Clusters, ctx: Ctx): void {
  if (ep === undefined || ep.address !== undefined) return;
  const report = (sub: string, message: string): void => errorAt(ctx, ctx.prov.at(e, `${field}.${sub}`), message);
  let cluster: ClusterSpec | undefined;
  if (ep.tenant === 'platform') cluster = clusters.mgmt;
  else if (ep.tenant !== undefined) cluster = clusters.tenants.get(ep.tenant);
  else if (clusters.tenants.size === 1 && clusters.mgmt === undefined) cluster = [...clusters.tenants.values()][0];
  if (cluster === undefined) {
    if (ep.tenant !== undefined) report('tenant', `tenant ${ep.tenant} does not exist${didYouMean(ep.tenant, clusters.tenants.keys())}`);
    else if (ep.namespace !== undefined) report('namespace', 'an endpoint with a namespace needs its tenant');
    return;
  }
  if (ep.namespace === undefined) return;
  const namespaces = cluster.namespaces.map((n) => n.name);
  if (!namespaces.includes(ep.namespace)) {
    report('namespace', `namespace ${ep.namespace} does not exist in ${cluster.name}${didYouMean(ep.namespace, namespaces)}`);
    return;
  }
  if (ep.workload === undefined) return;
  const names = new Set<string>();
  for (const w of cluster.workloads) if (w.namespace === ep.namespace) names.add(w.name);
  for (const p of cluster.pods) if (p.namespace === ep.namespace) names.add(p.owner?.name ?? p.name);
  if (!names.has(ep.workload)) {
    report('workload', `workload ${ep.workload} does not exist in ${cluster.name}/${ep.namespace}${didYouMean(ep.workload, names)}`);
  }
}
