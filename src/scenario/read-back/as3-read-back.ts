// scenario: an F5 AS3 declaration written by `calisim manifests` (loadbalancers/NAME.as3.json) read back into a
// platform.loadBalancers entry — the Service_TCP/UDP virtual servers as VIPs (one pointing at another pool of
// the same members at one port: its memberPort), the Pool's members, method,
// minimum active members and monitors, SNAT — with AS3's documented defaults for what it leaves out. Anything
// else in the declaration is reported as not read back, never silently dropped.
import type { FieldPart } from '../../lib/diagnostics.js';
import { INGRESS_SERVICE_PORTS } from '../loadbalancer/f5-cluster-schema.js';
import { LB_METHODS, loadBalancerSchema } from '../loadbalancer/lb-schema.js';
import { joinPath, locatorOf, toJson, type PValue } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import { fieldSchema, readBackValue } from './read-back-field.js';
import { duration, type Schema } from '../schema/schema.js';
import type { F5ClusterSpec, JsonObject, JsonValue, LbMemberSpec, LbVipSpec, LbMethod, LbMonitorSpec, LoadBalancerSpec, Locator } from '../types.js';

/** The pool as3-declaration.ts writes the balancer's members to. */
const BASE_POOL = 'ingress_pool';

const isObject = (v: JsonValue | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: JsonValue | undefined, fallback: number): number => (typeof v === 'number' ? v : fallback);
const text = (v: JsonValue | undefined, fallback: string): string => (typeof v === 'string' ? v : fallback);

/** AS3 Monitor.monitorType → the model's monitor type (AS3's `icmp` is BIG-IP's gateway_icmp). */
const MONITOR_TYPES: Readonly<Record<string, LbMonitorSpec['type']>> = { http: 'http', https: 'https', tcp: 'tcp', icmp: 'gateway-icmp' };

/** The properties of each AS3 class the read-back understands (AS3 schema 3.56). */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  AS3: ['class', 'action', 'persist', 'declaration'],
  ADC: ['class', 'schemaVersion', 'id', 'label', 'remark'],
  Tenant: ['class'],
  Application: ['class'],
  Service_TCP: ['class', 'virtualAddresses', 'virtualPort', 'pool', 'snat', 'persistenceMethods'],
  Service_UDP: ['class', 'virtualAddresses', 'virtualPort', 'pool', 'snat', 'persistenceMethods'],
  Pool: ['class', 'loadBalancingMode', 'minimumMembersActive', 'monitors', 'members', 'metadata'],
  Pool_Member: ['servicePort', 'ratio', 'priorityGroup', 'serverAddresses', 'shareNodes'],
  Monitor: ['class', 'monitorType', 'interval', 'timeout', 'targetPort', 'send', 'receive'],
};

/** A pool member's field rule in the scenario (lb-schema.ts: a port, a ratio 0..100, a priority group). */
const member = (name: string): Schema => {
  const members = fieldSchema(loadBalancerSchema, 'members');
  return fieldSchema(members.t === 'list' ? members.of : members, name);
};
/** A VIP's port rule in the scenario. */
const VIP_PORT: Schema = (() => {
  const vips = fieldSchema(loadBalancerSchema, 'vips');
  return fieldSchema(vips.t === 'list' ? vips.of : vips, 'port');
})();

/** A number of the declaration at `path` by the scenario's rule `s` (an error at the field when it does not fit); `fallback` when absent. */
function checked(r: Reader, s: Schema, v: JsonValue | undefined, path: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = readBackValue(s, v, r.locate(path), path, r.ctx);
  return typeof n === 'number' ? n : fallback;
}

interface Reader {
  readonly ctx: Ctx;
  readonly locate: Locator;
  /** A warning at `path`'s value, or at its key with `part` 'key'. */
  warn(path: string, message: string, part?: FieldPart): void;
}

