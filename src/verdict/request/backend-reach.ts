// verdict: whether an Ingress route's backend accepts the controller's connections — the packet from each
// controller pod to the Service's endpoints on the target port, through the outer wall (the management
// cluster's policies at the tenant VMs) and the inner wall (the tenant's policies at the pod), with the
// source address each wall sees (src/model/edge/source-address.ts).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import type { ServicePortSpec, ServiceSpec } from '../../scenario/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { serviceEndpoints } from '../trace/service-endpoints.js';
import { traceLeg, type LegResult } from '../trace/trace-leg.js';
import { podEnd } from '../trace/resolve-end.js';

/** The outcome for one backend: how many controller pods reach some endpoint, and the first refusal. */
export interface BackendReach {
  readonly controllers: number;
  readonly reaching: number;
  readonly endpoints: number;
  /** The container port of the first endpoint (the Service's targetPort resolved). */
  readonly port?: number;
  /** The first failing leg (a controller pod that reaches no endpoint), when there is one. */
  readonly refused?: LegResult;
}

/** Follows each controller pod to the backend's ready endpoints; a controller reaches it when one endpoint delivers. */
export function backendReach(run: PlatformRun, policies: readonly ClusterPolicies[], controllers: readonly LivePod[], cluster: number, svc: ServiceSpec, sp: ServicePortSpec): BackendReach {
  const eps = serviceEndpoints(run, cluster, svc, sp).filter((e) => e.ready && e.targetPort !== undefined);
  let reaching = 0;
  let refused: LegResult | undefined;
  for (const c of controllers) {
    let first: LegResult | undefined;
    const ok = eps.some((e) => {
      const leg = traceLeg(run, policies, podEnd(c), podEnd(e.pod), { protocol: protocolNumber(sp.protocol), port: e.targetPort!, size: 64 });
      first ??= leg;
      return leg.disposition === 'delivered';
    });
    if (ok) reaching++;
    else refused ??= first;
  }
  return { controllers: controllers.length, reaching, endpoints: eps.length, ...(eps[0] ? { port: eps[0].targetPort! } : {}), ...(refused ? { refused } : {}) };
}

function protocolNumber(p: string): number {
  return p === 'UDP' ? 17 : p === 'SCTP' ? 132 : 6;
}
