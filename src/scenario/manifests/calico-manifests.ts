// scenario: Calico resources (IPPool, BGPPeer, BGPConfiguration, IPAMConfiguration) and core v1 Nodes from
// real manifests, read with the same rules as the scenario form and folded into a cluster's settings.
import { cpuMillis } from '../../lib/cpu-quantity.js';
import { ipPoolSchema, peerSchema } from '../schema/calico-schema.js';
import { cidr, ipv4 } from '../schema/formats.js';
import { manifestOrigin } from './manifest-record.js';
import { entryOf, fieldOf, joinPath, type PEntry, type PMap, type PValue } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import { asn, bool, int, many, obj, opt, req, str, strings, sub } from '../schema/schema.js';
import type { ExternalPeerSpec, IpPoolSpec, Labels, Manifest, NodeSpec } from '../types.js';
import { validateClean } from '../schema/validate.js';
import { validateDocClean, type ObjectDoc } from '../schema/validate-quick-json.js';

/** Cluster-wide Calico settings a BGPConfiguration or IPAMConfiguration named `default` sets. */
export interface CalicoSettings {
  asNumber?: number;
  nodeToNodeMeshEnabled?: boolean;
  serviceClusterIPs?: string[];
  serviceExternalIPs?: string[];
  serviceLoadBalancerIPs?: string[];
  strictAffinity?: boolean;
  maxBlocksPerHost?: number;
}

/** The object's spec with `name` taken from metadata.name, read by a scenario-form schema. */
function specWithName(doc: PMap, drop: readonly string[] = []): PMap {
  const spec = fieldOf(doc, 'spec');
  const entries: PEntry[] = spec?.kind === 'map' ? spec.entries.filter((e) => !drop.includes(e.key)) : [];
  const nameEntry = entryOf(fieldOf(doc, 'metadata') as PMap, 'name') as PEntry;
  return { kind: 'map', entries: [nameEntry, ...entries], src: spec?.src ?? doc.src };
}

export function readIpPool(m: Manifest, doc: PMap, path: string, ctx: Ctx): IpPoolSpec | undefined {
  const pool = validateClean(ipPoolSchema, specWithName(doc), joinPath(path, 'spec'), ctx) as IpPoolSpec | undefined;
  if (pool !== undefined) ctx.prov.set(pool, manifestOrigin(m, path));
  return pool;
}

/** A BGPPeer with peerIP and asNumber is an external peer; `ip:port` keeps the address. */
export function readBgpPeer(m: Manifest, doc: PMap, path: string, ctx: Ctx): ExternalPeerSpec | undefined {
  const spec = fieldOf(doc, 'spec');
  if (spec?.kind !== 'map' || entryOf(spec, 'peerSelector') !== undefined) return undefined;
  const ip = entryOf(spec, 'peerIP');
  if (ip === undefined || entryOf(spec, 'asNumber') === undefined) return undefined;
  const base = specWithName(doc, ['peerIP']);
  const text = ip.value.kind === 'scalar' && typeof ip.value.value === 'string' ? ip.value.value : undefined;
  const bare = text === undefined ? ip.value : ({ ...ip.value, value: stripPort(text) } as PValue);
  const node: PMap = { ...base, entries: [...base.entries, { key: 'peerIP', keySrc: ip.keySrc, value: bare }] };
  const peer = validateClean(peerSchema, node, joinPath(path, 'spec'), ctx) as ExternalPeerSpec | undefined;
  if (peer !== undefined) ctx.prov.set(peer, manifestOrigin(m, path));
  return peer;
}

function stripPort(text: string): string {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(text);
  return m !== null && text.includes('.') ? (m[1] as string) : text;
}

