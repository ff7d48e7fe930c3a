// scenario: one real Kubernetes/Calico object into a Manifest record (kept whole, with a working locator),
// and the sorting of objects by what the simulator does with them.
import { unresolvedMessage, unresolvedPlaceholder } from '../read/placeholders.js';
import { fieldOf, joinPath, locatorOf, type PMap, type PValue } from '../read/positioned.js';
import { errorAt, type Ctx, type Origin } from '../provenance.js';
import { labels, obj, opt, req, str, strings, def } from '../schema/schema.js';
import { validateClean } from '../schema/validate.js';
import type { JsonValue, Manifest } from '../types.js';
import { childShape, itemShape, type SchemaFields, type UnknownField } from '../checks/schema-fields.js';

/** What the simulator does with a kind. */
export type KindRole =
  | 'namespace' | 'workload' | 'pod' | 'service' | 'ingress' | 'httproute' | 'gateway' | 'referencegrant' | 'policy' | 'ippool'
  | 'bgppeer' | 'bgpconfig' | 'ipamconfig' | 'calico-resource' | 'node' | 'vm' | 'ignored';

const CALICO_POLICY = ['NetworkPolicy', 'GlobalNetworkPolicy', 'StagedNetworkPolicy', 'StagedGlobalNetworkPolicy',
  'StagedKubernetesNetworkPolicy', 'Tier', 'NetworkSet', 'GlobalNetworkSet', 'HostEndpoint', 'Profile'];
const CALICO_KEPT = ['BGPFilter', 'IPReservation', 'Node', 'FelixConfiguration'];
/** Namespaced kinds among those the simulator reads (the object's namespace defaults to `default`). */
const NAMESPACED = new Set(['NetworkPolicy', 'StagedNetworkPolicy', 'StagedKubernetesNetworkPolicy', 'NetworkSet',
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod', 'Service', 'Ingress', 'ServiceAccount', 'HTTPRoute', 'Gateway', 'ReferenceGrant',
  'VirtualMachine']);

/** Role of an object from its apiVersion group and kind. */
export function roleOf(apiVersion: string, kind: string): KindRole {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  if (group === 'projectcalico.org' || group === 'crd.projectcalico.org') {
    if (CALICO_POLICY.includes(kind)) return 'policy';
    if (kind === 'IPPool') return 'ippool';
    if (kind === 'BGPPeer') return 'bgppeer';
    if (kind === 'BGPConfiguration') return 'bgpconfig';
    if (kind === 'IPAMConfiguration') return 'ipamconfig';
    return CALICO_KEPT.includes(kind) ? 'calico-resource' : 'ignored';
  }
  if (group === 'policy.networking.k8s.io') {
    return ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'].includes(kind) ? 'policy' : 'ignored';
  }
  if (group === 'gateway.networking.k8s.io' && kind === 'HTTPRoute') return 'httproute';
  if (group === 'gateway.networking.k8s.io' && kind === 'Gateway') return 'gateway';
  if (group === 'gateway.networking.k8s.io' && kind === 'ReferenceGrant') return 'referencegrant';
  if (group === 'networking.k8s.io' || group === 'extensions') {
    if (kind === 'NetworkPolicy') return 'policy';
    if (kind === 'Ingress') return 'ingress';
  }
  // A KubeVirt VM is an endpoint through its virt-launcher pod (vm-manifests.ts).
  if (group === 'kubevirt.io' && kind === 'VirtualMachine') return 'vm';
  if (group === 'apps' || group === 'extensions') {
    if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(kind)) return 'workload';
  }
  if (group === '') {
    if (kind === 'Namespace') return 'namespace';
    if (kind === 'Pod') return 'pod';
    if (kind === 'Service') return 'service';
    if (kind === 'Node') return 'node';
    // ServiceAccounts ride with the policies: their labels become Calico's pcsa.* labels (build-policy-model).
    if (kind === 'ServiceAccount') return 'policy';
    if (kind === 'ReplicationController') return 'workload';
  }
  return 'ignored';
}

/** The metadata a Manifest record keeps. */
export const metadataSchema = obj(
  { name: req(str()), namespace: opt(str()), labels: def(labels, () => ({})), annotations: def(strings, () => ({})) },
  { noSrc: true, unlocated: true },
);

/** metadataSchema's record. */
export interface ManifestMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

/**
 * The Manifest record of an object, or undefined (after reporting) when it has no usable metadata; `check`, when
 * given, is filled by the walk that builds the body.
 */
export function makeManifest(doc: PMap, path: string, apiVersion: string, kind: string, ctx: Ctx, check?: ShapeCheck): Manifest | undefined {
  const metaNode = fieldOf(doc, 'metadata');
  const metaPath = joinPath(path, 'metadata');
  if (metaNode === undefined) {
    errorAt(ctx, { path: metaPath, src: doc.src }, `${kind} has no metadata`);
    return undefined;
  }
  const meta = validateClean(metadataSchema, metaNode, metaPath, ctx) as ManifestMeta | undefined;
  if (meta?.name === undefined) return undefined;
  const body = jsonCheckingPlaceholders(doc, path, ctx, check) as Manifest['body'];
  const given = ctx.namespace;
  if (namespaceMismatch(meta, kind, given)) {
    // kubectl: "the namespace from the provided object does not match the namespace sent on the request".
    errorAt(ctx, { path: joinPath(metaPath, 'namespace'), src: metaNode.src }, `namespace ${meta.namespace} does not match -n ${given}`);
  }
  const m = newManifest(apiVersion, kind, meta as ManifestMeta & { name: string }, body, doc.src, locatorOf(doc), given);
  registerManifest(m, path, ctx);
  return m;
}

