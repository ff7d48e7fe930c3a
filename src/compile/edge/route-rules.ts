// compile: the contract of the Ingress request matcher — routing rules (one host or none, one path with
// its type) and what a lookup answers — and the ranking both matchers share (ingress-nginx's reading of
// the Ingress v1 rules: an Exact match wins, then the longest path, then the oldest Ingress).

/** One path of one Ingress rule. */
export interface RouteRule {
  /** Lower-case host, `*.suffix` for a one-label wildcard, undefined for a host-less rule. */
  readonly host: string | undefined;
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  /** Ingress age order (creation order): lower is older and wins ties. */
  readonly order: number;
}

/** A lookup's answer: the rule index, or none; and the server (host tier) that answered. */
export interface RouteMatch {
  /** Index into the rules, -1 when no path of the server matched. */
  readonly rule: number;
  /** The server chosen: the exact host, the `*.suffix` wildcard, or undefined for the catch-all. */
  readonly server: string | undefined;
}

/** A matcher: host header (lower case, no port) and path (no query) to a match. */
export type RouteLookup = (host: string, path: string) => RouteMatch;

/** The path elements of a Prefix rule or request: split on `/`, empty elements ignored (Kubernetes Ingress v1). */
export function pathElements(path: string): string[] {
  return path.split('/').filter((e) => e.length > 0);
}

/** The ranking length of a rule: a Prefix path as its elements joined (`/foo/` ≡ `/foo`); others as written. */
export function rankLength(r: RouteRule): number {
  if (r.pathType !== 'Prefix') return r.path.length;
  const el = pathElements(r.path);
  return el.length === 0 ? 1 : el.reduce((n, e) => n + e.length + 1, 0);
}

/** Whether rule `a` outranks rule `b` for a request both match (`la`/`lb`: their rankLength, when known). */
export function outranks(a: RouteRule, b: RouteRule, la = rankLength(a), lb = rankLength(b)): boolean {
  const ea = a.pathType === 'Exact' ? 1 : 0;
  const eb = b.pathType === 'Exact' ? 1 : 0;
  if (ea !== eb) return ea > eb;
  if (la !== lb) return la > lb;
  // `/foo/` beats `/foo` (the Ingress API's comment), then Prefix before ImplementationSpecific, then age.
  if (a.path.length !== b.path.length) return a.path.length > b.path.length;
  if (a.pathType !== b.pathType) return a.pathType === 'Prefix';
  return a.order < b.order;
}

/** Whether the host header falls under a one-label wildcard `*.suffix` (Ingress v1: exactly one label). */
export function wildcardCovers(wildcard: string, host: string): boolean {
  const suffix = wildcard.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}
