// model: Scenario → every cluster's nodes, numbered and addressed on its underlay. The part of the model
// build that refuses a scenario (underlay, VM placement, IP pools, IPAM configuration: one InputError with
// every problem), shared by buildModel and by validate, which needs these checks and the nodes' addresses
// (for the BGP ones) but not the workloads, pods and Services the rest of the build places.
import { cpuMillis } from '../lib/cpu-quantity.js';
import { InputError, type Diagnostic } from '../lib/diagnostics.js';
import { formatIpv4 } from '../lib/ipv4.js';
import type { ClusterSpec, Scenario } from '../scenario/types.js';
import { validateIpamConfig, validatePools } from './ipam/validate-ipam.js';
import type { ModelCluster, ModelNode } from './types.js';
import { placeVms } from './underlay/place-vms.js';
import { planUnderlay } from './underlay/plan-underlay.js';
import type { UnderlayHost, UnderlayPlan } from './underlay/types.js';

/** One cluster as planned: its scenario spec, its underlay and its nodes' ids. */
export interface PlannedCluster {
  readonly spec: ClusterSpec;
  readonly kind: 'management' | 'tenant';
  readonly placement: ModelCluster['placement'];
  readonly underlay: UnderlayPlan;
  readonly nodes: readonly number[];
}

/** The clusters (management first) and all their nodes, numbered in cluster order. */
export interface PlannedNodes {
  readonly clusters: readonly PlannedCluster[];
  readonly nodes: ModelNode[];
}

/** Plans and addresses every node; throws InputError with every problem of the underlay and IPAM configuration. */
export function planNodes(scenario: Scenario): PlannedNodes {
  const mgmt = scenario.platform?.management;
  const specs: { spec: ClusterSpec; kind: 'management' | 'tenant'; placement: ModelCluster['placement'] }[] = [];
  if (mgmt) specs.push({ spec: mgmt, kind: 'management', placement: 'management' });
  for (const t of scenario.tenants) specs.push({ spec: t, kind: 'tenant', placement: t.placement });

  // The management hosts first: tenant VMs are placed on them (buildModel then adds what depends on the
  // VMs' addresses: their endpoints in the management cluster, the ingress controller).
  const diagnostics: Diagnostic[] = [];
  const paths = specs.map((s, i) => (s.kind === 'management' ? 'platform.management' : `tenants[${mgmt ? i - 1 : i}]`));
  const mgmtPlan = mgmt ? planUnderlay(mgmt, { path: 'platform.management', seed: scenario.seed }) : undefined;
  if (mgmtPlan) diagnostics.push(...mgmtPlan.diagnostics);
  const hosts: UnderlayHost[] = mgmtPlan?.plan ? mgmtPlan.plan.nodes.map((n) => ({ name: n.name, ip: n.ip, mtu: n.mtu })) : [];
  const placed = placeVms(scenario.tenants, hosts.map((h) => h.name), paths.slice(mgmt ? 1 : 0));
  diagnostics.push(...placed.diagnostics);
  const plans = specs.map(({ spec, kind }, ci) => {
    if (kind === 'management') return mgmtPlan?.plan;
    const r = planUnderlay(spec, { path: paths[ci]!, seed: scenario.seed, hosts, placement: placed.placement[mgmt ? ci - 1 : ci]! });
    diagnostics.push(...r.diagnostics);
    return r.plan;
  });
  specs.forEach(({ spec }, ci) => {
    diagnostics.push(...validatePools(spec.calico.ipPools, `${paths[ci]}.calico.ipPools`));
    diagnostics.push(...validateIpamConfig(spec.calico, spec.calico.src, `${paths[ci]}.calico`));
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new InputError(errors);
  const nodes: ModelNode[] = [];
  const clusters = specs.map(({ spec, kind, placement }, ci): PlannedCluster => {
    const plan = plans[ci]!;
    const ids: number[] = [];
    spec.nodes.forEach((n, i) => {
      const a = plan.nodes[i]!;
      const id = nodes.length;
      nodes.push({
        id,
        name: kind === 'management' ? n.name : `${spec.name}/${n.name}`,
        shortName: n.name,
        cluster: ci,
        role: kind === 'management' ? 'host' : a.host >= 0 ? 'vm' : 'node',
        ip: a.ip,
        ipText: formatIpv4(a.ip),
        prefixLen: a.prefixLen,
        mtu: a.mtu,
        labels: n.labels,
        // Management hosts are the first nodes, in order: host index = node id.
        host: a.host,
        maxPods: n.maxPods,
        ...(n.cpu !== undefined ? { cpu: cpuMillis(n.cpu)! } : {}),
        src: n.src,
      });
      ids.push(id);
    });
    return { spec, kind, placement, underlay: plan, nodes: ids };
  });
  return { clusters, nodes };
}