/** Warns about every property of `o` (an AS3 object of class `cls`) the read-back does not use, at its key. */
function unknownFields(r: Reader, o: JsonObject, cls: string, path: string, nested = false): void {
  for (const k of Object.keys(o)) {
    if (KNOWN[cls]!.includes(k) || (nested && isObject(o[k]))) continue;
    r.warn(joinPath(path, k), `AS3 ${cls} property ${k} is not read back`, 'key');
  }
}

/**
 * The balancers of AS3 declaration `doc` read from `file`: one per Application, named `name` when the file holds
 * one (the file's name: AS3 identifiers cannot hold a dash). `hostOf` turns a member address back into the
 * management host that has it (the address itself otherwise).
 */
export function readAs3Declaration(doc: PValue, file: string, name: string, hostOf: (address: string) => string, ctx: Ctx): LoadBalancerSpec[] {
  const loc = locatorOf(doc);
  const r: Reader = { ctx, locate: loc, warn: (path, message, part) => ctx.sink.warn(loc(path, part), path, `${file}: ${message}`) };
  const top = toJson(doc);
  if (!isObject(top) || top['class'] !== 'AS3' || !isObject(top['declaration'])) {
    r.warn('', 'not an AS3 declaration (class AS3 with a declaration): no load balancer read back');
    return [];
  }
  unknownFields(r, top, 'AS3', '');
  const adc = top['declaration'];
  unknownFields(r, adc, 'ADC', 'declaration', true);
  const apps: { path: string; app: JsonObject; name: string }[] = [];
  for (const [tn, tenant] of Object.entries(adc)) {
    if (!isObject(tenant)) continue;
    const tp = joinPath('declaration', tn);
    if (tenant['class'] !== 'Tenant') {
      r.warn(tp, `AS3 ${String(tenant['class'])} ${tn} is not read back`);
      continue;
    }
    unknownFields(r, tenant, 'Tenant', tp, true);
    for (const [an, app] of Object.entries(tenant)) {
      if (!isObject(app)) continue;
      if (app['class'] === 'Application') apps.push({ path: joinPath(tp, an), app, name: an });
      else r.warn(joinPath(tp, an), `AS3 ${String(app['class'])} ${an} is not read back`);
    }
  }
  return apps.map((a) => readApplication(r, a.app, a.path, apps.length === 1 ? name : a.name, hostOf));
}

