// scenario: schema of `platform` — the management cluster (kept raw here, built like any cluster), its
// ingress controller (ingress-nginx defaults), hardware load balancers (BIG-IP defaults) and PKI lifetimes.
import { dnsLabel, dnsSubdomain, ipv4 } from './formats.js';
import { pkiSchema } from './pki-schema.js';
import { errorAt } from './provenance.js';
import { bool, def, duration, int, list, many, obj, oneOf, port, raw, req, str, sub } from './schema.js';

const nodePort = int(30000, 32767, 'NodePort');

const ingressControllerSchema = obj(
  {
    name: def(str(dnsSubdomain), 'ingress-nginx'),
    namespace: def(str(dnsLabel), 'ingress-nginx'),
    replicas: def(int(0, 10_000), 2),
    hostNetwork: def(bool, false),
    className: def(str(), 'nginx'),
    serviceType: def(oneOf(['NodePort', 'LoadBalancer']), 'NodePort'),
    httpNodePort: def(nodePort, 30080),
    httpsNodePort: def(nodePort, 30443),
    externalTrafficPolicy: def(oneOf(['Cluster', 'Local']), 'Cluster'),
  },
  {
    check: (o, at, ctx) => {
      if (o.httpNodePort !== undefined && o.httpNodePort === o.httpsNodePort) {
        errorAt(ctx, at('httpsNodePort'), 'httpNodePort and httpsNodePort must differ');
      }
    },
  },
);

/** F5 BIG-IP monitor defaults: interval 5 s, timeout 16 s (3 × interval + 1). Port 0 = each member's own port. */
const healthCheckSchema = obj(
  {
    protocol: def(oneOf(['http', 'https', 'tcp']), 'http'),
    port: def(int(0, 65535), 0),
    path: def(str(), '/'),
    interval: def(duration, 5000),
    timeout: def(duration, 16000),
  },
  {
    noSrc: true,
    check: (o, at, ctx) => {
      // BIG-IP monitors count interval and timeout in whole seconds (ltm monitor `interval`, an integer ≥ 1).
      if (typeof o.interval === 'number' && o.interval < 1000) errorAt(ctx, at('interval'), 'interval must be at least 1s (BIG-IP monitors count whole seconds)');
      if (typeof o.interval === 'number' && typeof o.timeout === 'number' && o.timeout <= o.interval) {
        errorAt(ctx, at('timeout'), 'timeout must be longer than interval');
      }
    },
  },
);

const vipSchema = obj({ address: req(str(ipv4)), port: req(port), protocol: def(oneOf(['TCP', 'UDP']), 'TCP') }, { noSrc: true });
const memberSchema = obj({ host: req(str()), port: req(port) }, { noSrc: true });

const loadBalancerSchema = obj(
  {
    name: req(str(dnsSubdomain)),
    vips: req(list(vipSchema)),
    members: many(memberSchema),
    algorithm: def(oneOf(['round-robin', 'least-connections', 'ratio', 'source-hash']), 'round-robin'),
    snat: def(bool, false),
    healthCheck: sub(healthCheckSchema),
  },
  {
    check: (o, at, ctx) => {
      if (Array.isArray(o.vips) && o.vips.length === 0) errorAt(ctx, at('vips'), 'a load balancer needs at least one VIP');
    },
  },
);

export const platformSchema = obj(
  {
    management: req(raw('map')),
    ingress: sub(ingressControllerSchema),
    loadBalancers: many(loadBalancerSchema),
    pki: sub(pkiSchema),
  },
  { noSrc: true },
);
