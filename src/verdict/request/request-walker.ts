// verdict: a request walker for one run state — the controller's routing table and its compiled matcher
// built once, then any number of requests followed against them.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { compileRoutes } from '../../compile/edge/compile-routes.js';
import { buildRouteTable, type RouteTable } from '../../model/edge/ingress-routes.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { followRequest } from './follow-request.js';
import type { HttpRequest, RequestResult } from './types.js';

/** Follows requests in the run's current state; a string is a bad URL or address. */
export interface RequestWalker {
  readonly table: RouteTable;
  readonly follow: (req: HttpRequest) => RequestResult | string;
}

/** Builds the walker. */
export function requestWalker(run: PlatformRun, policies: readonly ClusterPolicies[]): RequestWalker {
  const table = buildRouteTable(run.model);
  const lookup = compileRoutes(
    table.routes.map((r, order) => ({ host: r.host, path: r.path.path, pathType: r.path.pathType, order })),
  );
  return { table, follow: (req) => followRequest(run, policies, table, lookup, req) };
}