function readApplication(r: Reader, app: JsonObject, path: string, name: string, hostOf: (address: string) => string): LoadBalancerSpec {
  unknownFields(r, app, 'Application', path, true);
  const vips: { vip: LbVipSpec; pool: string; at: string }[] = [];
  let firstPool: string | undefined;
  let persistence: readonly JsonValue[] = [];
  let snat: LoadBalancerSpec['snat'] = 'automap';
  for (const [key, item] of Object.entries(app)) {
    if (!isObject(item)) continue;
    const p = joinPath(path, key);
    const cls = String(item['class']);
    if (cls !== 'Service_TCP' && cls !== 'Service_UDP') {
      if (cls !== 'Pool' && cls !== 'Monitor') r.warn(p, `AS3 ${cls} ${key} is not read back`);
      continue;
    }
    unknownFields(r, item, cls, p);
    const pool = text(item['pool'], '');
    firstPool ??= pool;
    // Service_TCP defaults: persistenceMethods [source-address], snat auto (AS3 schema 3.56).
    persistence = Array.isArray(item['persistenceMethods']) ? item['persistenceMethods'] : ['source-address'];
    const s = text(item['snat'], 'auto');
    if (s !== 'auto' && s !== 'none') r.warn(joinPath(p, 'snat'), `snat ${s} is read as auto (the model has SNAT automap or none)`);
    snat = s === 'none' ? 'none' : 'automap';
    const addresses = Array.isArray(item['virtualAddresses']) ? item['virtualAddresses'] : [];
    const port = checked(r, VIP_PORT, item['virtualPort'], joinPath(p, 'virtualPort'), 0);
    for (const address of addresses) if (typeof address === 'string') vips.push({ vip: { address, port, protocol: cls === 'Service_UDP' ? 'UDP' : 'TCP' }, pool, at: joinPath(p, 'pool') });
  }
  // The balancer's members are those of the pool calisim writes them to (ingress_pool), else of the first virtual server's.
  const poolName = isObject(app[BASE_POOL]) && app[BASE_POOL]['class'] === 'Pool' ? BASE_POOL : firstPool;
  const poolPath = joinPath(path, poolName ?? '');
  const pool = poolName === undefined ? undefined : app[poolName];
  if (!isObject(pool) || pool['class'] !== 'Pool') r.warn(poolPath, `no Pool ${poolName ?? ''} in the Application: the balancer has no members`);
  const p = isObject(pool) ? pool : {};
  if (isObject(pool)) unknownFields(r, pool, 'Pool', poolPath);
  const mode = text(p['loadBalancingMode'], 'round-robin');
  const known = (LB_METHODS as readonly string[]).includes(mode) && mode !== 'source-address';
  if (!known) r.warn(joinPath(poolPath, 'loadBalancingMode'), `loadBalancingMode ${mode} is not one the model runs; read as round-robin`);
  const base: LbMethod = known ? (mode as LbMethod) : 'round-robin';
  const method: LbMethod = base === 'round-robin' && persistence.includes('source-address') ? 'source-address' : base;
  const cluster = readClusterMode(r, p, poolPath);
  const members = cluster ? [] : readMembers(r, p, poolPath, hostOf);
  const ownPorts = new Map<string, number | undefined>();
  const vipOf = (v: { vip: LbVipSpec; pool: string; at: string }): LbVipSpec => {
    if (v.pool === poolName || poolName === undefined) return v.vip;
    if (!ownPorts.has(v.pool)) ownPorts.set(v.pool, memberPortOf(r, app, v.pool, joinPath(path, v.pool), members, hostOf));
    const memberPort = ownPorts.get(v.pool);
    if (memberPort === undefined) r.warn(v.at, `pool ${v.pool} is not ${poolName}'s members at one other port: the VIP is read as sending to ${poolName}`);
    return memberPort === undefined ? v.vip : { ...v.vip, memberPort };
  };
  return {
    name,
    kind: 'f5',
    ...(cluster ? { cluster } : {}),
    vips: vips.map(vipOf),
    // A cluster-mode pool's members are the pods CIS listed when the declaration was written, not configuration.
    members,
    method,
    priorityGroups: { minimumMembersActive: num(p['minimumMembersActive'], 1) },
    snat,
    monitors: readMonitors(r, app, p, path, poolPath),
    src: r.locate(path),
  };
}

/**
 * Cluster mode from the Pool's metadata (as3-declaration.ts clusterMetadata: the member type and CIS's flags,
 * which AS3 does not hold), each value checked by the scenario's rule; undefined for a NodePort pool.
 */
function readClusterMode(r: Reader, pool: JsonObject, poolPath: string): F5ClusterSpec | undefined {
  const meta = isObject(pool['metadata']) ? pool['metadata'] : {};
  const at = (key: string): string => joinPath(joinPath(joinPath(poolPath, 'metadata'), key), 'value');
  const value = (key: string): JsonValue | undefined => (isObject(meta[key]) ? meta[key]['value'] : undefined);
  for (const k of Object.keys(meta)) if (!['poolMemberType', 'servicePort', 'as3PostDelay', 'nodePollInterval'].includes(k)) r.warn(joinPath(joinPath(poolPath, 'metadata'), k), `Pool metadata ${k} is not read back`, 'key');
  if (value('poolMemberType') !== 'cluster') return undefined;
  const port = Number(value('servicePort') ?? 443);
  if (!(INGRESS_SERVICE_PORTS as readonly number[]).includes(port)) r.ctx.sink.error(r.locate(at('servicePort')), at('servicePort'), `${String(value('servicePort'))} is not a port of the ingress controller's Service (${INGRESS_SERVICE_PORTS.join(' or ')})`);
  const time = (key: string, fallback: number): number => {
    const v = value(key);
    const ms = v === undefined ? fallback : readBackValue(duration, v, r.locate(at(key)), at(key), r.ctx);
    return typeof ms === 'number' ? ms : fallback;
  };
  return { servicePort: port, as3PostDelay: time('as3PostDelay', 0), nodePollInterval: time('nodePollInterval', 30_000) };
}

