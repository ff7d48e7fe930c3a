// model: the ingress-nginx annotations of one Ingress that calisim models — TLS redirects, source allow and
// deny lists, canary selection, rewrite-target, backend-protocol, service-upstream — with snippets flagged
// (they let an Ingress configure the shared controller), every other annotation of the prefix listed as
// ignored, and contradictions reported. Semantics: ingress-nginx docs/user-guide/nginx-configuration/annotations.md.
import { parseCidr, type Cidr } from '../../lib/ipv4.js';

export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

/** A canary Ingress's selection rules (header, then cookie, then weight). */
export interface CanarySpec {
  readonly byHeader?: string;
  readonly byHeaderValue?: string;
  readonly byCookie?: string;
  readonly weight: number;
  readonly weightTotal: number;
}

/** What the controller does for an Ingress's paths. */
export interface NginxBehaviour {
  /** ssl-redirect (default true: a TLS host answers plain HTTP with 308). */
  readonly sslRedirect: boolean;
  readonly forceSslRedirect: boolean;
  /** whitelist-source-range / allowlist-source-range: others get 403; undefined = everyone. */
  readonly allow?: readonly Cidr[];
  readonly deny?: readonly Cidr[];
  readonly canary?: CanarySpec;
  readonly rewriteTarget?: string;
  readonly backendProtocol: string;
  /** service-upstream: proxy to the ClusterIP (kube-proxy picks) instead of the pod endpoints. */
  readonly serviceUpstream: boolean;
  /** Snippet annotations present (configuration-snippet, server-snippet, ...). */
  readonly snippets: readonly string[];
  /** Annotations of the prefix calisim does not model. */
  readonly ignored: readonly string[];
  /** Contradictions and bad values: `annotation: message`. */
  readonly problems: readonly string[];
}

const MODELLED = new Set([
  'ssl-redirect', 'force-ssl-redirect', 'whitelist-source-range', 'allowlist-source-range', 'denylist-source-range',
  'canary', 'canary-by-header', 'canary-by-header-value', 'canary-by-cookie', 'canary-weight', 'canary-weight-total',
  'rewrite-target', 'backend-protocol', 'service-upstream',
]);
const PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'FCGI', 'AUTO_HTTP'];

/** Reads the annotations. */
export function nginxBehaviour(annotations: Readonly<Record<string, string>>): NginxBehaviour {
  const a = (k: string): string | undefined => annotations[NGINX_PREFIX + k];
  const problems: string[] = [];
  const flag = (k: string, dflt: boolean): boolean => {
    const v = a(k);
    if (v === undefined) return dflt;
    if (v !== 'true' && v !== 'false') problems.push(`${NGINX_PREFIX}${k}: "${v}" is not true or false`);
    return v === 'true' ? true : v === 'false' ? false : dflt;
  };
  const cidrs = (k: string): Cidr[] | undefined => {
    const v = a(k);
    if (v === undefined) return undefined;
    return v.split(',').map((x) => x.trim()).filter((x) => x).flatMap((x) => {
      const c = parseCidr(x.includes('/') ? x : `${x}/32`);
      if (!c) problems.push(`${NGINX_PREFIX}${k}: "${x}" is not a CIDR`);
      return c ? [c] : [];
    });
  };
  const sslRedirect = flag('ssl-redirect', true);
  const forceSslRedirect = flag('force-ssl-redirect', false);
  if (a('ssl-redirect') === 'false' && forceSslRedirect) problems.push(`${NGINX_PREFIX}force-ssl-redirect: "true" contradicts ssl-redirect "false" (force wins)`);
  const white = cidrs('whitelist-source-range');
  const allowList = cidrs('allowlist-source-range');
  if (white && allowList) problems.push(`${NGINX_PREFIX}allowlist-source-range: given together with its alias whitelist-source-range (allowlist wins)`);
  const backendProtocol = (a('backend-protocol') ?? 'HTTP').toUpperCase();
  if (!PROTOCOLS.includes(backendProtocol)) problems.push(`${NGINX_PREFIX}backend-protocol: "${a('backend-protocol')}" is not one of ${PROTOCOLS.join(', ')}`);
  const canary = flag('canary', false) ? canarySpec(a, problems) : undefined;
  if (!canary && Object.keys(annotations).some((k) => k.startsWith(`${NGINX_PREFIX}canary-`)))
    problems.push(`${NGINX_PREFIX}canary: canary-* annotations without canary "true" are ignored`);
  const keys = Object.keys(annotations).filter((k) => k.startsWith(NGINX_PREFIX)).map((k) => k.slice(NGINX_PREFIX.length)).sort();
  const deny = cidrs('denylist-source-range');
  const allow = allowList ?? white;
  const rewriteTarget = a('rewrite-target');
  return {
    sslRedirect,
    forceSslRedirect,
    ...(allow ? { allow } : {}),
    ...(deny ? { deny } : {}),
    ...(canary ? { canary } : {}),
    ...(rewriteTarget !== undefined ? { rewriteTarget } : {}),
    backendProtocol,
    serviceUpstream: flag('service-upstream', false),
    snippets: keys.filter((k) => k.endsWith('-snippet')).map((k) => NGINX_PREFIX + k),
    ignored: keys.filter((k) => !MODELLED.has(k) && !k.endsWith('-snippet')).map((k) => NGINX_PREFIX + k),
    problems,
  };
}

function canarySpec(a: (k: string) => string | undefined, problems: string[]): CanarySpec {
  const num = (k: string, dflt: number): number => {
    const v = a(k);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) problems.push(`${NGINX_PREFIX}${k}: "${v}" is not a whole number`);
    return Number.isInteger(n) && n >= 0 ? n : dflt;
  };
  const weightTotal = num('canary-weight-total', 100);
  const weight = num('canary-weight', 0);
  if (weight > weightTotal) problems.push(`${NGINX_PREFIX}canary-weight: ${weight} exceeds canary-weight-total ${weightTotal}`);
  const byHeader = a('canary-by-header');
  const byHeaderValue = a('canary-by-header-value');
  const byCookie = a('canary-by-cookie');
  if (byHeaderValue !== undefined && byHeader === undefined) problems.push(`${NGINX_PREFIX}canary-by-header-value: needs canary-by-header`);
  return { ...(byHeader ? { byHeader } : {}), ...(byHeaderValue ? { byHeaderValue } : {}), ...(byCookie ? { byCookie } : {}), weight, weightTotal };
}
