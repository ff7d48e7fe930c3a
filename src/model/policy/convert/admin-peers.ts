// model: peers and ports of AdminNetworkPolicy / BaselineAdminNetworkPolicy rules (network-policy-api
// v1alpha1 shared_types.go) as Calico EntityRule fields (clusternetworkpolicy.go combinePorts*/unpack*).
import type { JsonValue } from '../../../scenario/types.js';
import { parseNet } from '../fields/cidr.js';
import type { DraftEntity } from './draft.js';
import { isPortNumber, portMatch, type PortEntry } from '../fields/ports.js';
import { parseK8sProtocol, protocolName } from '../fields/protocol.js';
import { checkFields, fail, readArray, readInt, readObject, type ReadCtx } from '../fields/read-json.js';
import { readK8sSelector } from '../fields/read-selector.js';
import type { Cidr } from '../../../lib/ipv4.js';
import type { PortMatch } from '../types.js';

/** A converted peer; `networks` marks a `networks` peer, `v6` an IPv6-only one. */
export interface AdmPeer {
  readonly entity: DraftEntity;
  readonly networks: boolean;
  readonly v6: boolean;
}

/**
 * One peer: ingress `namespaces` | `pods`; egress also `networks` and `nodes` (Calico has no conversion for
 * `nodes`: 'unsupported'). undefined when invalid (reported).
 */
export function admPeerEntity(ctx: ReadCtx, v: JsonValue, path: string, egress: boolean): AdmPeer | 'unsupported' | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  const fields = egress ? ['namespaces', 'pods', 'nodes', 'networks'] : ['namespaces', 'pods'];
  checkFields(ctx, obj, fields, path);
  const set = fields.filter((f) => obj[f] !== undefined && obj[f] !== null);
  if (set.length !== 1) {
    fail(ctx, path, `exactly one of ${fields.join(', ')} must be set`);
    return undefined;
  }
  const field = set[0] as string;
  if (field === 'namespaces') {
    const ns = readK8sSelector(ctx, obj['namespaces'], `${path}.namespaces`, 'namespace');
    if (ns === undefined || ns === null) return undefined;
    // combinePortsWithCNPIngressPeers: a namespaces peer has no pod selector (so namespaced NetworkSets match too).
    return { entity: { namespaceSelector: ns }, networks: false, v6: false };
  }
  if (field === 'pods') {
    const pods = readObject(ctx, obj['pods'], `${path}.pods`);
    if (!pods) return undefined;
    checkFields(ctx, pods, ['namespaceSelector', 'podSelector'], `${path}.pods`);
    const ns = readK8sSelector(ctx, pods['namespaceSelector'] ?? {}, `${path}.pods.namespaceSelector`, 'namespace');
    const pod = readK8sSelector(ctx, pods['podSelector'] ?? {}, `${path}.pods.podSelector`, 'pod');
    if (ns == null || pod == null) return undefined;
    return { entity: { selector: pod, namespaceSelector: ns }, networks: false, v6: false };
  }
  if (field === 'nodes') {
    return readK8sSelector(ctx, obj['nodes'], `${path}.nodes`, 'namespace') == null ? undefined : 'unsupported';
  }
  return readNetworks(ctx, obj['networks'], `${path}.networks`);
}

function readNetworks(ctx: ReadCtx, v: JsonValue | undefined, path: string): AdmPeer | undefined {
  const list = readArray(ctx, v, path) ?? [];
  if (list.length === 0 || list.length > 25) fail(ctx, path, 'must have 1 to 25 CIDRs');
  const nets: Cidr[] = [];
  let v4 = false;
  let v6 = false;
  let ok = true;
  list.forEach((n, i) => {
    const p = `${path}[${i}]`;
    const parsed = typeof n === 'string' ? parseNet(ctx, n, p, { strict: false, allowIp: false }) : undefined;
    if (typeof n !== 'string') fail(ctx, p, 'Invalid CIDR format provided');
    if (!parsed) ok = false;
    else if ('v4' in parsed) {
      v4 = true;
      nets.push(parsed.v4);
    } else v6 = true;
  });
  if (!ok) return undefined;
  if (v4 && v6) {
    // A Calico rule holds one family; IPv6 entries are left out of the IPv4 rule calisim evaluates.
    return { entity: { nets }, networks: true, v6: false };
  }
  return { entity: v6 ? {} : { nets }, networks: true, v6 };
}

