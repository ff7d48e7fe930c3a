// plan: one cluster of a run into its ClusterMeasure — pods per node, Services and their endpoints, BGP
// sessions and routes per node (from the speakers' RIBs), IPAM blocks, flannel leases, Felix rules.
import type { PlatformRun } from '../engine/platform/run-platform.js';
import { parseCidr } from '../lib/ipv4.js';
import type { PolicyModel } from '../model/policy/types.js';
import type { Labels } from '../scenario/types.js';
import type { ClusterMeasure, PoolMeasure } from './measures.js';

/** Measures cluster `ci` of `run`; `policies` is its policy model and `matrixClasses` its compiled classes. */
export function measureCluster(run: PlatformRun, ci: number, policies: PolicyModel, matrixClasses: number): ClusterMeasure {
  const { model } = run;
  const c = model.clusters[ci]!;
  const live = run.pods.pods.filter((p) => p.cluster === ci && p.phase !== 'terminated');
  const running = live.filter((p) => p.phase === 'running');
  const perNode = new Map<number, number>();
  for (const p of running) if (p.node >= 0 && !p.base.hostNetwork) perNode.set(p.node, (perNode.get(p.node) ?? 0) + 1);
  const endpoints = c.services.map((s) => running.filter((p) => p.namespace === s.namespace && selects(s.selector, p.base.labels)).length);
  const perNamespace = new Map<string, number>();
  for (const p of policies.policies) if (p.namespace !== undefined) perNamespace.set(p.namespace, (perNamespace.get(p.namespace) ?? 0) + 1);
  const ipam = run.ipam.states[ci]!;
  const report = ipam.report();
  const pools: PoolMeasure[] = report.pools.map((p) => {
    const cidr = parseCidr(p.cidr)!;
    return { name: p.name, prefixLen: cidr.len, blockSize: p.blockSize, blocks: p.blocks, capacityBlocks: 2 ** (p.blockSize - cidr.len), used: p.used, capacity: p.capacity };
  });
  const calico = c.spec.calico;
  const reflectors = calico.routeReflectors?.nodes.length ?? 0;
  const u = c.underlay;
  const flannel = u.flannel;
  const vmsOnHost = new Map<number, number>();
  for (const id of c.nodes) {
    const h = model.nodes[id]!.host;
    if (h >= 0) vmsOnHost.set(h, (vmsOnHost.get(h) ?? 0) + 1);
  }
  const rules = policies.policies.reduce((s, p) => s + p.ingress.filter((r) => r.ipv4).length + p.egress.filter((r) => r.ipv4).length, 0);
  return {
    name: c.name,
    kind: c.kind,
    nodes: c.nodes.length,
    podsRunning: running.length,
    podsPending: live.filter((p) => p.phase === 'pending').length,
    maxPodsOnNode: Math.max(0, ...perNode.values()),
    nodeMaxPods: Math.min(...c.nodes.map((id) => model.nodes[id]!.maxPods)),
    services: c.services.length,
    maxEndpointsPerService: Math.max(0, ...endpoints),
    namespaces: c.spec.namespaces.length,
    policies: policies.policies.length,
    maxPoliciesPerNamespace: Math.max(0, ...perNamespace.values()),
    bgp: {
      mode: reflectors > 0 ? 'reflectors' : calico.nodeToNodeMeshEnabled ? 'mesh' : 'none',
      reflectors,
      ...bgpPerNode(run, ci),
    },
    pools,
    maxBlocksOnNode: Math.max(0, ...report.nodes.map((n) => n.blocks.length)),
    blockLimit: ipam.blockLimit,
    borrowed: report.nodes.reduce((s, n) => s + n.borrowed, 0),
    ...(flannel
      ? { flannel: { networkLen: flannel.network.len, subnetLen: flannel.subnetLen, leases: flannel.leases.length, maxVmsOnHost: Math.max(0, ...vmsOnHost.values()) } }
      : {}),
    felixRules: rules,
    matrixClasses,
    certificatesIssued: certificatesOf(run, c.name),
  };
}

/** Sessions (any state) of the cluster's busiest and median running speakers, and the most prefixes one holds. */
function bgpPerNode(run: PlatformRun, ci: number): { maxSessionsPerNode: number; medianSessionsPerNode: number; maxRoutesPerNode: number } {
  const c = run.model.clusters[ci]!;
  const speakers = new Set(c.nodes.filter((id) => run.nodeUp[id] === 1).map((id) => run.bgp.speakerOf(id)));
  // Per-state counts, not full session reports: a report counts each session's routes (O(sessions × prefixes)),
  // which at a 1,000-node mesh took most of a sweep point's time.
  const sessions: number[] = [];
  for (const c of run.bgp.net.sessionCounts()) if (speakers.has(c.node)) sessions.push(Object.values(c.states).reduce((s, k) => s + k, 0));
  let routes = 0;
  for (const s of speakers) routes = Math.max(routes, run.bgp.net.routeCounts(s).prefixes);
  const sorted = [...sessions].sort((a, b) => a - b);
  const median = sorted[Math.ceil(sorted.length / 2) - 1] ?? 0;
  return { maxSessionsPerNode: Math.max(0, ...sessions), medianSessionsPerNode: median, maxRoutesPerNode: routes };
}

/** Certificates the cluster's CA issued: one per component at start, plus every rotation's re-issues. */
function certificatesOf(run: PlatformRun, cluster: string): number {
  const initial = run.pki.certs.filter((c) => c.cluster === cluster).length;
  return initial + run.pki.rotations.filter((r) => r.cluster === cluster).reduce((s, r) => s + r.count, 0);
}

/** A Service selector (equality on every key) against pod labels; an empty selector selects nothing. */
function selects(selector: Labels, labels: Labels): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}
