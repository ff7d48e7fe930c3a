// verdict: ingress-nginx's upstream for an ExternalName Service — not pods but the DNS name itself, on
// the port the Ingress names (internal/ingress/controller/controller.go externalNamePorts and
// endpointslices.go getEndpointsFromSlices): nginx resolves the name when it proxies, so the request leaves
// the platform for whatever the name points to.
import type { ServiceSpec } from '../../scenario/types.js';

/** The upstream `host:port` the controller proxies to, or why there is none (the controller answers 503). */
export type ExternalUpstream = { readonly host: string; readonly port: number } | { readonly refused: string };

/**
 * externalNamePorts: a port name picks the Service port of that name (its numeric targetPort, else its
 * port); a number picks the Service port with that port (its numeric targetPort, else the number), and a
 * Service without such a port still takes the number. getEndpointsFromSlices refuses `localhost` and
 * loopback addresses, and a name that is not a DNS-1123 subdomain.
 */
export function externalNameUpstream(svc: ServiceSpec, port: number | string): ExternalUpstream {
  const name = (svc.externalName ?? '').replace(/\.$/, '');
  if (name === 'localhost' || /^127\./.test(name)) return { refused: `ExternalName ${name} is the controller's own host: ingress-nginx refuses a localhost upstream` };
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(name) && !isDnsSubdomain(name)) return { refused: `ExternalName "${name}" is not a DNS name: ingress-nginx makes no upstream for it` };
  const sp = svc.ports.find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
  if (sp) return { host: name, port: typeof sp.targetPort === 'number' ? sp.targetPort : sp.port };
  if (typeof port === 'string') return { refused: `Service ${svc.namespace}/${svc.name} has no port named ${port}` };
  return { host: name, port };
}

/** Kubernetes' IsDNS1123Subdomain: at most 253 characters of dot-separated lower-case alphanumeric labels with inner dashes. */
function isDnsSubdomain(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}
