// verdict: a Service's EndpointSlice at the run's current time — the running pods its selector picks in
// its namespace, each ready when its node is up (the node lifecycle controller marks pods of an unreachable
// node not ready), and the pods stopped less than their grace period ago as terminating; with the target
// port resolved against the pod's named container ports.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import type { SliceEndpoint } from '../../model/edge/kube-proxy.js';
import type { ServicePortSpec, ServiceSpec } from '../../scenario/types.js';
import { podsInNamespace } from './pods-by-namespace.js';

/**
 * A deleted pod keeps running for its workload's `terminationGracePeriodSeconds` (PodSpec default 30) after
 * it is told to stop; meanwhile the EndpointSlice controller lists it with `ready: false, terminating: true`
 * and `serving` as its Ready condition (k8s.io/endpointslice utils.go podToEndpoint, KEP-1672). calisim
 * takes the pod to stay Ready until it exits.
 */
const DEFAULT_GRACE_SECONDS = 30;

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
    const grace = p.workload >= 0 ? (run.model.workloads[p.workload]!.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS) : 0;
    const graceLeftMs = p.phase === 'terminated' ? p.terminatedAt! + grace * 1000 - run.sim.now : undefined;
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
  return svc.trafficDistribution === undefined ? out : withZoneHints(out);
}

/**
 * `trafficDistribution: PreferClose` (PreferSameZone): the EndpointSlice controller hints each endpoint for its
 * own zone (k8s.io/endpointslice trafficdist, KEP-4444); an endpoint without a zone gets none, and kube-proxy
 * then ignores every hint of the Service, as it uses hints only when all endpoints carry them (KEP-2433).
 */
function withZoneHints(endpoints: ServiceEndpoint[]): ServiceEndpoint[] {
  return endpoints.map((e) => (e.zone === undefined ? e : { ...e, forZones: [e.zone] }));
}
