// scenario: schema of `platform` — the management cluster (kept raw here, built like any cluster), its
// ingress controller (ingress-nginx defaults), hardware load balancers (BIG-IP defaults) and PKI lifetimes.
import { dnsLabel, dnsSubdomain } from './formats.js';
import { loadBalancerSchema } from '../loadbalancer/lb-schema.js';
import { pkiSchema } from './pki-schema.js';
import { errorAt } from '../provenance.js';
import { bool, def, int, many, obj, oneOf, raw, req, str, sub } from './schema.js';

const nodePort = int(30000, 32767, 'NodePort');

export const ingressControllerSchema = obj(
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

export const platformSchema = obj(
  {
    management: req(raw('map')),
    ingress: sub(ingressControllerSchema),
    loadBalancers: many(loadBalancerSchema),
    pki: sub(pkiSchema),
  },
  { noSrc: true },
);
