// verdict: what the platform exposes to the outside, and whether only through the declared ingress and
// load balancers. From outside, only the management hosts' network is reachable (tenant VMs sit on
// private flannel networks or in VPCs): so the entry points are the load balancers' VIPs, NodePort and
// LoadBalancer Services of the management cluster, and hostPort / hostNetwork pods on management hosts.
// Anything but the ingress controller's Service and the load balancers is undeclared exposure. Each
// Ingress route is reported with whether every controller pod reaches its backend through the outer and
// inner walls.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { backendReach } from '../request/backend-reach.js';
import { controllerPods } from '../request/controller-pods.js';
import type { AssertionResult } from './types.js';

/** The exposure assertion in the run's current state. */
export function exposureAssertion(run: PlatformRun, policies: readonly ClusterPolicies[]): AssertionResult {
  const { model } = run;
  const platform = model.scenario.platform;
  if (!platform || model.management < 0) {
    return { id: 'exposure', kind: 'exposure', title: 'exposure only through the declared ingress and load balancers', status: 'pass', detail: 'no platform: nothing is exposed by a load balancer' };
  }
  const mgmt = model.clusters[model.management]!;
  const ing = platform.ingress;
  const entry: string[] = model.loadBalancers.flatMap((lb) => lb.vips.map((v) => `${lb.name} VIP ${v.address}:${v.port}`));
  const undeclared: string[] = [];
  for (const s of mgmt.services) {
    if (s.type === 'ClusterIP') continue;
    const label = `Service ${s.namespace}/${s.name} (${s.type} ${s.ports.map((p) => p.nodePort ?? p.port).join(',')})`;
    if (s.namespace === ing.namespace && s.name === `${ing.name}-controller`) entry.push(label);
    else undeclared.push(label);
  }
  for (const p of run.pods.pods) {
    if (p.cluster !== mgmt.id || p.phase !== 'running') continue;
    const hostPorts = p.base.ports.filter((x) => x.hostPort !== undefined).map((x) => x.hostPort);
    if (hostPorts.length) undeclared.push(`pod ${p.namespace}/${p.name} hostPort ${hostPorts.join(',')}`);
  }
  // Ingress backends as the controller pods reach them, through both walls.
  const controllers = controllerPods(run);
  const routes: string[] = [];
  model.clusters.forEach((c, ci) => {
    for (const i of c.spec.ingresses) {
      for (const path of i.paths) {
        const svc = c.services.find((s) => s.namespace === i.namespace && s.name === path.service);
        const port = svc?.ports.find((p) => p.port === path.port || p.name === path.port);
        const r = svc && port ? backendReach(run, policies, controllers, ci, svc, port) : undefined;
        const where = `${c.name}: ${i.host ?? '*'}${path.path} → ${i.namespace}/${path.service}`;
        if (!r || r.endpoints === 0) routes.push(`${where}: no backend`);
        else if (r.reaching === r.controllers && r.controllers > 0) routes.push(`${where}:${r.port} reachable`);
        else routes.push(`${where}:${r.port} unreachable from ${r.controllers - r.reaching} of ${r.controllers} controller pod(s)${r.refused ? ` (${r.refused.hops[r.refused.hops.length - 1]!.detail})` : ''}`);
      }
    }
  });
  return {
    id: 'exposure',
    kind: 'exposure',
    title: 'exposure only through the declared ingress and load balancers',
    status: undeclared.length ? 'fail' : 'pass',
    detail: `${undeclared.length ? `undeclared: ${undeclared.join('; ')}. ` : ''}entry points: ${entry.join('; ') || 'none'}. ingress routes: ${routes.join('; ') || 'none'}`,
  };
}
