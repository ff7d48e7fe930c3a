// compile: the reference Ingress matcher, written straight from the rules with a scan over every rule —
// the slow twin the compiled matcher is property-tested against. Host first (exact host, then a one-label
// wildcard, then the host-less catch-all; ingress-nginx gives each host its own server, with no
// fall-through to other servers), then the best matching path of that server.
import { outranks, pathElements, wildcardCovers, type RouteLookup, type RouteRule } from './route-rules.js';

/** Whether `rule`'s path matches the request path (Kubernetes Ingress v1 path types; ingress-nginx for ImplementationSpecific). */
export function pathMatches(rule: RouteRule, path: string): boolean {
  if (rule.pathType === 'Exact') return rule.path === path;
  if (rule.pathType === 'ImplementationSpecific') return path.startsWith(rule.path);
  const want = pathElements(rule.path);
  const got = pathElements(path);
  return want.length <= got.length && want.every((e, i) => got[i] === e);
}

/** A linear-scan matcher over `rules`. */
export function referenceMatcher(rules: readonly RouteRule[]): RouteLookup {
  return (host, path) => {
    let server: string | undefined;
    if (rules.some((r) => r.host === host)) server = host;
    else {
      // The longest wildcard suffix wins when several cover the host (nginx: the longest wildcard name).
      for (const r of rules) if (r.host?.startsWith('*.') && wildcardCovers(r.host, host) && (server === undefined || r.host.length > server.length)) server = r.host;
    }
    let best = -1;
    rules.forEach((r, i) => {
      if (r.host === server && pathMatches(r, path) && (best < 0 || outranks(r, rules[best]!))) best = i;
    });
    return { rule: best, server };
  };
}
