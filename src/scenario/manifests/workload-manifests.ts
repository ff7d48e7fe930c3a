// scenario: Deployments, StatefulSets, DaemonSets, ReplicaSets (and ReplicationControllers) into
// WorkloadSpecs, and Pods into StaticPodSpecs with their owner resolved to the workload the user wrote.
import { fieldOf, isMap, type PMap } from '../read/positioned.js';
import { manifestOrigin } from './manifest-record.js';
import { pickPodIp } from './pod-address.js';
import type { Ctx } from '../provenance.js';
import { bool, def, int, labels, many, obj, oneOf, opt, port, str, sub } from '../schema/schema.js';
import { PROTOCOLS } from '../schema/cluster-schema.js';
import type { ContainerPort, Labels, Manifest, StaticPodSpec, WorkloadKind, WorkloadSpec } from '../types.js';
import { validateDocClean, type ObjectDoc } from '../schema/validate-quick-json.js';

// Lenient where the corpus of real manifests is: ports without containerPort and owner references without
// kind are dropped rather than refused (the API server would refuse them, kubectl dumps never hold them).
const containerPort = obj(
  { name: opt(str()), containerPort: opt(port), protocol: def(oneOf(PROTOCOLS), 'TCP'), hostPort: opt(port) },
  { noSrc: true },
);
const podSpec = obj(
  {
    containers: many(obj({ ports: many(containerPort) }, { noSrc: true })),
    serviceAccountName: opt(str()),
    serviceAccount: opt(str()),
    nodeSelector: def(labels, () => ({})),
    hostNetwork: def(bool, false),
    nodeName: opt(str()),
    terminationGracePeriodSeconds: opt(int(0, 86_400, 'seconds')),
  },
  { noSrc: true },
);
const workloadBody = obj(
  {
    spec: sub(
      obj(
        {
          replicas: opt(int(0, 1_000_000)),
          template: sub(obj({ metadata: sub(obj({ labels: def(labels, () => ({})) }, { noSrc: true })), spec: sub(podSpec) }, { noSrc: true })),
        },
        { noSrc: true },
      ),
    ),
  },
  { noSrc: true, unlocated: true },
);
const ownerRef = obj({ kind: opt(str()), name: opt(str()), controller: opt(bool) }, { noSrc: true });
export const podBody = obj(
  {
    metadata: sub(obj({ ownerReferences: many(ownerRef) }, { noSrc: true })),
    spec: sub(podSpec),
    status: sub(obj({ podIP: opt(str()), podIPs: many(obj({ ip: opt(str()) }, { noSrc: true })) }, { noSrc: true })),
  },
  { noSrc: true, unlocated: true },
);

interface PodSpecRec {
  containers: { ports: ContainerPort[] }[];
  serviceAccountName?: string;
  serviceAccount?: string;
  nodeSelector: Labels;
  hostNetwork: boolean;
  nodeName?: string;
  terminationGracePeriodSeconds?: number;
}

const portsOf = (s: PodSpecRec): ContainerPort[] => s.containers.flatMap((c) => c.ports.filter((p) => p.containerPort !== undefined));
const accountOf = (s: PodSpecRec): string => s.serviceAccountName ?? s.serviceAccount ?? 'default';

/** A workload object as a WorkloadSpec (a ReplicationController keeps its kind: it is placed like a ReplicaSet). */
export function readWorkload(m: Manifest, doc: ObjectDoc, path: string, ctx: Ctx): WorkloadSpec | undefined {
  const r = validateDocClean(workloadBody, doc, path, ctx) as
    | { spec: { replicas?: number; template: { metadata: { labels: Labels }; spec: PodSpecRec } } }
    | undefined;
  if (r === undefined) return undefined;
  const kind = m.kind as WorkloadKind;
  const pod = r.spec.template.spec;
  const w: WorkloadSpec = {
    name: m.name,
    namespace: m.namespace ?? 'default',
    kind,
    replicas: r.spec.replicas ?? 1,
    labels: r.spec.template.metadata.labels,
    serviceAccount: accountOf(pod),
    ports: portsOf(pod),
    nodeSelector: pod.nodeSelector,
    hostNetwork: pod.hostNetwork,
    ...(pod.terminationGracePeriodSeconds === undefined ? {} : { terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds }),
    src: m.src,
  };
  ctx.prov.set(w, manifestOrigin(m, path, { labels: 'spec.template.metadata.labels' }));
  return w;
}

