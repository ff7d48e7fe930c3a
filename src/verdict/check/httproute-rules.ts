// verdict: every HTTPRoute rule the platform's edge controller serves, with whether each controller pod
// reaches every backendRef's Service through the outer and inner walls right now — one assertion per rule
// (kind ingress-route), and a failing one per rule of a route no Gateway listener accepts.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { attachRoutes } from '../../model/edge/gateway-attach.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import type { HttpRouteSpec } from '../../scenario/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { backendReach } from '../request/backend-reach.js';
import { backendRefPermitted } from '../../model/edge/reference-grant.js';
import { controllerPods } from '../request/controller-pods.js';
import type { AssertionResult } from './types.js';

type Rule = HttpRouteSpec['rules'][number];

/** One `httproute-rule/CLUSTER/NS/NAME#RULE` assertion per rule of every cluster's HTTPRoutes. */
export function httpRouteRuleAssertions(run: PlatformRun, policies: readonly ClusterPolicies[]): AssertionResult[] {
  const implied = run.model.scenario.platform === undefined;
  const controllers = controllerPods(run);
  const out: AssertionResult[] = [];
  run.model.clusters.forEach((c, cluster) => {
    const attached = attachRoutes(c.spec.httpRoutes ?? [], c.spec.gateways ?? [], c.spec.namespaces);
    const refused = new Map(attached.refused.map((x) => [x.route, x.reason]));
    for (const route of c.spec.httpRoutes ?? []) {
      route.rules.forEach((rule, i) => {
        const id = `httproute-rule/${c.name}/${route.namespace}/${route.name}#${i}`;
        const title = `${c.name}: HTTPRoute ${route.namespace}/${route.name} rule ${i} → ${backendsText(rule)}: ${implied ? 'every backend has a ready endpoint' : 'every controller pod reaches the backends through both walls'}`;
        const base = { id, kind: 'ingress-route' as const, title, src: route.src };
        const why = refused.get(route);
        const fail = why ?? ruleFailure(run, policies, controllers, cluster, route, rule);
        const passed = implied ? 'the implied controller has no address: the walls are not judged' : `${controllers.length} controller pod(s) reach every backend`;
        out.push(fail === undefined ? { ...base, status: 'pass', detail: passed } : { ...base, status: 'fail', detail: why !== undefined ? `not served: ${why}` : fail });
      });
    }
  });
  return out;
}

function backendsText(rule: Rule): string {
  return rule.backendRefs.map((b) => `${b.name}:${b.port ?? '-'}`).join(', ') || 'no backend';
}

/** Why a served rule fails (Gateway API: an invalid backendRef answers 500), or undefined when it passes. */
function ruleFailure(run: PlatformRun, policies: readonly ClusterPolicies[], controllers: readonly LivePod[], cluster: number, route: HttpRouteSpec, rule: Rule): string | undefined {
  // A RequestRedirect rule answers every request itself (and takes no backendRefs).
  if (rule.filters?.some((f) => f.type === 'RequestRedirect')) return undefined;
  const refs = rule.backendRefs.filter((b) => b.weight > 0);
  if (refs.length === 0) return 'the rule has no backendRef of positive weight (500)';
  const c = run.model.clusters[cluster]!;
  for (const ref of refs) {
    const ns = ref.namespace ?? route.namespace;
    const name = `Service ${ns}/${ref.name}`;
    if (!backendRefPermitted(route.namespace, { namespace: ns, service: ref.name }, c.spec.referenceGrants ?? [])) return `${name} is in another namespace and no ReferenceGrant permits it (RefNotPermitted, 500)`;
    const svc = c.services.find((s) => s.namespace === ns && s.name === ref.name);
    const sp = svc?.ports.find((p) => p.port === ref.port);
    if (svc?.type === 'ExternalName') return `${name} is ExternalName ${svc.externalName ?? ''}: Gateway API implementations should not forward to it, calisim does not (500)`;
    if (!svc || !sp) return `${name}${svc ? ` has no port ${ref.port ?? '-'}` : ' does not exist'} (500)`;
    const reach = backendReach(run, policies, controllers, cluster, svc, sp);
    if (reach.endpoints === 0) return `${name} has no ready endpoint (503)`;
    if (run.model.scenario.platform !== undefined && (reach.controllers === 0 || reach.reaching < reach.controllers)) {
      const last = reach.refused?.hops.at(-1);
      return `${name}: ${reach.controllers - reach.reaching} of ${reach.controllers} controller pod(s) reach no endpoint${last ? `: ${last.detail}` : ''}`;
    }
  }
  return undefined;
}
