// model: Calico v3 Rule / EntityRule JSON into draft rules, with the checks of validator.go validateRule,
// validateEntityRule and the CEL rules of api/.../policy_common.go (every violation is a Diagnostic).
import type { JsonValue } from '../../../scenario/types.js';
import type { Cidr } from '../../../lib/ipv4.js';
import { parseNet } from '../fields/cidr.js';
import type { DraftEntity, DraftRule } from './draft.js';
import { parseCalicoPorts } from '../fields/ports.js';
import { parseCalicoProtocol, supportsPorts } from '../fields/protocol.js';
import {
  checkFields,
  errorCount,
  fail,
  lazyOrigin,
  readArray,
  readInt,
  readObject,
  readString,
  readStrings,
  warn,
  type ReadCtx,
} from '../fields/read-json.js';
import { readCalicoSelector } from '../fields/read-selector.js';
import type { IcmpMatch, PortMatch, RuleAction } from '../types.js';

const RULE_FIELDS = ['action', 'ipVersion', 'protocol', 'notProtocol', 'icmp', 'notICMP', 'source', 'destination', 'http', 'metadata'];
const ENTITY_FIELDS = ['nets', 'notNets', 'selector', 'notSelector', 'namespaceSelector', 'ports', 'notPorts', 'serviceAccounts', 'services'];
const ACTIONS: readonly RuleAction[] = ['Allow', 'Deny', 'Log', 'Pass'];

/** Reads a list of v3 rules (`spec.ingress`); invalid rules are reported and left out (`ok` false then). */
export function readCalicoRules(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
  policyNamespace: string | undefined,
): { rules: DraftRule[]; ok: boolean } {
  const before = errorCount(ctx);
  const rules: DraftRule[] = [];
  (readArray(ctx, v, path) ?? []).forEach((r, i) => {
    const rule = readCalicoRule(ctx, r, `${path}[${i}]`, policyNamespace);
    if (rule) rules.push(rule);
  });
  return { rules, ok: errorCount(ctx) === before };
}

/** One v3 Rule. */
export function readCalicoRule(
  ctx: ReadCtx,
  v: JsonValue,
  path: string,
  policyNamespace: string | undefined,
): DraftRule | undefined {
  const before = errorCount(ctx);
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  checkFields(ctx, obj, RULE_FIELDS, path);
  const action = ACTIONS.find((a) => a === obj['action']);
  if (!action) {
    fail(ctx, `${path}.action`, `${obj['action'] === undefined ? 'required value' : `unsupported value ${JSON.stringify(obj['action'])}`}: supported values: Allow, Deny, Log, Pass`);
  }
  const ipVersion = readInt(ctx, obj['ipVersion'], `${path}.ipVersion`);
  if (ipVersion !== undefined && ipVersion !== 4 && ipVersion !== 6) fail(ctx, `${path}.ipVersion`, 'must be 4 or 6');
  const protocol = parseCalicoProtocol(ctx, obj['protocol'], `${path}.protocol`);
  const notProtocol = parseCalicoProtocol(ctx, obj['notProtocol'], `${path}.notProtocol`);
  const icmp = readIcmp(ctx, obj['icmp'], `${path}.icmp`);
  const notICMP = readIcmp(ctx, obj['notICMP'], `${path}.notICMP`);
  const source = readEntity(ctx, obj['source'], `${path}.source`, policyNamespace);
  const destination = readEntity(ctx, obj['destination'], `${path}.destination`, policyNamespace);
  checkIcmpAndVersion(ctx, path, protocol, notProtocol, ipVersion);
  if (icmp && protocol !== 1 && protocol !== 58) fail(ctx, `${path}.icmp`, 'ICMP fields require protocol to be ICMP or ICMPv6');
  if (notICMP && protocol !== 1 && protocol !== 58) warn(ctx, `${path}.notICMP`, 'notICMP without protocol ICMP/ICMPv6 never matches a non-ICMP packet');
  if (source && destination) {
    checkPorts(ctx, path, protocol, source.entity, destination.entity);
    if (destination.entity.services && (destination.entity.ports || destination.entity.notPorts)) {
      fail(ctx, `${path}.destination`, 'ports and notPorts cannot be specified with services');
    }
  }
  const http = readHttp(ctx, obj['http'], `${path}.http`, action, protocol);
  if (errorCount(ctx) > before || !action || !source || !destination) return undefined;
  const v6 = checkFamilies(ctx, path, ipVersion, [source.nets, source.notNets, destination.nets, destination.notNets]);
  if (v6 === undefined) return undefined;
  return {
    action,
    ...(ipVersion === 4 || ipVersion === 6 ? { ipVersion } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
    ...(notProtocol !== undefined ? { notProtocol } : {}),
    ...(icmp ? { icmp } : {}),
    ...(notICMP ? { notICMP } : {}),
    source: source.entity,
    destination: destination.entity,
    ipv4: ipVersion !== 6 && !v6,
    ...(http ? { http } : {}),
    origin: lazyOrigin(ctx, path),
  };
}

function checkIcmpAndVersion(
  ctx: ReadCtx,
  path: string,
  protocol: number | undefined,
  notProtocol: number | undefined,
  ipVersion: number | undefined,
): void {
  if (ipVersion === undefined) return;
  for (const [p, field] of [[protocol, 'protocol'], [notProtocol, 'notProtocol']] as const) {
    if (p === 1 && ipVersion !== 4) fail(ctx, `${path}.${field}`, 'protocol ICMP requires ipVersion 4');
    if (p === 58 && ipVersion !== 6) fail(ctx, `${path}.${field}`, 'protocol ICMPv6 requires ipVersion 6');
  }
}

function readIcmp(ctx: ReadCtx, v: JsonValue | undefined, path: string): IcmpMatch | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  checkFields(ctx, obj, ['type', 'code'], path);
  const type = readInt(ctx, obj['type'], `${path}.type`);
  const code = readInt(ctx, obj['code'], `${path}.code`);
  if (type !== undefined && (type < 0 || type > 254)) fail(ctx, `${path}.type`, 'must be between 0 and 254');
  if (code !== undefined && (code < 0 || code > 255)) fail(ctx, `${path}.code`, 'must be between 0 and 255');
  if (code !== undefined && type === undefined) fail(ctx, `${path}.code`, 'ICMP code specified without an ICMP type');
  if (type === undefined) return undefined;
  return code !== undefined ? { type, code } : { type };
}

