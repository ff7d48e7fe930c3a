// verdict: a Service's EndpointSlice at the run's current time — the running pods its selector picks in
// its namespace, each ready when its node is up (the node lifecycle controller marks pods of an unreachable
// node not ready), and the pods stopped less than their grace period ago as terminating; with the target
// port resolved against the pod's named container ports.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { terminationGraceMs } from '../../engine/platform/termination-grace.js';
import type { SliceEndpoint } from '../../model/edge/kube-proxy.js';
import { topologyHints } from '../../model/edge/topology-hints.js';
import type { ServicePortSpec, ServiceSpec } from '../../scenario/types.js';
import { podsInNamespace } from './pods-by-namespace.js';

/*
 * A deleted pod keeps running for its workload's `terminationGracePeriodSeconds` (engine termination-grace)
 * after it is told to stop; meanwhile the EndpointSlice controller lists it with `ready: false, terminating:
 * true` and `serving` as its Ready condition (k8s.io/endpointslice utils.go podToEndpoint, KEP-1672). calisim
 * takes the pod to stay Ready until it exits.
 */

/** An endpoint with its pod and the port traffic goes to (undefined when a named port is missing). */
export interface ServiceEndpoint extends SliceEndpoint {
  readonly pod: LivePod;
  readonly targetPort: number | undefined;
  /** For a terminating endpoint, the ms until its pod exits and it leaves the slice. */
  readonly graceLeftMs?: number;
}

/** The endpoints of `svc`'s port `port` in cluster `cluster`, in pod creation order. */
export function serviceEndpoints(run: PlatformRun, cluster: number, svc: ServiceSpec, port: ServicePortSpec): ServiceEndpoint[] {
  const sel = Object.entries(svc.selector);
  if (sel.length === 0) return [];
  const out: ServiceEndpoint[] = [];
  for (const p of podsInNamespace(run.pods, cluster, svc.namespace)) {
    const graceLeftMs = p.phase === 'terminated' ? p.terminatedAt! + terminationGraceMs(run.model, p) - run.sim.now : undefined;
    if (graceLeftMs !== undefined ? graceLeftMs <= 0 || (p.lastIp ?? -1) < 0 : p.phase !== 'running' || p.ip < 0) continue;
    if (!sel.every(([k, v]) => p.base.labels[k] === v)) continue;
    const serving = p.node >= 0 && run.nodeUp[p.node] === 1;
    const terminating = graceLeftMs !== undefined;
    const targetPort = typeof port.targetPort === 'number' ? port.targetPort : p.base.ports.find((c) => c.name === port.targetPort)?.containerPort;
    const zone = p.node >= 0 ? run.model.nodes[p.node]!.labels['topology.kubernetes.io/zone'] : undefined;
    // A terminating pod is shown with the address it still holds until it exits.
    const pod = terminating ? { ...p, ip: p.lastIp! } : p;
    out.push({ id: p.id, node: p.node, ...(zone !== undefined ? { zone } : {}), ready: serving && !terminating, serving, terminating, pod, targetPort, ...(terminating ? { graceLeftMs } : {}) });
  }
  if (svc.topologyMode === 'Auto') return withAutoHints(out, zoneCpu(run, cluster));
  return svc.trafficDistribution === undefined ? out : withZoneHints(out);
}

/** `topology-mode: Auto`: the proportional hints (model topology-hints), on the ready endpoints only. */
function withAutoHints(endpoints: ServiceEndpoint[], cpuByZone: ReadonlyMap<string, number> | undefined): ServiceEndpoint[] {
  const r = topologyHints(endpoints, cpuByZone);
  if ('none' in r) return endpoints;
  return endpoints.map((e, i) => (r.hints[i] === undefined ? e : { ...e, forZones: [r.hints[i]!] }));
}

/**
 * TopologyCache.SetNodes: allocatable CPU per zone over the cluster's ready nodes, leaving out those labelled
 * node-role.kubernetes.io/control-plane or /master; undefined (no hints) when one has no zone or no CPU. A
 * cluster that states no node's CPU counts each node as one CPU, so zones weigh by their node count.
 */
function zoneCpu(run: PlatformRun, cluster: number): Map<string, number> | undefined {
  const nodes = run.model.clusters[cluster]!.nodes.map((id) => run.model.nodes[id]!);
  const stated = nodes.some((n) => n.cpu !== undefined);
  const out = new Map<string, number>();
  for (const n of nodes) {
    if (run.nodeUp[n.id] !== 1 || 'node-role.kubernetes.io/control-plane' in n.labels || 'node-role.kubernetes.io/master' in n.labels) continue;
    const zone = n.labels['topology.kubernetes.io/zone'];
    const cpu = stated ? n.cpu : 1000;
    if (!zone || !cpu) return undefined;
    out.set(zone, (out.get(zone) ?? 0) + cpu);
  }
  return out;
}

/**
 * `trafficDistribution: PreferClose` (PreferSameZone): the EndpointSlice controller hints each endpoint for its
 * own zone (k8s.io/endpointslice trafficdist, KEP-4444); an endpoint without a zone gets none, and kube-proxy
 * then ignores every hint of the Service, as it uses hints only when all endpoints carry them (KEP-2433).
 */
function withZoneHints(endpoints: ServiceEndpoint[]): ServiceEndpoint[] {
  return endpoints.map((e) => (e.zone === undefined ? e : { ...e, forZones: [e.zone] }));
}
