// model: Scenario → Model. Numbers every cluster, node, workload and pod; addresses nodes on their
// underlay (plan-nodes.ts); puts each on-premises tenant's VMs into its management namespace (the outer wall's
// endpoints) and the ingress controller into the management cluster; places pods with the
// deterministic scheduler; allocates Service cluster IPs; builds the topology graph.
import { Prng, hashString } from '../lib/random/prng.js';
import type { ClusterSpec, NamespaceSpec, Scenario, StaticPodSpec, WorkloadSpec } from '../scenario/types.js';
import { assignServiceAddresses } from './edge/service-addresses.js';
import { allocateServiceIps } from './allocate-service-ips.js';
import { deriveBgpConfigs } from './bgp/derive-bgp-configs.js';
import type { NodeBgpConfig } from './bgp/types.js';
import type { MultiGraph } from 'graphology';
import { buildGraph } from './build-graph.js';
import { managementAdditions } from './management-additions.js';
import { scheduleOne, schedulePods } from './schedule-pods.js';
import type { Model, ModelCluster, ModelPod, ModelWorkload } from './types.js';
import { planNodes } from './plan-nodes.js';

/** Builds the model of a validated scenario. Deterministic: the same scenario gives the same model. */
export function buildModel(scenario: Scenario): Model {
  const workloads: ModelWorkload[] = [];
  const pods: ModelPod[] = [];
  const clusters: ModelCluster[] = [];
  const planned = planNodes(scenario);
  const { nodes } = planned;
  const specs = planned.clusters;
  const clusterNodes = specs.map((c) => c.nodes);

  const extra = scenario.platform
    ? managementAdditions(scenario.platform, scenario.tenants, (tenant) =>
        clusterNodes[specs.findIndex((s) => s.spec.name === tenant && s.kind === 'tenant')]!.map((id) => nodes[id]!),
        (id) => nodes[id]!.shortName,
      )
    : undefined;

  specs.forEach(({ spec, kind, placement }, ci) => {
    const prng = new Prng((scenario.seed ^ hashString(spec.name)) >>> 0);
    const isMgmt = kind === 'management';
    const wls: WorkloadSpec[] = [...spec.workloads, ...(isMgmt && extra ? extra.workloads : [])];
    const statics: StaticPodSpec[] = [...spec.pods, ...(isMgmt && extra ? extra.pods : [])];
    const ids = clusterNodes[ci]!;
    const wIds = wls.map((w) => {
      const id = workloads.length;
      workloads.push({ id, cluster: ci, spec: w });
      return id;
    });
    const load = new Int32Array(ids.length);
    const byShort = new Map(ids.map((id, i) => [nodes[id]!.shortName, i]));
    const podIds: number[] = [];
    const bound = statics.map((p) => (p.nodeName !== undefined ? byShort.get(p.nodeName) ?? -1 : -1));
    statics.forEach((p, i) => {
      if (bound[i]! >= 0 && !p.hostNetwork) load[bound[i]!]!++;
    });
    // A pod without spec.nodeName is bound by kube-scheduler: placed like a workload replica, in file order.
    const schedNodes = ids.map((id) => nodes[id]!);
    const allUp = ids.map(() => true);
    statics.forEach((p, i) => {
      if (p.nodeName !== undefined) return;
      bound[i] = scheduleOne(p.nodeSelector ?? {}, schedNodes, load, allUp);
      if (bound[i]! >= 0 && p.hostNetwork) load[bound[i]!]!--;
    });
    statics.forEach((p, si) => {
      const local = bound[si]!;
      const id = pods.length;
      pods.push({
        id,
        name: p.name,
        namespace: p.namespace,
        cluster: ci,
        node: local >= 0 ? ids[local]! : -1,
        workload: -1,
        labels: p.labels,
        serviceAccount: p.serviceAccount,
        ports: p.ports,
        hostNetwork: p.hostNetwork,
        ...(p.podIP !== undefined ? { fixedIp: p.podIP } : {}),
        ...(p.owner !== undefined ? { owner: p.owner } : {}),
        src: p.src,
      });
      podIds.push(id);
    });
    // Pods of a dump that a listed workload owns are its existing replicas: schedule only the rest.
    const owned = (w: WorkloadSpec): number =>
      statics.filter((p) => p.namespace === w.namespace && p.owner?.name === w.name && p.owner.kind === w.kind).length;
    const placed = schedulePods(
      wls.map((w) => (w.kind === 'DaemonSet' ? w : { ...w, replicas: Math.max(0, w.replicas - owned(w)) })),
      schedNodes,
      ids.map((id) => nodes[id]!.shortName),
      load,
      allUp,
    );
    for (const pp of placed) {
      const w = wls[pp.workload]!;
      const id = pods.length;
      pods.push({
        id,
        name: pp.name,
        namespace: w.namespace,
        cluster: ci,
        node: pp.node >= 0 ? ids[pp.node]! : -1,
        workload: wIds[pp.workload]!,
        labels: w.labels,
        serviceAccount: w.serviceAccount,
        ports: w.ports,
        hostNetwork: w.hostNetwork,
        owner: { kind: w.kind, name: w.name },
        src: w.src,
      });
      podIds.push(id);
    }
    const services = isMgmt && extra ? [...spec.services, ...extra.services] : [...spec.services];
    const ips = allocateServiceIps(services, prng);
    const extras = assignServiceAddresses(services, spec.calico.ipPools);
    const fullSpec: ClusterSpec =
      isMgmt && extra
        ? { ...spec, namespaces: withPlatformNamespaces(spec.namespaces, extra.namespaces), workloads: wls, pods: statics, services }
        : spec;
    clusters.push({
      id: ci,
      name: spec.name,
      kind,
      placement,
      spec: fullSpec,
      nodes: ids,
      workloads: wIds,
      pods: podIds,
      services: services.map((s, i) => ({ ...s, ...extras[i], clusterIP: ips[i]! })),
      underlay: specs[ci]!.underlay,
      ...(kind === 'tenant' && placement === 'onprem' && extra ? { managementNamespace: extra.namespaceOf.get(spec.name)! } : {}),
    });
  });

  const loadBalancers = (scenario.platform?.loadBalancers ?? []).filter((lb) => lb.kind === 'f5');
  const metalLbs = (scenario.platform?.loadBalancers ?? []).filter((lb) => lb.kind === 'metallb');
  // The topology graph (and the BGP configs it draws sessions from) is built on first read: only the
  // viz and the reports read it, and on a 2,000-VM platform it is a tenth of a query command's time.
  let graph: MultiGraph | undefined;
  const topology = (): MultiGraph => {
    const bgp = new Map<number, readonly NodeBgpConfig[]>();
    specs.forEach(({ spec }, ci) => {
      const bgpNodes = clusters[ci]!.nodes.map((id) => ({ name: nodes[id]!.shortName, ip: nodes[id]!.ipText, prefixLen: nodes[id]!.prefixLen, labels: nodes[id]!.labels }));
      bgp.set(ci, deriveBgpConfigs(spec, bgpNodes, new Map()).configs);
    });
    return buildGraph(clusters, nodes, bgp, scenario.platform, loadBalancers);
  };
  const parts = {
    scenario,
    clusters: freezeRecords(clusters.map(freezeCluster)),
    nodes: freezeRecords(nodes),
    workloads: freezeRecords(workloads),
    pods: freezeRecords(pods),
    loadBalancers: Object.freeze(loadBalancers),
    metalLbs: Object.freeze(metalLbs),
    management: scenario.platform?.management ? 0 : -1,
    nodeByName: new Map(nodes.map((n) => [n.name, n.id])),
    clusterByName: new Map(clusters.map((c) => [c.name, c.id])),
  };
  return Object.freeze({
    ...parts,
    get graph(): MultiGraph {
      return (graph ??= topology());
    },
  });
}

