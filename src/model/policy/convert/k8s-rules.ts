// model: one Kubernetes NetworkPolicy rule into Calico rules, as conversion.go k8sRuleToCalico does — one
// Allow rule per (protocol × peer), protocols sorted by name ("" < SCTP < TCP < UDP), ports merged per protocol.
import type { JsonValue } from '../../../scenario/types.js';
import { formatCidr, parseCidr, type Cidr } from '../../../lib/ipv4.js';
import { parseNet, strictSubset } from '../fields/cidr.js';
import type { DraftEntity, DraftRule } from './draft.js';
import { isK8sPortName, isPortNumber, portMatch, type PortEntry } from '../fields/ports.js';
import { parseK8sProtocol, protocolName } from '../fields/protocol.js';
import { checkFields, errorCount, fail, lazyOrigin, readArray, readInt, readObject, warn, type ReadCtx } from '../fields/read-json.js';
import { absentK8sSelector, readK8sSelector } from '../fields/read-selector.js';

/** A converted peer: the EntityRule fields it sets (`v6` when its ipBlock is IPv6). */
interface K8sPeer {
  readonly entity: DraftEntity;
  readonly v6: boolean;
}

/** protocol name ('' = any) → ports (null = all ports of the protocol). */
type ProtocolPorts = Map<string, PortEntry[] | null>;

/**
 * Converts `spec.ingress[i]` / `spec.egress[i]`; returns undefined when the rule is invalid (reported).
 * `peerField` is `from` or `to`; peers go to the source (ingress) or destination (egress) side.
 */
export function convertK8sRule(
  ctx: ReadCtx,
  rule: JsonValue,
  path: string,
  index: number,
  ingress: boolean,
): DraftRule[] | undefined {
  const before = errorCount(ctx);
  const obj = readObject(ctx, rule, path);
  if (!obj) return rule === null ? allowAll(ctx, path, index) : undefined;
  const peerField = ingress ? 'from' : 'to';
  checkFields(ctx, obj, [peerField, 'ports'], path);
  const peers = (readArray(ctx, obj[peerField], `${path}.${peerField}`) ?? []).map((p, i) =>
    readPeer(ctx, p, `${path}.${peerField}[${i}]`),
  );
  const ports = readPorts(ctx, obj['ports'], `${path}.ports`);
  if (errorCount(ctx) > before || !ports) return undefined;
  const out: DraftRule[] = [];
  const protocols = [...ports.keys()].sort();
  const peerList: (K8sPeer | undefined)[] = peers.length === 0 ? [undefined] : peers;
  for (const proto of protocols) {
    const entries = ports.get(proto) ?? null;
    const protocol = proto === '' ? undefined : parseK8sProtocol(ctx, proto, path, undefined);
    const dstPorts = entries && entries.length > 0 ? portMatch(entries) : undefined;
    peerList.forEach((peer, peerIndex) => {
      const origin = lazyOrigin(ctx, path, peer ? { k8sRuleIndex: index, k8sPeerIndex: peerIndex } : { k8sRuleIndex: index });
      const peerEntity: DraftEntity = peer?.entity ?? {};
      const portEntity: DraftEntity = dstPorts ? { ports: dstPorts } : {};
      out.push({
        action: 'Allow',
        ...(protocol !== undefined ? { protocol } : {}),
        source: ingress ? peerEntity : {},
        destination: ingress ? portEntity : { ...portEntity, ...peerEntity },
        ipv4: !peer?.v6,
        origin,
      });
    });
  }
  return out;
}

function allowAll(ctx: ReadCtx, path: string, index: number): DraftRule[] {
  return [
    {
      action: 'Allow',
      source: {},
      destination: {},
      ipv4: true,
      origin: lazyOrigin(ctx, path, { k8sRuleIndex: index }),
    },
  ];
}

/** One NetworkPolicyPeer (exactly one of ipBlock or pod/namespace selectors). */
function readPeer(ctx: ReadCtx, v: JsonValue, path: string): K8sPeer | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) {
    fail(ctx, path, 'must specify a peer');
    return undefined;
  }
  checkFields(ctx, obj, ['podSelector', 'namespaceSelector', 'ipBlock'], path);
  const hasSel = obj['podSelector'] != null || obj['namespaceSelector'] != null;
  const ipBlock = obj['ipBlock'];
  if (ipBlock != null) {
    if (hasSel) {
      fail(ctx, path, 'may not specify more than 1 peer type (ipBlock together with podSelector/namespaceSelector)');
      return undefined;
    }
    return readIpBlock(ctx, ipBlock, `${path}.ipBlock`);
  }
  if (!hasSel) {
    fail(ctx, path, 'must specify a peer (podSelector, namespaceSelector or ipBlock)');
    return undefined;
  }
  const pod = readK8sSelector(ctx, obj['podSelector'], `${path}.podSelector`, 'pod');
  const ns = readK8sSelector(ctx, obj['namespaceSelector'], `${path}.namespaceSelector`, 'namespace');
  if (pod === undefined || ns === undefined) return undefined;
  // conversion.go k8sPeerToCalicoFields: the pod part always carries the orchestrator term.
  const selector = pod ?? absentK8sSelector('pod');
  return { entity: { selector, ...(ns !== null ? { namespaceSelector: ns } : {}) }, v6: false };
}