/** Ports of a rule grouped per protocol; `protocol` undefined = any (no `ports`, or named ports only). */
export interface AdmPorts {
  readonly protocols: readonly { readonly protocol?: number; readonly ports?: PortMatch }[];
  readonly hasNamed: boolean;
}

/** `ports` (absent = every port of every protocol); undefined when invalid. */
export function readAdmPorts(ctx: ReadCtx, v: JsonValue | undefined, path: string): AdmPorts | undefined {
  if (v === undefined || v === null) return { protocols: [{}], hasNamed: false };
  const list = readArray(ctx, v, path);
  if (!list) return undefined;
  if (list.length === 0 || list.length > 100) fail(ctx, path, 'must have 1 to 100 items');
  const byProto = new Map<string, PortEntry[]>();
  let ok = list.length > 0;
  let hasNamed = false;
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const obj = readObject(ctx, item, p);
    if (!obj) return void (ok = false);
    checkFields(ctx, obj, ['portNumber', 'namedPort', 'portRange'], p);
    const set = ['portNumber', 'namedPort', 'portRange'].filter((f) => obj[f] !== undefined && obj[f] !== null);
    if (set.length !== 1) return void (fail(ctx, p, 'exactly one of portNumber, namedPort or portRange must be set'), (ok = false));
    const got = readAdmPort(ctx, obj, set[0] as string, `${p}.${set[0]}`);
    if (!got) return void (ok = false);
    if ('named' in got.entry) hasNamed = true;
    const key = got.protocol === undefined ? '' : protocolName(got.protocol);
    byProto.set(key, [...(byProto.get(key) ?? []), got.entry]);
  });
  if (!ok) return undefined;
  const protocols = [...byProto.keys()].sort().map((key) => ({
    ...(key === '' ? {} : { protocol: parseK8sProtocol(ctx, key, path, undefined) as number }),
    ports: portMatch(byProto.get(key) ?? []),
  }));
  return { protocols, hasNamed };
}

function readAdmPort(
  ctx: ReadCtx,
  obj: Record<string, JsonValue>,
  field: string,
  path: string,
): { protocol?: number; entry: PortEntry } | undefined {
  if (field === 'namedPort') {
    const name = obj['namedPort'];
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_.-]{1,128}$/.test(name)) {
      fail(ctx, path, `invalid name for named port (${String(name)})`);
      return undefined;
    }
    return { entry: { named: name } };
  }
  const o = readObject(ctx, obj[field], path);
  if (!o) return undefined;
  const isRange = field === 'portRange';
  checkFields(ctx, o, isRange ? ['protocol', 'start', 'end'] : ['protocol', 'port'], path);
  const protocol = parseK8sProtocol(ctx, o['protocol'], `${path}.protocol`, 6);
  const a = readInt(ctx, isRange ? o['start'] : o['port'], `${path}.${isRange ? 'start' : 'port'}`);
  const b = isRange ? readInt(ctx, o['end'], `${path}.end`) : a;
  if (protocol === undefined || a === undefined || b === undefined) {
    if (a === undefined || b === undefined) fail(ctx, path, 'port numbers are required');
    return undefined;
  }
  if (!isPortNumber(a) || !isPortNumber(b)) {
    fail(ctx, path, 'port numbers must be between 1 and 65535');
    return undefined;
  }
  if (a > b) {
    fail(ctx, `${path}.end`, `the end port (${b}) must be greater than the start port (${a})`);
    return undefined;
  }
  return { protocol, entry: { range: { min: a, max: b } } };
}