interface ReadEntity {
  readonly entity: DraftEntity;
  readonly nets?: readonly NetResult[];
  readonly notNets?: readonly NetResult[];
}
type NetResult = { readonly v4: Cidr } | { readonly v6: true };

function readEntity(ctx: ReadCtx, v: JsonValue | undefined, path: string, ns: string | undefined): ReadEntity | undefined {
  const before = errorCount(ctx);
  const obj = readObject(ctx, v, path) ?? {};
  checkFields(ctx, obj, ENTITY_FIELDS, path);
  const nets = readNets(ctx, obj['nets'], `${path}.nets`, false);
  const notNets = readNets(ctx, obj['notNets'], `${path}.notNets`, true);
  const selector = readCalicoSelector(ctx, obj['selector'], `${path}.selector`);
  const notSelector = readCalicoSelector(ctx, obj['notSelector'], `${path}.notSelector`);
  const namespaceSelector = readCalicoSelector(ctx, obj['namespaceSelector'], `${path}.namespaceSelector`, 'alone');
  const ports = parseCalicoPorts(ctx, obj['ports'], `${path}.ports`);
  const notPorts = parseCalicoPorts(ctx, obj['notPorts'], `${path}.notPorts`);
  const serviceAccounts = readServiceAccounts(ctx, obj['serviceAccounts'], `${path}.serviceAccounts`);
  const services = readServices(ctx, obj['services'], `${path}.services`, ns);
  if (services) {
    const clash = (['namespaceSelector', 'serviceAccounts', 'selector', 'notSelector', 'nets', 'notNets'] as const).filter(
      (f) => obj[f] !== undefined && obj[f] !== null && obj[f] !== '' && !(Array.isArray(obj[f]) && obj[f].length === 0),
    );
    for (const f of clash) fail(ctx, `${path}.${f}`, `cannot specify ${f} and services on the same rule`);
  }
  if (errorCount(ctx) > before) return undefined;
  const v4 = (list: readonly NetResult[] | undefined): Cidr[] | undefined =>
    list === undefined ? undefined : list.flatMap((n) => ('v4' in n ? [n.v4] : []));
  const entity: DraftEntity = {
    ...(nets ? { nets: v4(nets) } : {}),
    ...(notNets ? { notNets: v4(notNets) } : {}),
    ...(selector ? { selector } : {}),
    ...(notSelector ? { notSelector } : {}),
    ...(namespaceSelector ? { namespaceSelector } : {}),
    ...(ports ? { ports } : {}),
    ...(notPorts ? { notPorts } : {}),
    ...(serviceAccounts ? { serviceAccounts } : {}),
    ...(services ? { services } : {}),
  };
  return { entity, ...(nets ? { nets } : {}), ...(notNets ? { notNets } : {}) };
}

