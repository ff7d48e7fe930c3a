// emit: the Ingress-to-HTTPRoute migration diff as text (one line per request that routes differently)
// and as a JSON document, with the HTTPRoutes no Gateway accepted.
import type { MigrationChange, MigrationDiff, RouteAnswer } from '../../verdict/request/route-migration.js';

/** The diff with the HTTPRoutes no Gateway listener accepted (left out of the routing). */
export type RouteDiffReport = MigrationDiff & { readonly notAttached: readonly { readonly namespace: string; readonly name: string; readonly reason: string }[] };

function answer(a: RouteAnswer | null): string {
  return a ? `${a.kind} ${a.namespace}/${a.name} → ${a.backend}` : '404 (no route)';
}

function request(c: MigrationChange): string {
  const extras = [...Object.entries(c.headers).map(([k, v]) => `${k}: ${v}`), ...Object.entries(c.query).map(([k, v]) => `?${k}=${v}`)];
  return `${c.method} ${c.host}${c.path}${extras.length ? ` [${extras.join(', ')}]` : ''}`;
}

/** Text: a summary line, then per changed request what each side does. */
export function renderRouteDiffText(d: RouteDiffReport, labels: { readonly ingress: string; readonly httpRoute: string }): string {
  const head = `Ingresses of ${labels.ingress} → HTTPRoutes of ${labels.httpRoute}: ${d.changes.length} of ${d.probed} probed request(s) route differently\n`;
  const refused = d.notAttached.map((r) => `  HTTPRoute ${r.namespace}/${r.name} is not attached: ${r.reason}\n`).join('');
  return head + refused + d.changes.map((c) => `  ${request(c)}\n      before: ${answer(c.ingress)}\n      after:  ${answer(c.httpRoute)}\n`).join('');
}

/** The JSON document. */
export function routeDiffJson(d: RouteDiffReport, labels: { readonly ingress: string; readonly httpRoute: string }): object {
  return { schema: 'calisim.route-diff/v1', ingresses: labels.ingress, httpRoutes: labels.httpRoute, probed: d.probed, notAttached: d.notAttached, changes: d.changes };
}
