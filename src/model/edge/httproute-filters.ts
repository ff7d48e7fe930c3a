// model: what an HTTPRoute rule's filters do to a request (Gateway API HTTPRouteFilter) — the Location of a
// RequestRedirect, the path and host a URLRewrite gives the backend, and the header changes of a
// RequestHeaderModifier, in words for a request's hops. Pure.
import type { HttpPathModifierSpec, HttpRouteFilterSpec } from '../../scenario/types.js';

/** The request as the filter sees it: scheme, host, the port it came to (the listener's), its path. */
export interface FilteredRequest {
  readonly https: boolean;
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

/**
 * HTTPPathModifier: ReplaceFullPath replaces the whole path; ReplacePrefixMatch replaces the part the rule's
 * PathPrefix match matched (by path element), keeping the rest (`/foo` → `/xyz` turns `/foo/bar` into
 * `/xyz/bar`; a replacement of `/` turns it into `/bar`). Without a prefix match the path is kept.
 */
export function modifyPath(path: string, m: HttpPathModifierSpec, prefix: string | undefined): string {
  if (m.type === 'ReplaceFullPath') return m.value;
  if (prefix === undefined) return path;
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const rest = path.slice(trimmed.length);
  const head = m.value.endsWith('/') ? m.value.slice(0, -1) : m.value;
  const out = head + rest;
  return out === '' ? '/' : out.startsWith('/') ? out : `/${out}`;
}

/**
 * HTTPRequestRedirectFilter's Location: the scheme, hostname and path given, else the request's; the port
 * given, else the well-known port of a given scheme (http 80, https 443), else the listener's; the port is
 * left out of the Location when it is the scheme's well-known one.
 */
export function redirectLocation(f: Extract<HttpRouteFilterSpec, { type: 'RequestRedirect' }>, req: FilteredRequest, prefix: string | undefined): string {
  const scheme = f.scheme ?? (req.https ? 'https' : 'http');
  const port = f.port ?? (f.scheme !== undefined ? (f.scheme === 'https' ? 443 : 80) : req.port);
  const wellKnown = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  const path = f.path ? modifyPath(req.path, f.path, prefix) : req.path;
  return `${scheme}://${f.hostname ?? req.host}${wellKnown ? '' : `:${port}`}${path}`;
}

/** A URLRewrite or RequestHeaderModifier in words (what the backend receives). */
export function filterText(f: Exclude<HttpRouteFilterSpec, { type: 'RequestRedirect' }>, req: FilteredRequest, prefix: string | undefined): string {
  if (f.type === 'URLRewrite') {
    const parts = [f.hostname !== undefined ? `Host ${f.hostname}` : '', f.path ? `path ${modifyPath(req.path, f.path, prefix)}` : ''].filter((x) => x);
    return `URLRewrite: the backend receives ${parts.join(' and ') || 'the request unchanged'}`;
  }
  const pairs = (xs: readonly { name: string; value: string }[]) => xs.map((h) => `${h.name}: ${h.value}`).join(', ');
  const parts = [f.set.length ? `set ${pairs(f.set)}` : '', f.add.length ? `add ${pairs(f.add)}` : '', f.remove.length ? `remove ${f.remove.join(', ')}` : ''].filter((x) => x);
  return `RequestHeaderModifier: ${parts.join('; ') || 'no change'}`;
}