function readIpBlock(ctx: ReadCtx, v: JsonValue, path: string): K8sPeer | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  checkFields(ctx, obj, ['cidr', 'except'], path);
  const cidrText = obj['cidr'];
  if (typeof cidrText !== 'string') {
    fail(ctx, `${path}.cidr`, 'required value (a CIDR)');
    return undefined;
  }
  const net = parseNet(ctx, cidrText, `${path}.cidr`, { strict: false, allowIp: false });
  if (!net) return undefined;
  if ('v4' in net && !parseCidr(cidrText, true)) {
    warn(ctx, `${path}.cidr`, `host bits are set; Calico masks them (${formatCidr(net.v4)})`);
  }
  const notNets: Cidr[] = [];
  let ok = true;
  (readArray(ctx, obj['except'], `${path}.except`) ?? []).forEach((e, i) => {
    const p = `${path}.except[${i}]`;
    if (typeof e !== 'string') {
      fail(ctx, p, 'must be a CIDR string');
      ok = false;
      return;
    }
    const ex = parseNet(ctx, e, p, { strict: false, allowIp: false });
    if (!ex) ok = false;
    else if ('v4' in ex !== 'v4' in net) {
      fail(ctx, p, 'must be in the same IP family as cidr');
      ok = false;
    } else if ('v4' in ex && 'v4' in net) {
      if (!strictSubset(ex.v4, net.v4)) {
        fail(ctx, p, `must be a strict subset of \`cidr\` (${cidrText})`);
        ok = false;
      } else notNets.push(ex.v4);
    }
  });
  if (!ok) return undefined;
  if (!('v4' in net)) return { entity: {}, v6: true };
  return { entity: { nets: [net.v4], ...(notNets.length > 0 ? { notNets } : {}) }, v6: false };
}

/** `ports`: protocol → port entries, as k8sRuleToCalico builds protocolPorts. */
function readPorts(ctx: ReadCtx, v: JsonValue | undefined, path: string): ProtocolPorts | undefined {
  const list = readArray(ctx, v, path) ?? [];
  const out: ProtocolPorts = new Map();
  if (list.length === 0) return new Map([['', null]]);
  let ok = true;
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const obj = readObject(ctx, item, p);
    if (!obj) {
      if (item === null) fail(ctx, p, 'must be an object');
      ok = false;
      return;
    }
    checkFields(ctx, obj, ['protocol', 'port', 'endPort'], p);
    const proto = parseK8sProtocol(ctx, obj['protocol'], `${p}.protocol`, 6);
    const entry = readK8sPort(ctx, obj, p);
    if (proto === undefined || entry === undefined) {
      ok = false;
      return;
    }
    const key = protocolName(proto);
    const existing = out.get(key);
    if (entry === null) out.set(key, null);
    else if (existing === undefined) out.set(key, [entry]);
    else if (existing !== null) existing.push(entry);
  });
  return ok ? out : undefined;
}

/** `port` + `endPort` of one NetworkPolicyPort: null when no port (all ports), undefined when invalid. */
function readK8sPort(ctx: ReadCtx, obj: Record<string, JsonValue>, path: string): PortEntry | null | undefined {
  const port = obj['port'];
  const endPort = readInt(ctx, obj['endPort'], `${path}.endPort`);
  if (port === undefined || port === null) {
    if (obj['endPort'] != null) {
      fail(ctx, `${path}.endPort`, 'may not be specified when `port` is not specified');
      return undefined;
    }
    return null;
  }
  // IntOrString: every JSON string is a port name (so "80" is an invalid name, as the API server says).
  if (typeof port === 'string') {
    if (obj['endPort'] != null) {
      fail(ctx, `${path}.endPort`, 'may not be specified when `port` is non-numeric');
      return undefined;
    }
    if (!isK8sPortName(port)) {
      fail(ctx, `${path}.port`, `invalid port name ${JSON.stringify(port)}: must be an IANA_SVC_NAME (at most 15 characters, a-z, 0-9 and '-', at least one letter)`);
      return undefined;
    }
    return { named: port };
  }
  const n = typeof port === 'number' ? port : NaN;
  if (!isPortNumber(n)) {
    fail(ctx, `${path}.port`, `invalid port ${String(port)}: must be between 1 and 65535, inclusive`);
    return undefined;
  }
  if (endPort === undefined) return obj['endPort'] != null ? undefined : { range: { min: n, max: n } };
  if (!isPortNumber(endPort)) {
    fail(ctx, `${path}.endPort`, `invalid endPort ${endPort}: must be between 1 and 65535, inclusive`);
    return undefined;
  }
  if (endPort < n) {
    fail(ctx, `${path}.endPort`, `must be greater than or equal to \`port\` (${n})`);
    return undefined;
  }
  return { range: { min: n, max: endPort } };
}