const cidrList = many(obj({ cidr: req(str(cidr)) }, { noSrc: true }));
const bgpConfigBody = obj(
  {
    spec: sub(
      obj(
        {
          asNumber: opt(asn),
          nodeToNodeMeshEnabled: opt(bool),
          serviceClusterIPs: cidrList,
          serviceExternalIPs: cidrList,
          serviceLoadBalancerIPs: cidrList,
        },
        { noSrc: true },
      ),
    ),
  },
  { noSrc: true },
);
const ipamConfigBody = obj(
  { spec: sub(obj({ strictAffinity: opt(bool), maxBlocksPerHost: opt(int(0, 1_000_000)) }, { noSrc: true })) },
  { noSrc: true },
);

/** Folds a global (`default`) BGPConfiguration or IPAMConfiguration into the settings. */
export function foldCalicoConfig(m: Manifest, doc: PMap, path: string, ctx: Ctx, into: CalicoSettings): void {
  if (m.name !== 'default') return;
  if (m.kind === 'IPAMConfiguration') {
    const r = validateClean(ipamConfigBody, doc, path, ctx) as { spec: { strictAffinity?: boolean; maxBlocksPerHost?: number } } | undefined;
    if (r?.spec.strictAffinity !== undefined) into.strictAffinity = r.spec.strictAffinity;
    if (r?.spec.maxBlocksPerHost !== undefined) into.maxBlocksPerHost = r.spec.maxBlocksPerHost;
    return;
  }
  type Cidrs = { cidr: string }[];
  const r = validateClean(bgpConfigBody, doc, path, ctx) as
    | { spec: { asNumber?: number; nodeToNodeMeshEnabled?: boolean; serviceClusterIPs: Cidrs; serviceExternalIPs: Cidrs; serviceLoadBalancerIPs: Cidrs } }
    | undefined;
  if (r === undefined) return;
  const s = r.spec;
  if (s.asNumber !== undefined) into.asNumber = s.asNumber;
  if (s.nodeToNodeMeshEnabled !== undefined) into.nodeToNodeMeshEnabled = s.nodeToNodeMeshEnabled;
  if (s.serviceClusterIPs.length > 0) into.serviceClusterIPs = s.serviceClusterIPs.map((c) => c.cidr);
  if (s.serviceExternalIPs.length > 0) into.serviceExternalIPs = s.serviceExternalIPs.map((c) => c.cidr);
  if (s.serviceLoadBalancerIPs.length > 0) into.serviceLoadBalancerIPs = s.serviceLoadBalancerIPs.map((c) => c.cidr);
}

const nodeBody = obj(
  {
    status: sub(
      obj(
        {
          addresses: many(obj({ type: opt(str()), address: opt(str()) }, { noSrc: true })),
          allocatable: opt(strings),
          capacity: opt(strings),
        },
        { noSrc: true },
      ),
    ),
  },
  // Read quickly where clean (validate-quick.ts): the record is only read here, never located.
  { noSrc: true, unlocated: true },
);

/** A core v1 Node: name, labels, InternalIP, and the pods it accepts (status.allocatable.pods). */
export function readNode(m: Manifest, doc: ObjectDoc, path: string, ctx: Ctx): NodeSpec | undefined {
  const r = validateDocClean(nodeBody, doc, path, ctx) as
    | { status: { addresses: { type?: string; address?: string }[]; allocatable?: Labels; capacity?: Labels } }
    | undefined;
  if (r === undefined) return undefined;
  const ip = r.status.addresses.find((a) => a.type === 'InternalIP' && a.address !== undefined && ipv4(a.address) === undefined)?.address;
  const podsText = r.status.allocatable?.pods ?? r.status.capacity?.pods;
  const maxPods = podsText !== undefined && /^\d+$/.test(podsText) ? Number(podsText) : 110;
  const cpu = r.status.allocatable?.cpu;
  const node: NodeSpec = { name: m.name, ...(ip === undefined ? {} : { ip }), labels: m.labels, maxPods, ...(cpu !== undefined && cpuMillis(cpu) !== undefined ? { cpu } : {}), src: m.src };
  ctx.prov.set(node, manifestOrigin(m, path, { ip: 'status.addresses' }));
  return node;
}
