// scenario: schema of a cluster written in scenario form — nodes (list or generator), underlay, calico,
// namespaces, workloads, static pods, services, ingresses, inline manifests and manifest includes.
import { cpuMillis } from '../../lib/cpu-quantity.js';
import { parseCidr } from '../../lib/ipv4.js';
import { calicoSchema } from './calico-schema.js';
import { cidr, dnsLabel, dnsSubdomain, ipv4, portName } from './formats.js';
import { errorAt, type Ctx } from '../provenance.js';
import { checkServiceRules, type ServiceFields } from '../checks/service-rules.js';
import {
  bool, def, generated, int, labels, list, many, obj, oneOf, opt, port, portOrName, raw, req, str, strings, sub,
  type At, type Field, type PathRef, type Rec, type Schema,
} from './schema.js';
import { stringValue } from './validate.js';

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const;
const mtu = int(576, 9216, 'MTU');

/** An `include` entry: a path with the position it was written at. */
export const pathRef: Schema = {
  t: 'custom',
  read: (v, path, ctx: Ctx) => {
    const text = stringValue(v, path, ctx);
    const ref: PathRef | undefined = text === undefined ? undefined : { path: text, src: v.src, fieldPath: path };
    return ref;
  },
};

export const nodeSchema = obj({
  name: req(str(dnsSubdomain)),
  ip: opt(str(ipv4)),
  labels: def(labels, () => ({})),
  host: opt(str()),
  maxPods: def(int(1, 100_000), 110),
  cpu: opt(str((t) => (cpuMillis(t) === undefined ? `${JSON.stringify(t)} is not a CPU quantity (4, 1.5, 500m)` : undefined))),
});

/** flannel pkg/subnet/config.go: SubnetLen ≤ 30 and fits ≥ 4 times; default 24, or prefix+2 below a /22. */
function checkFlannel(o: Rec, at: At, ctx: Ctx): void {
  const net = typeof o.network === 'string' ? parseCidr(o.network) : undefined;
  const len = o.subnetLen as number | undefined;
  if (net === undefined || len === undefined) return;
  if (net.len > 28) errorAt(ctx, at('network'), 'flannel network is too small; the minimum useful prefix is /28');
  else if (len > 30) errorAt(ctx, at('subnetLen'), 'subnetLen must be /30 or shorter');
  else if (len < net.len + 2) errorAt(ctx, at('subnetLen'), `subnetLen /${len} does not fit four times into ${String(o.network)}`);
}

const defaultSubnetLen = (o: Rec): number | undefined => {
  const net = typeof o.network === 'string' ? parseCidr(o.network) : undefined;
  return net === undefined ? undefined : net.len <= 22 ? 24 : net.len + 2;
};

export const flannelSchema = obj(
  {
    vni: def(int(1, 16_777_215, 'VNI'), 1),
    network: req(str(cidr)),
    subnetLen: def(int(1, 32), defaultSubnetLen),
    port: def(port, 8472),
    mtu: def(mtu, 1450),
    ipMasq: def(bool, true),
  },
  { check: checkFlannel },
);
const vpcSchema = obj({ cidr: req(str(cidr)), mtu: def(mtu, 9001), region: opt(str()) });
const physicalSchema = obj({ cidr: req(str(cidr)), mtu: def(mtu, 1500) });

export const underlaySchema = obj(
  { flannel: opt(flannelSchema), vpc: opt(vpcSchema), physical: opt(physicalSchema) },
  {
    noSrc: true,
    check: (o, at, ctx) => {
      const given = ['flannel', 'vpc', 'physical'].filter((k) => o[k] !== undefined);
      if (given.length === 0) errorAt(ctx, at(), 'an underlay needs one of flannel, vpc or physical');
      if (given.length > 1) errorAt(ctx, at(given[1]), `an underlay is one of flannel, vpc or physical, not ${given.join(' and ')}`);
    },
    build: (o) => {
      if (o.flannel !== undefined) return { kind: 'flannel', flannel: o.flannel };
      if (o.vpc !== undefined) return { kind: 'vpc', vpc: o.vpc };
      const p = o.physical as Rec | undefined;
      return p === undefined ? { kind: 'missing' } : { kind: 'physical', cidr: p.cidr, mtu: p.mtu, src: p.src };
    },
  },
);

export const namespaceSchema = obj(
  { name: req(str(dnsLabel)), labels: def(labels, () => ({})) },
  {
    // The API server labels every namespace with its name (kubernetes.io/metadata.name, Kubernetes 1.21+).
    build: (o) => ({
      name: o.name,
      labels: { ...(o.labels as Rec), 'kubernetes.io/metadata.name': o.name },
      declared: true,
      src: o.src,
    }),
  },
);

export const containerPortSchema = obj(
  { name: opt(str(portName)), containerPort: req(port), protocol: def(oneOf(PROTOCOLS), 'TCP'), hostPort: opt(port) },
  { noSrc: true },
);

