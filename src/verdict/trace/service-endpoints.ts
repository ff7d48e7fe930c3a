// verdict: a Service's EndpointSlice at the run's current time — the running pods its selector picks in
// its namespace, each ready when its node is up (the node lifecycle controller marks pods of an unreachable
// node not ready), with the target port resolved against the pod's named container ports.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import type { SliceEndpoint } from '../../model/edge/kube-proxy.js';
import type { ServicePortSpec, ServiceSpec } from '../../scenario/types.js';

/** An endpoint with its pod and the port traffic goes to (undefined when a named port is missing). */
export interface ServiceEndpoint extends SliceEndpoint {
  readonly pod: LivePod;
  readonly targetPort: number | undefined;
}

/** The endpoints of `svc`'s port `port` in cluster `cluster`, in pod creation order. */
export function serviceEndpoints(run: PlatformRun, cluster: number, svc: ServiceSpec, port: ServicePortSpec): ServiceEndpoint[] {
  const sel = Object.entries(svc.selector);
  if (sel.length === 0) return [];
  const out: ServiceEndpoint[] = [];
  for (const p of run.pods.pods) {
    if (p.cluster !== cluster || p.phase !== 'running' || p.ip < 0 || p.namespace !== svc.namespace) continue;
    if (!sel.every(([k, v]) => p.base.labels[k] === v)) continue;
    const ready = p.node >= 0 && run.nodeUp[p.node] === 1;
    const targetPort = typeof port.targetPort === 'number' ? port.targetPort : p.base.ports.find((c) => c.name === port.targetPort)?.containerPort;
    const zone = p.node >= 0 ? run.model.nodes[p.node]!.labels['topology.kubernetes.io/zone'] : undefined;
    out.push({ id: p.id, node: p.node, ...(zone !== undefined ? { zone } : {}), ready, serving: ready, terminating: false, pod: p, targetPort });
  }
  return out;
}
