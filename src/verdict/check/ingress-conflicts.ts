// verdict: where tenants' Ingresses meet in the shared controller — two clusters or namespaces claiming the
// same host and path (the oldest Ingress wins, ingress-nginx's rule; the other is silently shadowed), a
// wildcard host of one owner covering another's hosts, snippet annotations (they configure the shared
// controller itself), and annotations that contradict each other or are not modelled.
import { wildcardCovers } from '../../compile/edge/route-rules.js';
import { buildRouteTable, type IngressRoute } from '../../model/edge/ingress-routes.js';
import type { Model } from '../../model/types.js';
import type { AssertionResult } from './types.js';

/** The `ingress-conflict/...` assertions of the model's Ingresses (static over the timeline). */
export function ingressConflictAssertions(model: Model): AssertionResult[] {
  const table = buildRouteTable(model);
  const owner = (r: IngressRoute) => `${model.clusters[r.cluster]!.name}/${r.ingress.namespace}`;
  const name = (r: IngressRoute) => `${owner(r)}/${r.ingress.name}`;
  const out: AssertionResult[] = [];
  const fail = (id: string, title: string, r: IngressRoute, detail: string) => out.push({ id: `ingress-conflict/${id}`, kind: 'ingress-conflict', title, status: 'fail', src: r.ingress.src, detail });
  const first = new Map<string, IngressRoute>();
  for (const r of table.routes) {
    const key = `${r.host ?? '*'} ${r.path.path} ${r.path.pathType}`;
    const w = first.get(key);
    if (!w) first.set(key, r);
    else if (owner(w) !== owner(r))
      fail(`${name(r)}/${key.replace(/ /g, '')}`, `${name(r)} claims ${r.host ?? '*'}${r.path.path} (${r.path.pathType}), already claimed`, r, `${name(w)} wins (the oldest Ingress wins in ingress-nginx); ${name(r)}'s route to ${r.path.service} is never used`);
  }
  const hosts = new Map<string, IngressRoute>();
  for (const r of table.routes) if (r.host && !r.host.startsWith('*.') && !hosts.has(r.host)) hosts.set(r.host, r);
  const seen = new Set<string>();
  for (const r of table.routes) {
    if (!r.host?.startsWith('*.')) continue;
    for (const [h, o] of hosts) {
      const id = `${name(r)}/${r.host}/${h}`;
      if (owner(o) === owner(r) || !wildcardCovers(r.host, h) || seen.has(id)) continue;
      seen.add(id);
      fail(id, `${name(r)}'s ${r.host} covers ${owner(o)}'s host ${h}`, r, `${h} still goes to ${name(o)} (an exact host beats a wildcard), but any name under ${r.host.slice(2)} ${owner(o)} has not declared goes to ${owner(r)}`);
    }
  }
  const ingresses = new Map<IngressRoute['ingress'], IngressRoute>();
  for (const r of [...table.routes, ...[...table.canaries.values()].flat(), ...table.fallbacks.values()]) if (!ingresses.has(r.ingress)) ingresses.set(r.ingress, r);
  const named = new Set<string>();
  for (const r of ingresses.values()) {
    if (named.has(name(r))) continue;
    named.add(name(r));
    if (r.behaviour.snippets.length) fail(`${name(r)}/snippets`, `${name(r)} configures the shared controller`, r, `snippet annotations ${r.behaviour.snippets.join(', ')} inject nginx configuration into the controller every tenant shares`);
    if (r.behaviour.problems.length) fail(`${name(r)}/annotations`, `${name(r)}'s annotations contradict each other`, r, r.behaviour.problems.join('; '));
  }
  if (out.length === 0) out.push({ id: 'ingress-conflict', kind: 'ingress-conflict', title: "no tenant's Ingress claims another's hosts or configures the shared controller", status: 'pass', detail: `${table.routes.length} route(s) of ${ingresses.size} Ingress rule(s) apart` });
  return out;
}
