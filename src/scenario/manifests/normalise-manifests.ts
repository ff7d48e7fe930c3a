// scenario: a batch of real Kubernetes/Calico objects (lists flattened) into the parts of a cluster —
// namespaces, workloads, pods, services, ingresses, policies, pools, peers, nodes — and what is ignored.
import { apiObjectClean, checkApiObject, learntFieldsOf } from '../checks/api-server-checks.js';
import { foldCalicoConfig, readBgpPeer, readIpPool, readNode, type CalicoSettings } from './calico-manifests.js';
import { makeManifest, registerManifest, roleOf, type KindRole, type ShapeCheck } from './manifest-record.js';
import { quickManifest } from './quick-manifest.js';
import { LazyManifestDoc } from '../read/lazy-manifest-doc.js';
import { isJsonMap } from '../schema/validate-quick-json.js';
import { describe, entryOf, fieldOf, joinPath, stringOf, type PMap, type PValue } from '../read/positioned.js';
import { errorAt, type Ctx } from '../provenance.js';
import type { RawRef } from '../schema/schema.js';
import { readGateway, readHttpRoute, readReferenceGrant } from './gateway-manifests.js';
import { readIngress, readService } from './service-manifests.js';
import type {
  ExternalPeerSpec, GatewaySpec, HttpRouteSpec, IngressSpec, IpPoolSpec, JsonValue, Manifest, NamespaceSpec, NodeSpec, ReferenceGrantSpec, ServiceSpec, StaticPodSpec, WorkloadSpec,
} from '../types.js';
import { readPod, readWorkload, replicaSetOwner, resolveOwner, type OwnerRef, type PodRead } from './workload-manifests.js';
import { readVirtualMachine } from './vm-manifests.js';

export interface ClusterParts {
  readonly nodes: NodeSpec[];
  readonly namespaces: NamespaceSpec[];
  readonly workloads: WorkloadSpec[];
  readonly pods: StaticPodSpec[];
  readonly services: ServiceSpec[];
  readonly ingresses: IngressSpec[];
  readonly httpRoutes: HttpRouteSpec[];
  readonly gateways: GatewaySpec[];
  readonly referenceGrants: ReferenceGrantSpec[];
  readonly policies: Manifest[];
  readonly ignored: Manifest[];
  readonly ipPools: IpPoolSpec[];
  readonly peers: ExternalPeerSpec[];
  readonly resources: Manifest[];
  readonly settings: CalicoSettings;
}

/**
 * Objects of kinds the cluster reader does not model, to warn once per kind per file — except those another part
 * of the reader uses (a manifest set's platform read-back: an IngressClass, a NetworkAttachmentDefinition).
 */
