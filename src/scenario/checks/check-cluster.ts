// scenario: the cross-reference rules inside one cluster — unique names, namespaces that exist, node and
// host names that exist, ingress backends, disjoint pools, node addresses inside the underlay.
import { cidrContains, cidrsOverlap, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import { didYouMean } from '../schema/did-you-mean.js';
import { problemAt, type Ctx } from '../provenance.js';
import type { ClusterSpec, IngressSpec, ServiceSpec } from '../types.js';

/** What a cluster's checks need to know about the rest of the scenario. */
export interface ClusterEnv {
  /** Management host names (undefined when the scenario has no platform). */
  readonly hosts?: ReadonlySet<string>;
  readonly role: 'management' | 'onprem' | 'cloud';
}

/** Reports the second and later records sharing a key. */
export function checkUnique<T extends object>(items: readonly T[], key: (t: T) => string | undefined, what: string, field: string, ctx: Ctx): void {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, item);
      continue;
    }
    const at = ctx.prov.at(first, field).src;
    problemAt(ctx, item, field, `duplicate ${what} ${k} (first at ${at.file}:${at.line})`);
  }
}

export function checkCluster(c: ClusterSpec, env: ClusterEnv, ctx: Ctx): void {
  checkNodes(c, env, ctx);
  const namespaces = new Set(c.namespaces.map((n) => n.name));
  const nsRef = (rec: { namespace: string }): void => {
    if (typeof rec.namespace === 'string' && !namespaces.has(rec.namespace)) {
      problemAt(ctx, rec, 'namespace', `namespace ${rec.namespace} is not declared${didYouMean(rec.namespace, namespaces)}`);
    }
  };
  checkUnique(c.namespaces, (n) => n.name, 'namespace', 'name', ctx);
  checkUnique(c.workloads, (w) => `${w.namespace}/${w.name}`, 'workload', 'name', ctx);
  checkUnique(c.pods, (p) => `${p.namespace}/${p.name}`, 'pod', 'name', ctx);
  checkUnique(c.services, (s) => `${s.namespace}/${s.name}`, 'service', 'name', ctx);
  checkUnique(c.calico.ipPools, (p) => p.name, 'IP pool', 'name', ctx);
  checkUnique(c.calico.peers, (p) => p.name, 'BGP peer', 'name', ctx);
  checkUnique(c.policies, (p) => `${p.kind} ${p.namespace === undefined ? '' : `${p.namespace}/`}${p.name}`, 'policy', 'name', ctx);
  for (const list of [c.workloads, c.pods, c.services, c.ingresses]) for (const rec of list) nsRef(rec);
  const nodeNames = new Set(c.nodes.map((n) => n.name));
  for (const p of c.pods) {
    if (p.nodeName !== undefined && !nodeNames.has(p.nodeName)) {
      problemAt(ctx, p, 'nodeName', `node ${p.nodeName} does not exist${didYouMean(p.nodeName, nodeNames)}`);
    }
  }
  checkNodePorts(c.services, ctx);
  for (const ing of c.ingresses) checkIngress(ing, c.services, ctx);
  checkPools(c, ctx);
  for (const p of c.calico.peers) {
    if (p.node !== undefined && !nodeNames.has(p.node)) problemAt(ctx, p, 'node', `node ${p.node} does not exist${didYouMean(p.node, nodeNames)}`);
  }
  const rr = c.calico.routeReflectors;
  rr?.nodes.forEach((n, i) => {
    if (!nodeNames.has(n)) problemAt(ctx, rr, `nodes[${i}]`, `node ${n} does not exist${didYouMean(n, nodeNames)}`);
  });
}

function checkNodes(c: ClusterSpec, env: ClusterEnv, ctx: Ctx): void {
  checkUnique(c.nodes, (n) => n.name, 'node', 'name', ctx);
  checkUnique(c.nodes, (n) => n.ip, 'node address', 'ip', ctx);
  const u = c.underlay;
  const net = u.kind === 'flannel' ? u.flannel?.network : u.kind === 'vpc' ? u.vpc?.cidr : u.kind === 'physical' ? u.cidr : undefined;
  const cidr = net === undefined ? undefined : parseCidr(net);
  for (const n of c.nodes) {
    const ip = n.ip === undefined ? -1 : parseIpv4(n.ip);
    if (cidr !== undefined && ip >= 0 && !cidrContains(cidr, ip)) problemAt(ctx, n, 'ip', `${n.ip ?? ''} is outside the underlay ${net ?? ''}`);
    if (n.host === undefined) continue;
    if (env.role === 'management') problemAt(ctx, n, 'host', 'management hosts do not run on a host');
    else if (env.role === 'cloud') problemAt(ctx, n, 'host', 'cloud tenant nodes do not run on management hosts');
    else if (env.hosts === undefined) problemAt(ctx, n, 'host', 'host needs a platform with management hosts');
    else if (!env.hosts.has(n.host)) problemAt(ctx, n, 'host', `management host ${n.host} does not exist${didYouMean(n.host, env.hosts)}`);
  }
}

/** NodePorts are allocated cluster-wide: two services cannot share one (per protocol). */
function checkNodePorts(services: readonly ServiceSpec[], ctx: Ctx): void {
  const used = new Map<string, string>();
  for (const s of services) {
    s.ports?.forEach((p, i) => {
      if (p.nodePort === undefined) return;
      const key = `${p.nodePort}/${p.protocol}`;
      const first = used.get(key);
      if (first !== undefined) problemAt(ctx, s, `ports[${i}].nodePort`, `nodePort ${p.nodePort} is already used by service ${first}`);
      else used.set(key, `${s.namespace}/${s.name}`);
    });
  }
}

function checkIngress(ing: IngressSpec, services: readonly ServiceSpec[], ctx: Ctx): void {
  const inNs = services.filter((s) => s.namespace === ing.namespace);
  ing.paths?.forEach((p, i) => {
    const svc = inNs.find((s) => s.name === p.service);
    if (svc === undefined) {
      const names = inNs.map((s) => s.name);
      problemAt(ctx, ing, `paths[${i}].service`, `service ${p.service} does not exist in namespace ${ing.namespace}${didYouMean(p.service, names)}`);
      return;
    }
    // ingress-nginx proxies to an ExternalName Service on any port number the Ingress names (externalNamePorts).
    const ok = (svc.type === 'ExternalName' && typeof p.port === 'number') || svc.ports.some((sp) => (typeof p.port === 'number' ? sp.port === p.port : sp.name === p.port));
    if (!ok) problemAt(ctx, ing, `paths[${i}].port`, `service ${p.service} has no port ${String(p.port)}`);
  });
}

/** Pools of one cluster must not overlap (libcalico-go rejects an overlapping pool on create). */
function checkPools(c: ClusterSpec, ctx: Ctx): void {
  const seen: { name: string; text: string; cidr: NonNullable<ReturnType<typeof parseCidr>> }[] = [];
  for (const p of c.calico.ipPools) {
    const cidr = typeof p.cidr === 'string' ? parseCidr(p.cidr) : undefined;
    if (cidr === undefined) continue;
    const clash = seen.find((s) => cidrsOverlap(s.cidr, cidr));
    if (clash !== undefined) problemAt(ctx, p, 'cidr', `${p.cidr} overlaps pool ${clash.name} (${clash.text})`);
    seen.push({ name: p.name, text: p.cidr, cidr });
  }
}