/**
 * A VIP's own member port: the port of pool `name` when it lists the balancer's `members` (hosts, ratios and
 * priority groups, in order) all at one port (as3-declaration.ts writes it so); undefined otherwise.
 */
function memberPortOf(r: Reader, app: JsonObject, name: string, at: string, members: readonly LbMemberSpec[], hostOf: (address: string) => string): number | undefined {
  const pool = app[name];
  if (!isObject(pool) || pool['class'] !== 'Pool') return undefined;
  unknownFields(r, pool, 'Pool', at);
  const own = readMembers(r, pool, at, hostOf);
  const ports = new Set(own.map((m) => m.port));
  const same = own.length === members.length && own.every((m, i) => m.host === members[i]!.host && m.ratio === members[i]!.ratio && m.priorityGroup === members[i]!.priorityGroup);
  return same && ports.size === 1 ? [...ports][0] : undefined;
}

function readMembers(r: Reader, pool: JsonObject, poolPath: string, hostOf: (address: string) => string): LbMemberSpec[] {
  const members = Array.isArray(pool['members']) ? pool['members'] : [];
  return members.flatMap((m, i) => {
    if (!isObject(m)) return [];
    unknownFields(r, m, 'Pool_Member', `${joinPath(poolPath, 'members')}[${i}]`);
    const addresses = Array.isArray(m['serverAddresses']) ? m['serverAddresses'] : [];
    const at = `${joinPath(poolPath, 'members')}[${i}]`;
    const port = checked(r, member('port'), m['servicePort'], joinPath(at, 'servicePort'), 0);
    const ratio = checked(r, member('ratio'), m['ratio'], joinPath(at, 'ratio'), 1);
    const priorityGroup = checked(r, member('priorityGroup'), m['priorityGroup'], joinPath(at, 'priorityGroup'), 0);
    return addresses.filter((a): a is string => typeof a === 'string').map((a) => ({ host: hostOf(a), port, ratio, priorityGroup }));
  });
}

/** The pool's monitors in order; BIG-IP's defaults (interval 5 s, timeout 16 s, http send `GET /\r\n`) where left out. */
function readMonitors(r: Reader, app: JsonObject, pool: JsonObject, appPath: string, poolPath: string): LbMonitorSpec[] {
  const uses = Array.isArray(pool['monitors']) ? pool['monitors'] : [];
  return uses.flatMap((u, i) => {
    const use = isObject(u) ? u['use'] : undefined;
    const m = typeof use === 'string' ? app[use] : undefined;
    if (typeof use !== 'string' || !isObject(m) || m['class'] !== 'Monitor') {
      r.warn(`${joinPath(poolPath, 'monitors')}[${i}]`, 'only monitors declared in the same Application (`use`) are read back');
      return [];
    }
    const mp = joinPath(appPath, use);
    unknownFields(r, m, 'Monitor', mp);
    const type = MONITOR_TYPES[text(m['monitorType'], 'http')];
    if (type === undefined) {
      r.warn(joinPath(mp, 'monitorType'), `monitorType ${String(m['monitorType'])} is not one the model runs; the monitor is not read back`);
      return [];
    }
    return [{ type, port: num(m['targetPort'], 0), send: text(m['send'], 'GET /\r\n'), receive: text(m['receive'], ''), interval: num(m['interval'], 5) * 1000, timeout: num(m['timeout'], 16) * 1000 }];
  });
}