// What the model builds is frozen: its lists and their records, one level down. What those records point to
// (labels, ports, specs, the scenario itself) is the loader's, shared by reference, and left as it is: freezing
// it all, recursively, was 145 ms of B1's model build for a guarantee no run relies on. That no stage writes to
// any of it is shown by test/model/frozen-model.test.ts, which runs the commands on a model frozen through.

/** Freezes `list` and each record in it. */
function freezeRecords<T extends object>(list: readonly T[]): readonly T[] {
  for (const r of list) Object.freeze(r);
  return Object.freeze(list);
}

/** Freezes a cluster's own lists (node, workload and pod ids, its Services with their addresses). */
function freezeCluster(c: ModelCluster): ModelCluster {
  for (const list of [c.nodes, c.workloads, c.pods]) Object.freeze(list);
  freezeRecords(c.services);
  return c;
}

/** The management cluster's namespaces: the platform's own replace same-named placeholders in place. */
function withPlatformNamespaces(own: readonly NamespaceSpec[], platform: readonly NamespaceSpec[]): NamespaceSpec[] {
  const byName = new Map(platform.map((n) => [n.name, n]));
  const out = own.map((n) => byName.get(n.name) ?? n);
  const present = new Set(own.map((n) => n.name));
  for (const n of platform) if (!present.has(n.name)) out.push(n);
  return out;
}
