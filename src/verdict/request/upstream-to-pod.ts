// verdict: the edge controller's last leg — from a backend Service to one of its pods: the upstream endpoint
// (the pod endpoints directly, or the ClusterIP through kube-proxy), then the controller pod's connection
// to that pod through the outer and inner walls. Shared by Ingress and HTTPRoute routing.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import { pickEndpoint } from '../../model/edge/kube-proxy.js';
import { nginxUpstream } from '../../model/edge/nginx-upstream.js';
import type { ServicePortSpec, ServiceSpec } from '../../scenario/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { kubeProxyStage } from '../trace/service-entry.js';
import { serviceEndpoints } from '../trace/service-endpoints.js';
import { podEnd } from '../trace/resolve-end.js';
import { traceLeg } from '../trace/trace-leg.js';
import type { TraceHop } from '../trace/types.js';

/** How the leg ended: no endpoint (503, with why), the walls dropped it (504), or delivered (200) to `pod`. */
export type UpstreamOutcome = { readonly status: 503; readonly why: string } | { readonly status: 200 | 504; readonly pod: LivePod };

/** Follows the controller (`at.pod`; none when implied) to an endpoint of `svc`:`sp` in cluster `cluster`. */
export function upstreamToPod(
  run: PlatformRun,
  policies: readonly ClusterPolicies[],
  at: { client: number; hops: TraceHop[]; pod?: LivePod },
  where: string,
  target: { cluster: number; svc: ServiceSpec; sp: ServicePortSpec; serviceUpstream: boolean; note: string },
): UpstreamOutcome {
  const { hops } = at;
  const c = run.model.clusters[target.cluster]!;
  const name = `Service ${target.svc.namespace}/${target.svc.name}`;
  let to: { pod: LivePod; port: number } | undefined;
  let why = `${name} has no ready endpoint`;
  if (target.serviceUpstream && at.pod) {
    const kp = kubeProxyStage(run, at.pod.node, target.svc, target.sp, 'internal', at.pod.ip);
    hops.push(...kp.hops);
    if (!kp.drop) to = { pod: kp.endpoint.pod, port: kp.targetPort };
    else why = `${name}: kube-proxy has no endpoint for the ClusterIP (service-upstream)`;
  } else {
    const up = nginxUpstream(serviceEndpoints(run, target.cluster, target.svc, target.sp).filter((e) => e.targetPort !== undefined));
    const ep = pickEndpoint(up.servers, at.client);
    if (ep) {
      hops.push({ step: 'upstream', at: where, detail: `upstream ${c.name}/${ep.pod.namespace}/${ep.pod.name} ${formatIpv4(ep.pod.ip)}:${ep.targetPort}, one of ${up.servers.length} ready endpoint(s) (round_robin; calisim picks by a hash of the client address)${up.terminating ? `; ${up.terminating} terminating endpoint(s) left out` : ''}; ${target.note}` });
      to = { pod: ep.pod, port: ep.targetPort! };
    } else if (up.terminating) why = `${name} has no ready endpoint: ingress-nginx takes only ready endpoints into its upstream, so its ${up.terminating} terminating endpoint(s) are left out (kube-proxy would still use them)`;
  }
  if (!to) return { status: 503, why };
  if (!at.pod) {
    hops.push({ step: 'deliver', at: `${to.pod.namespace}/${to.pod.name}`, detail: 'delivered (the implied controller has no address: the walls are not judged)' });
    return { status: 200, pod: to.pod };
  }
  const leg = traceLeg(run, policies, podEnd(at.pod), podEnd(to.pod), { protocol: 6, port: to.port, size: 64 });
  hops.push(...leg.hops);
  return { status: leg.disposition === 'delivered' ? 200 : 504, pod: to.pod };
}
