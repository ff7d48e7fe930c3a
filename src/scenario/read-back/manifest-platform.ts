// scenario: the platform of a manifest set read back — the management cluster (the one running ingress-nginx),
// the tenants it manages (one per VM namespace: on premises, on the flannel network their VMs attach to; the
// other clusters in their own VPC), its ingress controller, its load balancers (AS3 declarations, MetalLB
// resources) and PKI lifetimes (Vault script, cert-manager Certificates) — so the scenario the set reads back
// as has the platform the set was written from.
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { readAs3Declaration } from './as3-read-back.js';
import { readFlannelNetworks } from './flannel-read-back.js';
import { readIngressController } from './ingress-read-back.js';
import { isFile, isFolder, type Loader } from '../read/loader.js';
import { readPlatformRecords } from './manifest-set-records.js';
import { nodeNetwork } from '../manifests/manifest-scenario.js';
import { readMetalLb } from './metallb-read-back.js';
import type { PMap } from '../read/positioned.js';
import { readPkiLifetimes } from './pki-read-back.js';
import { pkiSchema } from '../schema/pki-schema.js';
import { ingressControllerSchema } from '../schema/platform-schema.js';
import { fieldSchema, readBackValue } from './read-back-field.js';
import { readBackObjects } from './read-back-objects.js';
import { cidrSize, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import type { ClusterSpec, FlannelSpec, LoadBalancerSpec, PkiSpec, Scenario, StaticPodSpec, TenantSpec } from '../types.js';
import { validate } from '../schema/validate.js';
import { TENANT_LABEL, VM_LABEL } from '../manifests/vm-manifests.js';

type Built = Omit<Scenario, 'warnings'>;

/** A cluster folder of a set is the management cluster when it holds the ingress-nginx installation. */
export function isManagementFolder(dir: string): boolean {
  return existsIn(dir, 'install/ingress-nginx.yaml') || existsIn(dir, 'install/ingress-nginx.json');
}

const existsIn = (dir: string, file: string): boolean => isFile(join(dir, file));

/** A virt-launcher pod of a tenant VM (scenario/vm-manifests.ts reads VirtualMachines into these). */
const isVmPod = (p: StaticPodSpec): boolean => p.labels[VM_LABEL] !== undefined && p.labels['kubevirt.io'] === 'virt-launcher';

/**
 * `s` (one cluster per folder of the set) with the cluster at `mi`, read from `dir`, as the platform's
 * management cluster. Unchanged, with a warning, when that cluster runs no ingress-nginx controller.
 */
export function withPlatform(s: Built, mi: number, dir: string, loader: Loader): Built {
  const ctx = loader.manifestCtx;
  const mgmt = s.tenants[mi]!;
  const ingress = readIngressController(mgmt);
  if (ingress === undefined) {
    ctx.sink.warn({ file: dir, line: 0, col: 0 }, '', `${dir}: no ingress-nginx controller Deployment found; the set is read back without its platform`);
    return s;
  }
  const errorsBefore = ctx.sink.errorCount;
  // The controller's replicas by platform.ingress's rule (tighter than any Deployment's), at the Deployment's field.
  const replicasAt = ctx.prov.get(ingress.workload)?.locate('spec.replicas') ?? ingress.workload.src;
  readBackValue(fieldSchema(ingressControllerSchema, 'replicas'), ingress.spec.replicas, replicasAt, `Deployment ${ingress.spec.name}: spec.replicas`, ctx);
  const others = s.tenants.filter((_, i) => i !== mi);
  const names = new Set(others.map((t) => t.name));
  const tenantOf = (p: StaticPodSpec): string | undefined =>
    mgmt.namespaces.find((n) => n.name === p.namespace)?.labels[TENANT_LABEL] ?? p.labels[TENANT_LABEL];
  const vms = mgmt.pods.filter((p) => isVmPod(p) && names.has(tenantOf(p) ?? ''));
  const records = readPlatformRecords(dir, ctx);
  const flannelObjects = readBackObjects(['install/flannel.yaml', 'install/flannel.json'].filter((f) => existsIn(dir, f)).flatMap((f) => loader.readManifests(join(dir, f))), ctx);
  const networks = readFlannelNetworks([...flannelObjects, ...mgmt.ignored], ctx, (m) => loader.ignored.read(m));
  if (ingress.ingressClass !== undefined) loader.ignored.read(ingress.ingressClass);
  const management: ClusterSpec = {
    ...withoutPlacement(mgmt),
    pods: mgmt.pods.filter((p) => !vms.includes(p)),
    workloads: mgmt.workloads.filter((w) => w !== ingress.workload),
    services: mgmt.services.filter((v) => v !== ingress.service),
  };
  const tenants = others.map((t) => placeTenant(t, vms.filter((p) => tenantOf(p) === t.name), networks.get(t.name), loader));
  const hostOf = new Map(mgmt.nodes.filter((n) => n.ip !== undefined).map((n) => [n.ip!, n.name]));
  const loadBalancers = readLoadBalancers(dir, (a) => hostOf.get(a) ?? a, (name) => records.vips.get(name), loader);
  const withHa = loadBalancers.map((lb) => {
    const ha = records.ha.get(lb.name);
    return ha === undefined ? lb : { ...lb, ha };
  });
  const pki = readPki(dir, loader);
  // A value the scenario would refuse was reported at its field; the platform it belongs to is left out rather
  // than checked again without it (an on-premises tenant with no flannel network would be a second, false error).
  if (ctx.sink.errorCount > errorsBefore) return s;
  return { ...s, platform: { management, ingress: ingress.spec, loadBalancers: withHa, pki }, tenants };
}

function withoutPlacement(t: TenantSpec): ClusterSpec {
  const { placement, ...cluster } = t;
  void placement;
  return cluster;
}

/**
 * A managed tenant: on premises on its flannel network, each node on the host its VM is pinned to, when the
 * management cluster runs its VMs; otherwise a cloud tenant in a VPC (the smallest network holding its nodes,
 * the region their `topology.kubernetes.io/region` label gives) — or kept on a plain network, with a warning,
 * when its addresses are ones a VPC reserves.
 */
function placeTenant(t: TenantSpec, vms: readonly StaticPodSpec[], flannel: FlannelSpec | undefined, loader: Loader): TenantSpec {
  const ctx = loader.manifestCtx;
  if (vms.length > 0) {
    if (flannel === undefined) {
      ctx.sink.warn(t.src, '', `tenant ${t.name}: its VMs run on the management cluster but no flannel network is labelled ${TENANT_LABEL}: ${t.name}; read back on a plain network`);
      return t;
    }
    const hostOf = new Map(vms.map((p) => [p.labels[VM_LABEL]!, p.nodeName]));
    for (const n of t.nodes) if (!hostOf.has(n.name)) ctx.sink.warn(n.src, '', `node ${n.name} of tenant ${t.name} has no VirtualMachine on the management cluster; the model places it`);
    const nodes = t.nodes.map((n) => {
      const host = hostOf.get(n.name);
      return host === undefined ? n : { ...n, host };
    });
    return { ...t, placement: 'onprem', nodes, underlay: { kind: 'flannel', flannel } };
  }
  const cidr = t.underlay.kind === 'physical' ? t.underlay.cidr : nodeNetwork(t.nodes);
  const net = parseCidr(cidr);
  // AWS reserves the first four addresses and the last of a subnet (plan-underlay.ts's VPC rule).
  const fits = net !== undefined && net.len >= 16 && net.len <= 28 && t.nodes.every((n) => n.ip === undefined || (parseIpv4(n.ip) >= net.base + 4 && parseIpv4(n.ip) < net.base + cidrSize(net) - 1));
  if (!fits) {
    ctx.sink.warn(t.src, '', `tenant ${t.name}: no VMs on the management cluster and node addresses a VPC reserves; read back as on premises on a plain network`);
    return t;
  }
  const region = t.nodes.map((n) => n.labels['topology.kubernetes.io/region']).find((r) => r !== undefined);
  return { ...t, placement: 'cloud', underlay: { kind: 'vpc', vpc: { cidr, mtu: 9001, ...(region === undefined ? {} : { region }), src: t.src } } };
}

/**
 * Every balancer of the management cluster's loadbalancers/ folder (AS3 declarations and MetalLB resources), in
 * file-name order: the emitter opens each name with the balancer's position in the scenario (`01-f5-a.as3.json`),
 * which is not part of the balancer's name.
 */
function readLoadBalancers(dir: string, hostOf: (a: string) => string, vipsOf: (name: string) => LoadBalancerSpec['vips'] | undefined, loader: Loader): LoadBalancerSpec[] {
  const folder = join(dir, 'loadbalancers');
  if (!isFolder(folder)) return [];
  const files = readdirSync(folder).sort();
  const out: LoadBalancerSpec[] = [];
  for (const f of files) {
    const path = join(folder, f);
    if (f.endsWith('.as3.json')) {
      const doc = loader.readDocs(path)?.[0];
      if (doc !== undefined) out.push(...readAs3Declaration(doc, path, f.slice(0, -'.as3.json'.length).replace(/^\d+-/, ''), hostOf, loader.manifestCtx));
    } else if (/\.metallb\.(yaml|json)$/.test(f)) {
      out.push(...readMetalLb(readBackObjects(loader.readManifests(path), loader.manifestCtx), vipsOf, loader.manifestCtx));
    } else {
      loader.sink.warn({ file: path, line: 0, col: 0 }, '', `${path}: not an AS3 declaration (.as3.json) or MetalLB resources (.metallb.yaml): not read back`);
    }
  }
  return out;
}

/** platform.pki: its defaults, with the lifetimes the management cluster's Vault script and Certificates state. */
function readPki(dir: string, loader: Loader): PkiSpec {
  const empty: PMap = { kind: 'map', entries: [], src: { file: join(dir, 'pki'), line: 0, col: 0 } };
  const defaults = validate(pkiSchema, empty, 'platform.pki', loader.ctx) as PkiSpec;
  const files = ['pki/cert-manager.yaml', 'pki/cert-manager.json'].filter((f) => existsIn(dir, f));
  return readPkiLifetimes(dir, readBackObjects(files.flatMap((f) => loader.readManifests(join(dir, f))), loader.manifestCtx), defaults);
}