/** An owner reference as the pod's controller: `kind`/`name` of the controlling object. */
export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

interface PodRec {
  readonly metadata: { ownerReferences: { kind?: string; name?: string; controller?: boolean }[] };
  readonly spec: PodSpecRec;
  readonly status: { podIP?: string; podIPs: { ip?: string }[] };
}

/** A read Pod: its spec and its raw owner reference, for later resolution. */
export interface PodRead {
  readonly pod: StaticPodSpec;
  readonly owner?: OwnerRef;
}

/** A Pod as a StaticPodSpec; its raw owner reference is returned for later resolution. */
export function readPod(m: Manifest, doc: ObjectDoc, path: string, ctx: Ctx): PodRead | undefined {
  const r = validateDocClean(podBody, doc, path, ctx) as PodRec | undefined;
  return r === undefined ? undefined : podOf(m, r, path, ctx);
}

/** The pod of a read Pod record. */
function podOf(m: Manifest, r: PodRec, path: string, ctx: Ctx): PodRead {
  const podIP = pickPodIp(r.status.podIP, r.status.podIPs);
  if (podIP === undefined && r.status.podIP !== undefined) {
    const at = m.locate('status.podIP');
    ctx.sink.warn(at, `${path === '' ? '' : `${path}.`}status.podIP`, `${r.status.podIP} is not an IPv4 address; the pod's address is left to IPAM`);
  }
  const refs = r.metadata.ownerReferences.filter((o): o is { kind: string; name: string; controller?: boolean } => o.kind !== undefined && o.name !== undefined);
  const ref = refs.find((o) => o.controller === true) ?? refs[0];
  const pod: StaticPodSpec = {
    name: m.name,
    namespace: m.namespace ?? 'default',
    labels: m.labels,
    serviceAccount: accountOf(r.spec),
    ports: portsOf(r.spec),
    ...(r.spec.nodeName === undefined ? {} : { nodeName: r.spec.nodeName }),
    ...(Object.keys(r.spec.nodeSelector).length === 0 ? {} : { nodeSelector: r.spec.nodeSelector }),
    ...(podIP === undefined ? {} : { podIP }),
    hostNetwork: r.spec.hostNetwork,
    src: m.src,
  };
  ctx.prov.set(pod, manifestOrigin(m, path, { nodeName: 'spec.nodeName', podIP: 'status.podIP' }));
  return ref === undefined ? { pod } : { pod, owner: { kind: ref.kind, name: ref.name } };
}

/** Which workload a pod belongs to: Deployment for `<deploy>-<hash>` ReplicaSets when that Deployment is known. */
export function resolveOwner(
  owner: OwnerRef,
  namespace: string,
  deployments: ReadonlySet<string>,
  replicaSetOwners: ReadonlyMap<string, string>,
): { kind: WorkloadKind; name: string } | undefined {
  if (owner.kind === 'ReplicaSet') {
    const viaObject = replicaSetOwners.get(`${namespace}/${owner.name}`);
    if (viaObject !== undefined) return { kind: 'Deployment', name: viaObject };
    const dash = owner.name.lastIndexOf('-');
    const deploy = dash > 0 ? owner.name.slice(0, dash) : '';
    if (deploy !== '' && deployments.has(`${namespace}/${deploy}`)) return { kind: 'Deployment', name: deploy };
    return { kind: 'ReplicaSet', name: owner.name };
  }
  if (owner.kind === 'ReplicationController' || owner.kind === 'Deployment' || owner.kind === 'StatefulSet' || owner.kind === 'DaemonSet') {
    return { kind: owner.kind, name: owner.name };
  }
  return undefined;
}

/** The Deployment that owns a ReplicaSet object, if its owner reference names one. */
export function replicaSetOwner(doc: PMap): string | undefined {
  const meta = fieldOf(doc, 'metadata');
  const refs = isMap(meta) ? fieldOf(meta, 'ownerReferences') : undefined;
  if (refs === undefined || refs.kind !== 'seq') return undefined;
  for (const r of refs.items) {
    if (r.kind !== 'map') continue;
    const kind = fieldOf(r, 'kind');
    const name = fieldOf(r, 'name');
    if (kind?.kind === 'scalar' && kind.value === 'Deployment' && name?.kind === 'scalar' && typeof name.value === 'string') return name.value;
  }
  return undefined;
}