/** True when `-n` names another namespace than the object's own (kubectl refuses it). */
export function namespaceMismatch(meta: ManifestMeta, kind: string, given: string | undefined): boolean {
  return given !== undefined && meta.namespace !== undefined && meta.namespace !== given && NAMESPACED.has(kind);
}

/** The record of an object whose metadata and body are read; `given` is `-n`'s namespace. */
export function newManifest(
  apiVersion: string, kind: string, meta: ManifestMeta & { name: string }, body: Manifest['body'], src: Manifest['src'], locate: Manifest['locate'], given: string | undefined,
): Manifest {
  const role = roleOf(apiVersion, kind);
  const namespace = role !== 'ignored' && NAMESPACED.has(kind) ? (meta.namespace ?? given ?? 'default') : role === 'ignored' ? meta.namespace : undefined;
  return {
    apiVersion,
    kind,
    name: meta.name,
    ...(namespace === undefined ? {} : { namespace }),
    labels: meta.labels,
    annotations: meta.annotations,
    body,
    src,
    locate,
  };
}

/** Records where a Manifest record's fields were written. */
export function registerManifest(m: Manifest, path: string, ctx: Ctx): void {
  ctx.prov.set(m, { ...manifestOrigin(m, path), fromManifest: ctx.fromManifest });
}

const META_FIELDS: Readonly<Record<string, string>> = {
  name: 'metadata.name',
  namespace: 'metadata.namespace',
  labels: 'metadata.labels',
  annotations: 'metadata.annotations',
};

/** Provenance of a record normalised from a manifest: its fields are located in the manifest
 *  (`name` → `metadata.name`, plus the record's own `fields` map of field → manifest path). */
export function manifestOrigin(m: Manifest, path: string, fields: Readonly<Record<string, string>> = {}): Origin {
  const manifestPath = (f: string): string => {
    const cut = f.search(/[.[]/);
    const head = cut < 0 ? f : f.slice(0, cut);
    return (fields[head] ?? META_FIELDS[head] ?? `spec.${head}`) + (cut < 0 ? '' : f.slice(cut));
  };
  return { path, locate: (f) => (f === undefined ? m.src : m.locate(f)), fromManifest: true, fieldPath: manifestPath };
}

/**
 * What the body walk also finds for a built-in kind: the fields its schema does not know, by what its validator
 * was seen to read (schema-fields.ts); `unknown` is left undefined when an object the walk inspects has a shape no
 * clean run covered (the validator's recorded run decides then).
 */
export interface ShapeCheck {
  readonly fields: SchemaFields;
  unknown?: UnknownField[];
}

/**
 * The object as plain JSON (toJson's value), reporting the placeholders left in it (`{i}` outside a generator),
 * which are errors like anywhere else, and filling `check` in the same walk. Field paths are built only for the
 * placeholders and unknown fields reported.
 */
function jsonCheckingPlaceholders(doc: PValue, path: string, ctx: Ctx, check: ShapeCheck | undefined): JsonValue {
  const trail: (string | number)[] = [];
  const unknown: UnknownField[] = [];
  const fields = check?.fields;
  // Set when a map the shape check reaches has a shape no clean run covered: it stops looking.
  let uncovered = false;
  /** `shape`: the object's schema shape while the check follows it (known keys from the root), else undefined. */
  const walk = (v: PValue, shape: string | undefined): JsonValue => {
    if (v.kind === 'scalar') {
      const text = v.value;
      if (typeof text === 'string' && text.includes('{')) {
        const left = unresolvedPlaceholder(text);
        if (left !== undefined) errorAt(ctx, { path: trail.reduce<string>(joinPath, path), src: v.src }, unresolvedMessage(left));
      }
      return text;
    }
    if (v.kind === 'seq') {
      const item = shape === undefined || uncovered ? undefined : itemShape(shape);
      const items: JsonValue[] = [];
      for (let i = 0; i < v.items.length; i++) {
        trail.push(i);
        items.push(walk(v.items[i] as PValue, item));
        trail.pop();
      }
      return items;
    }
    // A map the check follows: the keys its validator read there, or none to look inside (a map it enumerated
    // as labels are, or never visited).
    let read: ReadonlySet<string> | undefined;
    if (shape !== undefined && fields !== undefined && !uncovered) {
      if (fields.covered.has(shape)) read = fields.knownSets.get(shape);
      else uncovered = true;
    }
    // Without a prototype, a key such as `constructor` or `toString` is only ever the input's own value. The
    // prototype is dropped once the map is filled: an object made by Object.create(null) is a hash table in V8,
    // two to three times slower to fill and to read (by the schema validators, the policy readers) than this one.
    const out: { [k: string]: JsonValue } = {};
    for (const e of v.entries) {
      let child: string | undefined;
      if (read !== undefined && !uncovered) {
        if (read.has(e.key)) child = childShape(shape as string, e.key);
        else unknown.push({ parent: trail.reduce<string>(joinPath, ''), key: e.key, known: fields?.known.get(shape as string) ?? [] });
      }
      trail.push(e.key);
      const x = walk(e.value, child);
      if (e.key === '__proto__') Object.defineProperty(out, e.key, { value: x, enumerable: true, writable: true, configurable: true });
      else out[e.key] = x;
      trail.pop();
    }
    return Object.setPrototypeOf(out, null) as { [k: string]: JsonValue };
  };
  const json = walk(doc, check === undefined ? undefined : '');
  if (check !== undefined) check.unknown = uncovered ? undefined : unknown;
  return json;
}
