// verdict: ingress-nginx's per-request decisions once a rule matched — TLS redirect (308), source allow and
// deny lists (403), and canary selection by header, then cookie, then weight (ingress-nginx
// docs/user-guide/nginx-configuration/annotations.md "Canary").
import { cidrContains } from '../../lib/ipv4.js';
import { pickEndpoint } from '../../model/edge/kube-proxy.js';
import type { IngressRoute } from '../../model/edge/ingress-routes.js';
import type { NginxBehaviour } from '../../model/edge/nginx-annotations.js';

/** Whether plain HTTP to `host` is redirected: ssl-redirect with a TLS section for the host, or force-ssl-redirect. */
export function redirectsToHttps(route: IngressRoute, host: string): boolean {
  const b = route.behaviour;
  if (b.forceSslRedirect) return true;
  if (!b.sslRedirect) return false;
  return (route.ingress.tls ?? []).some((h) => {
    const t = h.toLowerCase();
    return t === host || (t.startsWith('*.') && host.endsWith(t.slice(1)) && !host.slice(0, host.length - t.length + 1).includes('.'));
  });
}

/** Why the client is refused (403), or undefined. */
export function sourceRefusal(b: NginxBehaviour, client: number): string | undefined {
  if (b.deny?.some((c) => cidrContains(c, client))) return 'denylist-source-range matches the client address';
  if (b.allow && !b.allow.some((c) => cidrContains(c, client))) return 'the client address is outside whitelist-source-range';
  return undefined;
}

/** The canary that takes the request, with the reason, or undefined for the main route. */
export function chooseCanary(canaries: readonly IngressRoute[], headers: Readonly<Record<string, string>>, client: number): { route: IngressRoute; why: string } | undefined {
  const c = canaries[0];
  const spec = c?.behaviour.canary;
  if (!c || !spec) return undefined;
  if (spec.byHeader !== undefined) {
    const v = headers[spec.byHeader.toLowerCase()];
    if (spec.byHeaderValue !== undefined ? v === spec.byHeaderValue : v === 'always') return { route: c, why: `header ${spec.byHeader}: ${v ?? ''}` };
    if (v === 'never') return undefined;
  }
  if (spec.byCookie !== undefined) {
    const cookie = cookieValue(headers['cookie'], spec.byCookie);
    if (cookie === 'always') return { route: c, why: `cookie ${spec.byCookie}=always` };
    if (cookie === 'never') return undefined;
  }
  if (spec.weight <= 0) return undefined;
  // nginx draws at random per request; calisim buckets by a hash of the client address so answers repeat.
  const bucket = pickEndpoint(Array.from({ length: spec.weightTotal }, (_, i) => i), client)!;
  return bucket < spec.weight ? { route: c, why: `weight ${spec.weight}/${spec.weightTotal} (client bucket ${bucket})` } : undefined;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
