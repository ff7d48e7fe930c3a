// compile: Gateway API HTTPRoute matching — which rule of which HTTPRoute a request takes, by the
// precedence the HTTPRoute API spells out (hostnames: most characters of a matching non-wildcard host,
// then of any matching host; then the match: Exact path, longest PathPrefix, method, most headers, most
// query parameters; then the oldest route, `namespace/name`, and the first rule in list order).

/** One HTTPRouteMatch (its conditions are ANDed). */
export interface HttpRouteMatch {
  readonly path: { readonly type: 'Exact' | 'PathPrefix'; readonly value: string };
  readonly method?: string;
  /** Exact header matches; names compared case-insensitively. */
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  /** Exact query parameter matches; names compared exactly. */
  readonly queryParams: readonly { readonly name: string; readonly value: string }[];
}

/** One route, in the shape the matcher needs. */
export interface HttpRouteEntry {
  readonly namespace: string;
  readonly name: string;
  /** Creation order: lower is older (creationTimestamp, else input order). */
  readonly age: number;
  /** Lower-case hostnames; empty: every host the listener takes. */
  readonly hostnames: readonly string[];
  /** Each rule's matches (a rule with none matches every request: PathPrefix `/`). */
  readonly rules: readonly { readonly matches: readonly HttpRouteMatch[] }[];
}

/** A request as the matcher reads it (host lower-case without port, header names lower-case). */
export interface HttpRequestView {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

/** The winner: route and rule indices, the hostname it matched by (null: none stated) and the match. */
export interface HttpRouteHit {
  readonly route: number;
  readonly rule: number;
  readonly hostname: string | null;
  readonly match: HttpRouteMatch;
}

const CATCH_ALL: HttpRouteMatch = { path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] };

/** Whether a route hostname covers the host: equal, or `*.suffix` as a suffix match of one or more labels. */
export function hostnameCovers(hostname: string, host: string): boolean {
  if (!hostname.startsWith('*.')) return hostname === host;
  const suffix = hostname.slice(1);
  return host.length > suffix.length && host.endsWith(suffix);
}

/** PathPrefix matches whole path elements; a trailing `/` in the value is ignored (`/foo` takes `/foo/bar`, not `/foobar`). */
export function prefixMatches(value: string, path: string): boolean {
  const want = value.split('/').filter((e) => e);
  const got = path.split('/').filter((e) => e);
  return want.length <= got.length && want.every((e, i) => got[i] === e);
}

function matches(m: HttpRouteMatch, req: HttpRequestView): boolean {
  if (m.path.type === 'Exact' ? m.path.value !== req.path : !prefixMatches(m.path.value, req.path)) return false;
  if (m.method !== undefined && m.method !== req.method) return false;
  if (!m.headers.every((h) => req.headers[h.name.toLowerCase()] === h.value)) return false;
  return m.queryParams.every((q) => req.query[q.name] === q.value);
}

/** Hostname precedence: more characters of a non-wildcard hostname, then more characters. */
function hostRank(h: string): [number, number] {
  return [h.startsWith('*.') ? 0 : h.length, h.length];
}

function hostBefore(a: string, b: string): boolean {
  const [a0, a1] = hostRank(a);
  const [b0, b1] = hostRank(b);
  return a0 !== b0 ? a0 > b0 : a1 > b1;
}

/** The ranking key of a candidate: larger sorts first, element by element. */
function rank(hostname: string | null, m: HttpRouteMatch): number[] {
  return [...hostRank(hostname ?? ''), m.path.type === 'Exact' ? 1 : 0, m.path.value.length, m.method !== undefined ? 1 : 0, m.headers.length, m.queryParams.length];
}

function before(a: { key: number[]; e: HttpRouteEntry; rule: number }, b: { key: number[]; e: HttpRouteEntry; rule: number }): boolean {
  for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! > b.key[i]!;
  if (a.e.age !== b.e.age) return a.e.age < b.e.age;
  const an = `${a.e.namespace}/${a.e.name}`;
  const bn = `${b.e.namespace}/${b.e.name}`;
  if (an !== bn) return an < bn;
  return a.rule < b.rule;
}

/** The rule a request takes among `routes`, or undefined (the Gateway answers 404). */
export function matchHttpRoute(routes: readonly HttpRouteEntry[], req: HttpRequestView): HttpRouteHit | undefined {
  let best: { key: number[]; e: HttpRouteEntry; rule: number; hit: HttpRouteHit } | undefined;
  routes.forEach((e, route) => {
    // The most specific of the route's hostnames that covers the host decides its hostname rank.
    const covering = e.hostnames.filter((h) => hostnameCovers(h, req.host));
    if (e.hostnames.length > 0 && covering.length === 0) return;
    const hostname = covering.reduce<string | null>((b, h) => (b === null || hostBefore(h, b) ? h : b), null);
    e.rules.forEach((r, rule) => {
      for (const m of r.matches.length ? r.matches : [CATCH_ALL]) {
        if (!matches(m, req)) continue;
        const c = { key: rank(hostname, m), e, rule, hit: { route, rule, hostname, match: m } };
        if (!best || before(c, best)) best = c;
      }
    });
  });
  return best?.hit;
}
