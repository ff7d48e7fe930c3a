// scenario: v1 Services into ServiceSpecs and networking.k8s.io Ingresses (v1, and the older v1beta1
// backend form) into IngressSpecs — one per rule, plus one for `spec.defaultBackend`.
import { dnsSubdomain, ipv4 } from '../schema/formats.js';
import { manifestOrigin } from './manifest-record.js';
import { errorAt } from '../provenance.js';
import type { PMap } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import { def, int, labels, list, many, obj, oneOf, opt, port, portOrName, raw, req, str, sub, type Rec } from '../schema/schema.js';
import { checkServiceRules } from '../checks/service-rules.js';
import { PROTOCOLS } from '../schema/cluster-schema.js';
import type { IngressPathSpec, IngressSpec, Labels, Manifest, ServicePortSpec, ServiceSpec } from '../types.js';
import { validateClean } from '../schema/validate.js';

const servicePort = obj(
  {
    name: opt(str()),
    port: req(port),
    targetPort: def(portOrName, (o: Rec) => o.port),
    protocol: def(oneOf(PROTOCOLS), 'TCP'),
    nodePort: opt(int(1, 65535)),
  },
  { noSrc: true },
);
const serviceBody = obj(
  {
    spec: sub(
      obj(
        {
          type: def(oneOf(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']), 'ClusterIP'),
          selector: def(labels, () => ({})),
          ports: many(servicePort),
          clusterIP: opt(str()),
          externalTrafficPolicy: def(oneOf(['Cluster', 'Local']), 'Cluster'),
          internalTrafficPolicy: opt(oneOf(['Cluster', 'Local'])),
          trafficDistribution: opt(oneOf(['PreferClose', 'PreferSameZone'])),
          sessionAffinity: opt(oneOf(['None', 'ClientIP'])),
          sessionAffinityConfig: opt(obj({ clientIP: opt(obj({ timeoutSeconds: opt(int(1, 86400, 'timeout (s)')) }, { noSrc: true })) }, { noSrc: true })),
          externalIPs: opt(list(str(ipv4))),
          loadBalancerIP: opt(str(ipv4)),
          healthCheckNodePort: opt(int(1, 65535, 'port')),
          externalName: opt(str(dnsSubdomain)),
        },
        { noSrc: true, check: (o, at, ctx) => checkServiceRules(serviceFields(o as unknown as SpecRec), at, ctx, manifestField) },
      ),
    ),
    status: opt(obj({ loadBalancer: opt(obj({ ingress: many(obj({ ip: opt(str(ipv4)), hostname: opt(str()) }, { noSrc: true })) }, { noSrc: true })) }, { noSrc: true })),
  },
  { noSrc: true },
);

interface SpecRec {
  type: ServiceSpec['type'];
  selector: Labels;
  ports: ServicePortSpec[];
  clusterIP?: string;
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  trafficDistribution?: 'PreferClose' | 'PreferSameZone';
  sessionAffinity?: 'None' | 'ClientIP';
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  externalIPs?: string[];
  loadBalancerIP?: string;
  healthCheckNodePort?: number;
  externalName?: string;
}

/** The spec's fields in the scenario form's names (the session affinity timeout is nested in v1). */
function serviceFields(s: SpecRec): Omit<ServiceSpec, 'name' | 'namespace' | 'src'> {
  const timeout = s.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  const { sessionAffinityConfig: _nested, ...flat } = s;
  return { ...flat, ...(timeout === undefined ? {} : { sessionAffinityTimeout: timeout }) };
}

/** Where a v1 Service writes a field of the scenario form. */
function manifestField(name: string): string {
  return name === 'sessionAffinityTimeout' ? 'sessionAffinityConfig.clientIP.timeoutSeconds' : name;
}

/** A Service (ExternalName ones too: the alias is kept, there is nothing to proxy). */
export function readService(m: Manifest, doc: PMap, path: string, ctx: Ctx): ServiceSpec | undefined {
  const r = validateClean(serviceBody, doc, path, ctx) as { spec: SpecRec; status?: { loadBalancer?: { ingress: { ip?: string }[] } } } | undefined;
  if (r === undefined) return undefined;
  const fields = serviceFields(r.spec);
  // A clusterIP that is not an address (nor None) is reported by the API-server checks; it is not kept.
  const clusterIP = fields.clusterIP !== undefined && (fields.clusterIP === 'None' || ipv4(fields.clusterIP) === undefined) ? fields.clusterIP : undefined;
  const assigned = calicoLoadBalancerIp(m, path, ctx) ?? r.status?.loadBalancer?.ingress.find((i) => i.ip !== undefined)?.ip;
  const loadBalancerIP = fields.loadBalancerIP ?? (fields.type === 'LoadBalancer' ? assigned : undefined);
  const { clusterIP: _stated, loadBalancerIP: _lb, ...rest } = fields;
  const topologyMode = topologyModeOf(m, path, ctx);
  const svc: ServiceSpec = {
    name: m.name,
    namespace: m.namespace ?? 'default',
    ...rest,
    ...(topologyMode === undefined ? {} : { topologyMode }),
    ...(clusterIP === undefined ? {} : { clusterIP }),
    ...(loadBalancerIP === undefined ? {} : { loadBalancerIP }),
    src: m.src,
  };
  ctx.prov.set(svc, manifestOrigin(m, path));
  return svc;
}

/**
 * The EndpointSlice controller's hintsEnabled (pkg/controller/endpointslice): the
 * `service.kubernetes.io/topology-mode` annotation, else the deprecated `topology-aware-hints`, set to `Auto`
 * or `auto`; any other value leaves hints off, which is reported.
 */
function topologyModeOf(m: Manifest, path: string, ctx: Ctx): 'Auto' | undefined {
  const key = ['service.kubernetes.io/topology-mode', 'service.kubernetes.io/topology-aware-hints'].find((k) => m.annotations[k] !== undefined);
  if (key === undefined) return undefined;
  const value = m.annotations[key]!;
  if (value === 'Auto' || value === 'auto') return 'Auto';
  ctx.sink.warn(m.locate('metadata.annotations'), under(path, `metadata.annotations.${key}`), `${JSON.stringify(value)} is not Auto: the EndpointSlice controller sets no topology hints`);
  return undefined;
}

/** The first address of Calico's `projectcalico.org/loadBalancerIPs` annotation (a JSON list of IPs). */
function calicoLoadBalancerIp(m: Manifest, path: string, ctx: Ctx): string | undefined {
  const text = m.annotations['projectcalico.org/loadBalancerIPs'];
  if (text === undefined) return undefined;
  const field = 'metadata.annotations.projectcalico.org/loadBalancerIPs';
  let ips: unknown;
  try {
    ips = JSON.parse(text);
  } catch {
    ips = undefined;
  }
  const ip = Array.isArray(ips) && typeof ips[0] === 'string' && ipv4(ips[0]) === undefined ? ips[0] : undefined;
  if (ip === undefined) errorAt(ctx, { path: under(path, field), src: m.locate('metadata.annotations') }, `${JSON.stringify(text)} is not a JSON list of IPv4 addresses`);
  return ip;
}

const backend = obj(
  {
    service: opt(obj({ name: req(str()), port: sub(obj({ number: opt(port), name: opt(str()) }, { noSrc: true })) }, { noSrc: true })),
    resource: opt(raw('unchecked')),
    serviceName: opt(str()),
    servicePort: opt(portOrName),
  },
  { noSrc: true },
);
const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;
/** An Ingress host: DNS labels, the first may be `*` (Ingress v1 validation). */
const INGRESS_HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ingressPath = obj(
  { path: def(str(), '/'), pathType: opt(oneOf(PATH_TYPES)), backend: req(backend) },
  { noSrc: true },
);
const ingressBody = obj(
  {
    spec: sub(
      obj(
        {
          ingressClassName: opt(str()),
          defaultBackend: opt(backend),
          backend: opt(backend),
          rules: many(obj({ host: opt(str()), http: opt(obj({ paths: many(ingressPath) }, { noSrc: true })) }, { noSrc: true })),
          tls: many(obj({ hosts: many(str()), secretName: opt(str()) }, { noSrc: true })),
        },
        { noSrc: true },
      ),
    ),
  },
  { noSrc: true },
);

interface BackendRec {
  service?: { name: string; port: { number?: number; name?: string } };
  serviceName?: string;
  servicePort?: number | string;
}

/** `service` and `port` of a backend, or undefined for resource backends (not modelled). */
function backendTarget(b: BackendRec): { service: string; port: number | string } | undefined {
  if (b.service !== undefined) {
    const port = b.service.port.number ?? b.service.port.name;
    return port === undefined ? undefined : { service: b.service.name, port };
  }
  if (b.serviceName !== undefined && b.servicePort !== undefined) return { service: b.serviceName, port: b.servicePort };
  return undefined;
}

/** Where a backend's Service name and port are written (v1 `service.name`/`service.port.*`, v1beta1 `serviceName`/`servicePort`). */
function backendFields(b: BackendRec, at: string): BackendFields {
  if (b.service !== undefined) return { service: `${at}.service.name`, port: `${at}.service.port.${b.service.port.number !== undefined ? 'number' : 'name'}` };
  return { service: `${at}.serviceName`, port: `${at}.servicePort` };
}

interface BackendFields {
  readonly service: string;
  readonly port: string;
}

/** An Ingress as one IngressSpec per rule (each rule has one host), plus its default backend. */
export function readIngress(m: Manifest, doc: PMap, path: string, ctx: Ctx): IngressSpec[] {
  const r = validateClean(ingressBody, doc, path, ctx) as
    | {
        spec: {
          ingressClassName?: string;
          defaultBackend?: BackendRec;
          backend?: BackendRec;
          rules: { host?: string; http?: { paths: { path: string; pathType?: IngressPathSpec['pathType']; backend: BackendRec }[] } }[];
          tls: { hosts: string[] }[];
        };
      }
    | undefined;
  if (r === undefined) return [];
  const className = r.spec.ingressClassName ?? m.annotations['kubernetes.io/ingress.class'];
  const tls = r.spec.tls.flatMap((t) => t.hosts);
  const make = (host: string | undefined, paths: IngressPathSpec[], i: number | 'default', backends: readonly BackendFields[]): IngressSpec => {
    const spec: IngressSpec = {
      name: m.name,
      namespace: m.namespace ?? 'default',
      ...(className === undefined ? {} : { className }),
      ...(host === undefined ? {} : { host }),
      paths,
      ...(tls.length ? { tls } : {}),
      annotations: m.annotations,
      src: m.src,
    };
    const at = i === 'default' ? 'spec.defaultBackend' : `spec.rules[${i}]`;
    const origin = manifestOrigin(m, path, { paths: i === 'default' ? at : `${at}.http.paths`, host: `${at}.host` });
    // A path's `service` and `port` are reported where the manifest writes them (a skipped resource backend
    // shifts the indexes, so each path keeps its own).
    const fieldPath = (f: string): string => {
      const hit = /^paths\[(\d+)\]\.(service|port)$/.exec(f);
      const b = hit ? backends[Number(hit[1])] : undefined;
      return b && hit ? b[hit[2] as keyof BackendFields] : origin.fieldPath!(f);
    };
    ctx.prov.set(spec, { ...origin, fieldPath });
    return spec;
  };
  // networking.k8s.io/v1 requires pathType and an absolute path (the API server rejects the object);
  // v1beta1 defaulted pathType to ImplementationSpecific.
  const v1 = m.apiVersion === 'networking.k8s.io/v1';
  const out = r.spec.rules.map((rule, i) => {
    const paths: IngressPathSpec[] = [];
    const backends: BackendFields[] = [];
    if (rule.host !== undefined && !INGRESS_HOST.test(rule.host)) errorAt(ctx, { path: under(path, `spec.rules[${i}].host`), src: m.locate(`spec.rules[${i}].host`) }, `${JSON.stringify(rule.host)} is not a DNS name (a wildcard is one leading "*." label; no IPs or ports)`);
    rule.http?.paths.forEach((p, j) => {
      const at = `spec.rules[${i}].http.paths[${j}]`;
      if (v1 && p.pathType === undefined) errorAt(ctx, { path: under(path, `${at}.pathType`), src: m.locate(at) }, 'required in networking.k8s.io/v1: Exact, Prefix or ImplementationSpecific');
      if (!p.path.startsWith('/')) errorAt(ctx, { path: under(path, `${at}.path`), src: m.locate(`${at}.path`) }, `${JSON.stringify(p.path)} must start with /`);
      const t = backendTarget(p.backend);
      if (t === undefined) return;
      paths.push({ path: p.path, pathType: p.pathType ?? 'ImplementationSpecific', ...t });
      backends.push(backendFields(p.backend, `${at}.backend`));
    });
    return make(rule.host, paths, i, backends);
  });
  const dflt = r.spec.defaultBackend ?? r.spec.backend;
  const t = dflt === undefined ? undefined : backendTarget(dflt);
  if (t !== undefined) out.push(make(undefined, [{ path: '/', pathType: 'Prefix', ...t, defaultBackend: true }], 'default', [backendFields(dflt!, r.spec.defaultBackend ? 'spec.defaultBackend' : 'spec.backend')]));
  return out;
}

function under(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}
