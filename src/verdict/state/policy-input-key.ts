// verdict: a cluster's policy input (policy-input.ts) as a key that leaves out what no verdict between its
// own pods reads: the cluster's name, its node names and its addresses. Of the nodes only which pods share one
// is kept; of the addresses only which are equal and which CIDRs (or addresses) named in the cluster's manifests
// hold each. Clusters with equal keys (many tenants from one template) build policy models equal up to those.
import { cidrContains, parseCidr, parseIpv4, type Cidr } from '../../lib/ipv4.js';
import type { Model, ModelPod } from '../../model/types.js';
import type { JsonValue, Manifest } from '../../scenario/types.js';
import type { RunningPod } from './policy-input.js';

/** A key: numbers (texts and objects interned per model) and their hash; keys are equal when their words are. */
export interface PolicyInputKey {
  readonly hash: number;
  readonly words: readonly number[];
}

/** Texts and objects as small numbers, shared by every key of one model (so keys compare across calls). */
interface Interner {
  readonly ids: Map<string, number>;
  readonly objects: WeakMap<object, number>;
  /** Owners by kind, then name (each pod has its own owner object). */
  readonly owners: Map<string, Map<string, number>>;
}

const interners = new WeakMap<Model, Interner>();

/**
 * The key of cluster `cluster`'s policy input: its namespaces, Services, policy manifests and running pods
 * (name, namespace, labels, service account, ports, host networking, owner, source), each pod's node as the
 * order of its first appearance, and each address as the order of its first appearance with its membership
 * in every CIDR and address the manifests name (rule nets, ipBlocks, network sets, host endpoints' IPs).
 */
export function policyInputKey(model: Model, cluster: number, running: readonly RunningPod[], manifests: readonly Manifest[]): PolicyInputKey {
  let interner = interners.get(model);
  if (!interner) interners.set(model, (interner = { ids: new Map(), objects: new WeakMap(), owners: new Map() }));
  const it = interner;
  const text = (s: string): number => intern(it, s);
  const object = (o: object): number => {
    let id = it.objects.get(o);
    if (id === undefined) it.objects.set(o, (id = text(JSON.stringify(o))));
    return id;
  };
  const c = model.clusters[cluster]!;
  const words: number[] = [c.spec.namespaces.length];
  for (const ns of c.spec.namespaces) words.push(object(ns));
  const cidrs: Cidr[] = [];
  words.push(manifests.length);
  for (const m of manifests) {
    words.push(text(JSON.stringify([m.apiVersion, m.kind, m.name, m.namespace ?? null, m.labels, m.annotations, m.body, m.src])));
    namedNets(m.body, cidrs);
  }
  const addresses = new Map<number, number>();
  const address = (ip: number): number => {
    let i = addresses.get(ip);
    if (i === undefined) addresses.set(ip, (i = addresses.size));
    return i;
  };
  const nodes = new Map<number, number>();
  words.push(running.length);
  // The replicas of a workload follow one another and share their parts' objects: looked up once per run of them.
  let last: ModelPod | undefined;
  let parts = [0, 0, 0, 0, 0, 0];
  for (const { pod: p, ip, node } of running) {
    const b = p.base;
    if (!last || b.labels !== last.labels || b.ports !== last.ports || b.src !== last.src || b.namespace !== last.namespace || b.serviceAccount !== last.serviceAccount || b.hostNetwork !== last.hostNetwork) {
      parts = [text(b.namespace), object(b.labels), text(b.serviceAccount), object(b.ports), b.hostNetwork ? 1 : 0, object(b.src)];
      last = b;
    }
    let n = -1;
    if (node >= 0) {
      n = nodes.get(node) ?? nodes.size;
      nodes.set(node, n);
    }
    words.push(text(p.name), parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!, b.owner ? owner(it, b.owner) : -1, ip >= 0 ? address(ip) : -1, n);
  }
  words.push(text(JSON.stringify(c.services, (k: string, v: unknown) => serviceAddress(k, v, address))), addresses.size, cidrs.length);
  for (const ip of addresses.keys()) for (const net of cidrs) words.push(cidrContains(net, ip) ? 1 : 0);
  return { hash: hashOf(words), words };
}

/** Whether two keys (of one model's clusters) are equal. */
export function sameKey(a: PolicyInputKey, b: PolicyInputKey): boolean {
  if (a.hash !== b.hash || a.words.length !== b.words.length) return false;
  for (let i = 0; i < a.words.length; i++) if (a.words[i] !== b.words[i]) return false;
  return true;
}

/** FNV-1a over the words. */
function hashOf(words: readonly number[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  return h >>> 0;
}

function owner(it: Interner, o: { readonly kind: string; readonly name: string }): number {
  let byName = it.owners.get(o.kind);
  if (!byName) it.owners.set(o.kind, (byName = new Map()));
  let id = byName.get(o.name);
  if (id === undefined) byName.set(o.name, (id = intern(it, JSON.stringify([o.kind, o.name]))));
  return id;
}

function intern(it: Interner, s: string): number {
  let id = it.ids.get(s);
  if (id === undefined) it.ids.set(s, (id = it.ids.size));
  return id;
}

/** A Service's own addresses (ClusterIP, external and load-balancer IPs) as address numbers; the rest as is. */
function serviceAddress(k: string, v: unknown, address: (ip: number) => number): unknown {
  const one = (s: unknown): unknown => (typeof s === 'string' && parseIpv4(s) >= 0 ? `@${address(parseIpv4(s))}` : s);
  if (k === 'clusterIP' || k === 'loadBalancerIP') return one(v);
  if (k === 'externalIPs' && Array.isArray(v)) return v.map(one);
  return v;
}

/** Every string in `v` that reads as an IPv4 CIDR (loosely, as rules' nets) or address (a /32), into `out`. */
function namedNets(v: JsonValue, out: Cidr[]): void {
  if (typeof v === 'string') {
    const net = parseCidr(v, false) ?? (parseIpv4(v) >= 0 ? { base: parseIpv4(v), len: 32 } : undefined);
    if (net && !out.some((n) => n.base === net.base && n.len === net.len)) out.push(net);
  } else if (Array.isArray(v)) {
    for (const x of v) namedNets(x, out);
  } else if (v !== null && typeof v === 'object') {
    for (const k in v) namedNets(v[k] as JsonValue, out);
  }
}
