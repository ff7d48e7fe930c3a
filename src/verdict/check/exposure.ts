// verdict: what the platform exposes to the outside, and whether only through the declared ingress and
// load balancers. From outside, only the management hosts' network is reachable (tenant VMs sit on
// private flannel networks or in VPCs): so the entry points are the load balancers' VIPs, NodePort and
// LoadBalancer Services of the management cluster, hostPort / hostNetwork pods on management hosts, and
// the Service addresses (ClusterIP, externalIP, LoadBalancer IP) any cluster's Calico advertises over BGP.
// Anything but the ingress controller's Service and the load balancers is undeclared exposure. Each
// Ingress route is reported with whether every controller pod reaches its backend through the outer and
// inner walls.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ServiceSpec } from '../../scenario/types.js';
import { advertisedAddresses } from './advertised-exposure.js';
import type { RouteReach } from './ingress-routes.js';
import type { AssertionResult } from './types.js';

/** The exposure assertion in the run's current state. */
export function exposureAssertion(run: PlatformRun, reaches: readonly RouteReach[]): AssertionResult {
  const { model } = run;
  const platform = model.scenario.platform;
  if (!platform || model.management < 0) {
    return { id: 'exposure', kind: 'exposure', title: 'exposure only through the declared ingress and load balancers', status: 'pass', detail: 'no platform: nothing is exposed by a load balancer' };
  }
  const mgmt = model.clusters[model.management]!;
  const ing = platform.ingress;
  const entry: string[] = model.loadBalancers.flatMap((lb) => lb.vips.map((v) => `${lb.name} VIP ${v.address}:${v.port}`));
  const undeclared: string[] = [];
  const controller = (cluster: number, s: ServiceSpec): boolean => cluster === mgmt.id && s.namespace === ing.namespace && s.name === `${ing.name}-controller`;
  for (const s of mgmt.services) {
    // An ExternalName Service is a DNS alias: kube-proxy opens nothing for it.
    if (s.type === 'ClusterIP' || s.type === 'ExternalName') continue;
    const label = `Service ${s.namespace}/${s.name} (${s.type} ${s.ports.map((p) => p.nodePort ?? p.port).join(',')})`;
    if (controller(mgmt.id, s)) entry.push(label);
    else undeclared.push(label);
  }
  for (const a of advertisedAddresses(run)) (controller(a.cluster, a.svc) ? entry : undeclared).push(a.label);
  for (const p of run.pods.pods) {
    if (p.cluster !== mgmt.id || p.phase !== 'running') continue;
    const hostPorts = p.base.ports.filter((x) => x.hostPort !== undefined).map((x) => x.hostPort);
    if (hostPorts.length) undeclared.push(`pod ${p.namespace}/${p.name} hostPort ${hostPorts.join(',')}`);
  }
  const routes = reaches.map(({ where, reach, external }) => {
    if (external && !('refused' in external)) return `${where}: ExternalName ${external.host}:${external.port} outside the platform`;
    if (!reach || reach.endpoints === 0) return `${where}: no backend`;
    if (reach.reaching === reach.controllers && reach.controllers > 0) return `${where}:${reach.port} reachable`;
    return `${where}:${reach.port} unreachable from ${reach.controllers - reach.reaching} of ${reach.controllers} controller pod(s)`;
  });
  return {
    id: 'exposure',
    kind: 'exposure',
    title: 'exposure only through the declared ingress and load balancers',
    status: undeclared.length ? 'fail' : 'pass',
    detail: `${undeclared.length ? `undeclared: ${undeclared.join('; ')}. ` : ''}entry points: ${entry.join('; ') || 'none'}. ingress routes: ${routes.join('; ') || 'none'}`,
  };
}