export const workloadSchema = obj({
  name: req(str(dnsSubdomain)),
  namespace: req(str(dnsLabel)),
  kind: def(oneOf(WORKLOAD_KINDS), 'Deployment'),
  replicas: def(int(0, 100_000), 1),
  labels: def(labels, () => ({})),
  serviceAccount: def(str(dnsSubdomain), 'default'),
  ports: many(containerPortSchema),
  nodeSelector: def(labels, () => ({})),
  hostNetwork: def(bool, false),
  terminationGracePeriodSeconds: opt(int(0, 86_400, 'seconds')),
});

const staticPodSchema = obj({
  name: req(str(dnsSubdomain)),
  namespace: req(str(dnsLabel)),
  labels: def(labels, () => ({})),
  serviceAccount: def(str(dnsSubdomain), 'default'),
  ports: many(containerPortSchema),
  nodeName: opt(str()),
  podIP: opt(str(ipv4)),
  hostNetwork: def(bool, false),
  owner: opt(obj({ kind: req(oneOf(WORKLOAD_KINDS)), name: req(str()) }, { noSrc: true })),
});

const servicePortSchema = obj(
  {
    name: opt(str(portName)),
    port: req(port),
    targetPort: def(portOrName, (o: Rec) => o.port),
    protocol: def(oneOf(PROTOCOLS), 'TCP'),
    nodePort: opt(int(30000, 32767, 'NodePort')),
  },
  { noSrc: true },
);

/** Kubernetes Service validation: named ports when several, and the API server's rules per type. */
function checkService(o: Rec, at: At, ctx: Ctx): void {
  const ports = (o.ports as Rec[] | undefined) ?? [];
  if (ports.length > 1) {
    ports.forEach((p, i) => p.name === undefined && errorAt(ctx, at(`ports[${i}]`), 'each port needs a name when a service has several'));
  }
  checkServiceRules({ ...(o as unknown as ServiceFields), ports }, at, ctx);
}

export const serviceSchema = obj(
  {
    name: req(str(dnsLabel)),
    namespace: req(str(dnsLabel)),
    type: def(oneOf(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']), 'ClusterIP'),
    selector: def(labels, () => ({})),
    ports: many(servicePortSchema),
    clusterIP: opt(str((t) => (t === 'None' ? undefined : ipv4(t)))),
    externalTrafficPolicy: def(oneOf(['Cluster', 'Local']), 'Cluster'),
    internalTrafficPolicy: opt(oneOf(['Cluster', 'Local'])),
    trafficDistribution: opt(oneOf(['PreferClose', 'PreferSameZone'])),
    topologyMode: opt(oneOf(['Auto'])),
    sessionAffinity: opt(oneOf(['None', 'ClientIP'])),
    sessionAffinityTimeout: opt(int(1, 86400, 'timeout (s)')),
    externalIPs: opt(list(str(ipv4))),
    loadBalancerIP: opt(str(ipv4)),
    healthCheckNodePort: opt(int(30000, 32767, 'NodePort')),
    externalName: opt(str(dnsSubdomain)),
  },
  { check: checkService },
);

const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ingressPathSchema = obj(
  {
    path: def(str((t) => (t.startsWith('/') ? undefined : `path ${JSON.stringify(t)} must start with /`)), '/'),
    pathType: def(oneOf(['Exact', 'Prefix', 'ImplementationSpecific']), 'Prefix'),
    service: req(str(dnsLabel)),
    port: req(portOrName),
  },
  { noSrc: true },
);

export const ingressSchema = obj({
  name: req(str(dnsSubdomain)),
  namespace: req(str(dnsLabel)),
  className: opt(str()),
  host: opt(str((t) => (HOST.test(t) ? undefined : `${JSON.stringify(t)} is not a valid host name`))),
  paths: many(ingressPathSchema),
  tls: opt(list(str((t) => (HOST.test(t) ? undefined : `${JSON.stringify(t)} is not a valid host name`)))),
  annotations: def(strings, () => ({})),
});

export const clusterFields: Readonly<Record<string, Field>> = {
  name: req(str(dnsLabel)),
  nodes: { s: generated(nodeSchema), def: () => [] },
  underlay: req(underlaySchema),
  calico: sub(calicoSchema),
  namespaces: many(namespaceSchema),
  workloads: many(workloadSchema),
  pods: many(staticPodSchema),
  services: many(serviceSchema),
  ingresses: many(ingressSchema),
  policies: opt(raw('seq')),
  include: { s: list(pathRef), def: () => [] },
};

export const managementSchema = obj(clusterFields);

/** Placement decides the underlay: cloud tenants live in a VPC, on-premises ones on flannel (or bare metal). */
function checkPlacement(o: Rec, at: At, ctx: Ctx): void {
  const kind = (o.underlay as { kind?: string } | undefined)?.kind;
  if (kind === undefined || kind === 'missing') return;
  if (o.placement === 'cloud' && kind !== 'vpc') errorAt(ctx, at('underlay'), `a cloud tenant needs underlay.vpc, not ${kind}`);
  if (o.placement === 'onprem' && kind === 'vpc') errorAt(ctx, at('underlay'), 'an onprem tenant needs underlay.flannel, not vpc');
}

export const tenantSchema = obj(
  { ...clusterFields, template: opt(str()), placement: def(oneOf(['onprem', 'cloud']), 'onprem') },
  { check: checkPlacement },
);