function readNets(ctx: ReadCtx, v: JsonValue | undefined, path: string, negated: boolean): NetResult[] | undefined {
  const list = readStrings(ctx, v, path);
  if (!list || list.length === 0) return undefined;
  const out: NetResult[] = [];
  list.forEach((text, i) => {
    const n = parseNet(ctx, text, `${path}[${i}]`, { strict: true, allowIp: false });
    if (!n) return;
    // Strictly masked, so a /0 is the catch-all 0.0.0.0/0 or ::/0.
    if (negated && /\/0+$/.test(text)) {
      fail(ctx, `${path}[${i}]`, 'catch-all CIDR in negation creates logical contradiction (matches no traffic)');
      return;
    }
    out.push(n);
  });
  return out;
}

/** Family consistency (validateRule scanNets); returns whether the rule is IPv6-only, undefined on error. */
function checkFamilies(
  ctx: ReadCtx,
  path: string,
  ipVersion: number | undefined,
  fields: readonly (readonly NetResult[] | undefined)[],
): boolean | undefined {
  let v4 = false;
  let v6 = false;
  for (const f of fields) for (const n of f ?? []) ('v4' in n ? (v4 = true) : (v6 = true));
  if (v4 && v6) {
    fail(ctx, path, 'rule contains both IPv4 and IPv6 CIDRs');
    return undefined;
  }
  if (ipVersion !== undefined && ((v4 && ipVersion !== 4) || (v6 && ipVersion !== 6))) {
    fail(ctx, `${path}.ipVersion`, "rule IP version doesn't match CIDR version");
    return undefined;
  }
  return v6;
}

/** validateRule: numeric ports need a protocol that supports ports; a portless protocol takes no ports at all. */
function checkPorts(ctx: ReadCtx, path: string, protocol: number | undefined, src: DraftEntity, dst: DraftEntity): void {
  const lists: [PortMatch | undefined, string][] = [
    [src.ports, 'source.ports'],
    [src.notPorts, 'source.notPorts'],
    [dst.ports, 'destination.ports'],
    [dst.notPorts, 'destination.notPorts'],
  ];
  for (const [m, field] of lists) {
    if (!m) continue;
    if (protocol === undefined && m.ranges.length > 0) {
      fail(ctx, `${path}.${field}`, 'rules that specify numeric ports or port ranges must specify a protocol (TCP, UDP or SCTP)');
    } else if (protocol !== undefined && !supportsPorts(protocol)) {
      fail(ctx, `${path}.${field}`, 'protocol does not support ports (only TCP, UDP and SCTP do)');
    }
  }
}

function readServiceAccounts(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
): { names: string[]; selector?: string } | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  checkFields(ctx, obj, ['names', 'selector'], path);
  const names = readStrings(ctx, obj['names'], `${path}.names`) ?? [];
  const selector = readCalicoSelector(ctx, obj['selector'], `${path}.selector`);
  return { names, ...(selector ? { selector } : {}) };
}

function readServices(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
  ns: string | undefined,
): { name: string; namespace: string } | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  checkFields(ctx, obj, ['name', 'namespace'], path);
  const name = readString(ctx, obj['name'], `${path}.name`);
  const namespace = readString(ctx, obj['namespace'], `${path}.namespace`);
  if (!name) {
    fail(ctx, `${path}.name`, 'services must specify a service name');
    return undefined;
  }
  if (!namespace && ns === undefined) {
    warn(ctx, `${path}.namespace`, 'no namespace given in a global policy: the Service is looked up in namespace "default"');
  }
  return { name, namespace: namespace || ns || 'default' };
}

function readHttp(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
  action: RuleAction | undefined,
  protocol: number | undefined,
): { methods: string[]; paths: string[] } | undefined {
  const obj = readObject(ctx, v, path);
  if (!obj) return undefined;
  checkFields(ctx, obj, ['methods', 'paths'], path);
  if (action !== 'Allow') fail(ctx, path, 'HTTP match is only valid on Allow rules');
  if (protocol !== undefined && protocol !== 6) fail(ctx, path, 'rules with HTTP match must have protocol TCP or unset');
  const methods = readStrings(ctx, obj['methods'], `${path}.methods`) ?? [];
  const paths: string[] = [];
  (readArray(ctx, obj['paths'], `${path}.paths`) ?? []).forEach((p, i) => {
    const po = readObject(ctx, p, `${path}.paths[${i}]`);
    if (!po) return;
    checkFields(ctx, po, ['exact', 'prefix'], `${path}.paths[${i}]`);
    const exact = readString(ctx, po['exact'], `${path}.paths[${i}].exact`);
    const prefix = readString(ctx, po['prefix'], `${path}.paths[${i}].prefix`);
    if ((exact === undefined) === (prefix === undefined)) fail(ctx, `${path}.paths[${i}]`, 'exactly one of exact or prefix');
    else paths.push(exact !== undefined ? `exact:${exact}` : `prefix:${prefix}`);
  });
  warn(ctx, path, 'HTTP match is enforced only by the application-layer policy integration, not by Felix; calisim ignores it');
  return { methods, paths };
}