export class IgnoredKinds {
  private readonly objects: Manifest[] = [];
  private readonly used = new Set<Manifest>();
  note(m: Manifest): void {
    this.objects.push(m);
  }
  /** `m`, noted as of an unmodelled kind, is read after all: no warning says it is ignored. */
  read(m: Manifest): void {
    this.used.add(m);
  }
  report(ctx: Ctx): void {
    const groups = new Map<string, Manifest[]>();
    for (const m of this.objects.filter((o) => !this.used.has(o))) {
      const key = `${m.src.file}\0${m.kind}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [m]);
      else group.push(m);
    }
    for (const [, [first, ...rest]] of groups) {
      const count = rest.length + 1;
      ctx.sink.warn(first!.src, '', `kind ${first!.kind} is not modelled; ${count} object${count === 1 ? '' : 's'} ignored`);
    }
  }
}

interface Doc {
  readonly node: PMap;
  readonly path: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly role: KindRole;
  /** The document as read from a manifest file, JSON first (its `node` is then read on first use), and its JSON. */
  readonly lazy?: LazyManifestDoc;
  readonly json?: JsonValue;
}

export function emptyParts(): ClusterParts {
  return {
    nodes: [], namespaces: [], workloads: [], pods: [], services: [], ingresses: [], httpRoutes: [], gateways: [], referenceGrants: [], policies: [], ignored: [],
    ipPools: [], peers: [], resources: [], settings: {},
  };
}

/** Normalises objects; `ctx` must be a manifest context (lenient on unknown fields). */
export function normaliseManifests(raw: readonly RawRef[], ctx: Ctx, ignored: IgnoredKinds): ClusterParts {
  const docs: Doc[] = [];
  for (const r of raw) {
    if (r instanceof LazyManifestDoc && flattenQuickly(r, docs)) continue;
    if (r.scanned === true && !looksLikeObject(r.node)) {
      ctx.sink.warn(r.node.src, r.path, 'not a Kubernetes object (no apiVersion and kind); skipped');
      continue;
    }
    flatten(r.node, r.path, undefined, docs, ctx);
  }
  const deployments = new Set<string>();
  const rsOwners = new Map<string, string>();
  const key = (d: Doc): string | undefined => {
    const meta = fieldOf(d.node, 'metadata');
    const name = stringOf(meta, 'name');
    return name === undefined ? undefined : `${stringOf(meta, 'namespace') ?? 'default'}/${name}`;
  };
  for (const d of docs) {
    const k = d.kind === 'Deployment' && d.role === 'workload' ? key(d) : undefined;
    if (k !== undefined) deployments.add(k);
  }
  for (const d of docs) {
    const owner = d.kind === 'ReplicaSet' ? replicaSetOwner(d.node) : undefined;
    const k = owner === undefined ? undefined : key(d);
    if (owner === undefined || k === undefined) continue;
    if (deployments.has(`${k.slice(0, k.indexOf('/'))}/${owner}`)) rsOwners.set(k, owner);
  }
  // A ReplicaSet its Deployment stands for is not placed (nor checked).
  const skipped = (d: Doc, m: Manifest): boolean => d.role === 'workload' && d.kind === 'ReplicaSet' && rsOwners.has(`${m.namespace ?? 'default'}/${m.name}`);
  const parts = emptyParts();
  const owners: { pod: StaticPodSpec; owner: OwnerRef }[] = [];
  for (const d of docs) {
    const fields = learntFieldsOf(d.apiVersion, d.kind);
    const check: ShapeCheck | undefined = fields === undefined ? undefined : { fields };
    if (d.lazy !== undefined && !ctx.strict && placeQuickly(d, d.lazy, check, skipped, parts, owners, ctx, ignored)) continue;
    const m = makeManifest(d.node, d.path, d.apiVersion, d.kind, ctx, check);
    if (m === undefined || skipped(d, m)) continue;
    place(d, m, parts, owners, ctx, ignored);
    checkApiObject(d.node, m.body, d.path, d.apiVersion, d.kind, m.locate, ctx, check?.unknown);
  }
  for (const { pod, owner } of owners) {
    const resolved = resolveOwner(owner, pod.namespace, deployments, rsOwners);
    if (resolved !== undefined) (pod as { owner?: StaticPodSpec['owner'] }).owner = resolved;
  }
  return parts;
}

function place(d: Doc, m: Manifest, parts: ClusterParts, owners: { pod: StaticPodSpec; owner: OwnerRef }[], ctx: Ctx, ignored: IgnoredKinds): void {
  // The object's tree is read only by the roles that read it (a document read as JSON reads it then).
  const path = d.path;
  const push = <T>(list: T[], v: T | undefined): void => {
    if (v !== undefined) list.push(v);
  };
  switch (d.role) {
    case 'namespace': {
      const labels = { ...m.labels, 'kubernetes.io/metadata.name': m.name };
      const ns: NamespaceSpec = { name: m.name, labels, declared: true, src: m.src };
      ctx.prov.set(ns, ctx.prov.get(m) ?? { path, locate: () => m.src, fromManifest: true });
      parts.namespaces.push(ns);
      return;
    }
    case 'workload':
      return push(parts.workloads, readWorkload(m, d, path, ctx));
    case 'pod':
      return placePod(readPod(m, d, path, ctx), parts, owners);
    case 'vm':
      return push(parts.pods, readVirtualMachine(m, d.node, path, ctx));
    case 'service':
      return push(parts.services, readService(m, d.node, path, ctx));
    case 'ingress':
      parts.ingresses.push(...readIngress(m, d.node, path, ctx));
      return;
    case 'httproute':
      return push(parts.httpRoutes, readHttpRoute(m, d.node, path, ctx));
    case 'gateway':
      return push(parts.gateways, readGateway(m, d.node, path, ctx));
    case 'referencegrant':
      return push(parts.referenceGrants, readReferenceGrant(m, d.node, path, ctx));
    case 'policy':
      parts.policies.push(m);
      return;
    case 'ippool':
      return push(parts.ipPools, readIpPool(m, d.node, path, ctx));
    case 'bgppeer':
      push(parts.peers, readBgpPeer(m, d.node, path, ctx));
      parts.resources.push(m);
      return;
    case 'bgpconfig':
    case 'ipamconfig':
      foldCalicoConfig(m, d.node, path, ctx, parts.settings);
      parts.resources.push(m);
      return;
    case 'calico-resource':
      parts.resources.push(m);
      return;
    case 'node':
      return push(parts.nodes, readNode(m, d, path, ctx));
    case 'ignored':
      ignored.note(m);
      parts.ignored.push(m);
      return;
  }
}

function placePod(r: PodRead | undefined, parts: ClusterParts, owners: { pod: StaticPodSpec; owner: OwnerRef }[]): void {
  if (r !== undefined) parts.pods.push(r.pod);
  if (r?.owner !== undefined) owners.push({ pod: r.pod, owner: r.owner });
}

/**
 * Registers and places a document read as JSON as the full path would (makeManifest, place, checkApiObject) when
 * makeManifest and checkApiObject would report nothing — a record read quickly, an object the API server checks
 * pass — and returns true; false, having done nothing, otherwise. `place` reads the tree only where its reader needs
 * it (validateDocClean's quick path on the JSON does not).
 */
function placeQuickly(
  d: Doc, lazy: LazyManifestDoc, check: ShapeCheck | undefined, skipped: (d: Doc, m: Manifest) => boolean, parts: ClusterParts,
  owners: { pod: StaticPodSpec; owner: OwnerRef }[], ctx: Ctx, ignored: IgnoredKinds,
): boolean {
  const m = quickManifest(lazy, d.apiVersion, d.kind, ctx, check);
  if (m === undefined || !apiObjectClean(lazy.json, d.apiVersion, d.kind, check?.unknown)) return false;
  registerManifest(m, d.path, ctx);
  if (!skipped(d, m)) place(d, m, parts, owners, ctx, ignored);
  return true;
}

/** A document read as JSON that is one object (no List): its Doc, its tree left unread. False for anything else. */
function flattenQuickly(r: LazyManifestDoc, out: Doc[]): boolean {
  const json = r.json;
  if (!isJsonMap(json)) return false;
  const apiVersion = json.apiVersion;
  const kind = json.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind.endsWith('List')) return false;
  out.push({
    get node(): PMap {
      return r.node as PMap;
    },
    path: r.path,
    apiVersion,
    kind,
    role: roleOf(apiVersion, kind),
    lazy: r,
    json,
  });
  return true;
}

function looksLikeObject(v: PValue): boolean {
  return v.kind === 'map' && stringOf(v, 'kind') !== undefined && stringOf(v, 'apiVersion') !== undefined;
}

/** Expands `kind: List` and `<Kind>List` objects (items may omit kind and apiVersion there). */
function flatten(v: PValue, path: string, inherited: { apiVersion: string; kind: string } | undefined, out: Doc[], ctx: Ctx): void {
  if (v.kind !== 'map') {
    errorAt(ctx, { path, src: v.src }, `expected a Kubernetes object, got ${describe(v)}`);
    return;
  }
  let node = v;
  let apiVersion = stringOf(node, 'apiVersion');
  let kind = stringOf(node, 'kind');
  if (inherited !== undefined && (apiVersion === undefined || kind === undefined)) {
    const extra = [];
    if (apiVersion === undefined) extra.push({ key: 'apiVersion', keySrc: v.src, value: { kind: 'scalar' as const, value: inherited.apiVersion, src: v.src } });
    if (kind === undefined) extra.push({ key: 'kind', keySrc: v.src, value: { kind: 'scalar' as const, value: inherited.kind, src: v.src } });
    node = { kind: 'map', entries: [...extra, ...v.entries], src: v.src };
    apiVersion ??= inherited.apiVersion;
    kind ??= inherited.kind;
  }
  if (apiVersion === undefined || kind === undefined) {
    errorAt(ctx, { path, src: v.src }, 'not a Kubernetes object: apiVersion and kind are required');
    return;
  }
  const items = entryOf(node, 'items')?.value;
  if (kind.endsWith('List') && items !== undefined) {
    if (items.kind !== 'seq') {
      if (!(items.kind === 'scalar' && items.value === null)) errorAt(ctx, { path: joinPath(path, 'items'), src: items.src }, `expected a list, got ${describe(items)}`);
      return;
    }
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    items.items.forEach((item, i) => {
      const p = joinPath(joinPath(path, 'items'), i);
      flatten(item, p, itemKind === undefined ? undefined : { apiVersion: apiVersion as string, kind: itemKind }, out, ctx);
    });
    return;
  }
  out.push({ node, path, apiVersion, kind, role: roleOf(apiVersion, kind) });
}
