// verdict: what the platform exposes to the outside, and whether only through the declared ingress and
// load balancers. From outside, only the management hosts' network is reachable (tenant VMs sit on
// private flannel networks or in VPCs): so the entry points are the load balancers' VIPs, NodePort and
// LoadBalancer Services of the management cluster, and hostPort / hostNetwork pods on management hosts.
// Anything but the ingress controller's Service and the load balancers is undeclared exposure. Each
// Ingress is reported with whether its backend pods accept the controller's traffic (which arrives from a
// management host's address: flannel masquerades it).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { fastEvaluate } from '../state/fast-evaluate.js';
import type { AssertionResult } from './types.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132 };

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
  // Ingress backends as the controller reaches them: from a management host's address to each backend pod.
  const hostIp = model.nodes[mgmt.nodes[0]!]!.ip;
  const routes: string[] = [];
  model.clusters.forEach((c, ci) => {
    for (const i of c.spec.ingresses) {
      for (const path of i.paths) {
        const svc = c.services.find((s) => s.namespace === i.namespace && s.name === path.service);
        const port = svc?.ports.find((p) => p.port === path.port || p.name === path.port);
        const backends = policies[ci]!.model.endpoints.filter((e) => e.namespace === i.namespace && svc && Object.entries(svc.selector).every(([k, v]) => e.podLabels[k] === v));
        if (!svc || !port || backends.length === 0) {
          routes.push(`${c.name}: ${i.host ?? '*'}${path.path} → ${path.service}: no backend`);
          continue;
        }
        const target = typeof port.targetPort === 'number' ? port.targetPort : backends[0]!.containerPorts.find((x) => x.name === port.targetPort)?.containerPort;
        const allowed = target !== undefined && backends.some((b) => fastEvaluate(policies[ci]!.model, { src: { ip: hostIp }, dst: { endpoint: b.index }, protocol: PROTOCOLS[port.protocol] ?? 6, dstPort: target }).verdict === 'allow');
        routes.push(`${c.name}: ${i.host ?? '*'}${path.path} → ${i.namespace}/${path.service}:${target ?? port.targetPort} ${allowed ? 'reachable' : 'refused by its policies'}`);
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
