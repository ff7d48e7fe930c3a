// emit: a hardware load balancer's configuration as F5 BIG-IP runs it — an AS3 declaration (schema 3.56):
// tenant `calisim`, one Application per balancer, a Service_TCP per VIP (TLS passes through to ingress-nginx),
// one Pool of NodePort members (the management hosts' addresses; a VIP with its own member port points at a
// pool of the same members at that port) or, in cluster mode, of the pods CIS lists (pod IPs, target port),
// with the model's method, and the health monitor. Names are AS3 identifiers;
// defaults left implicit are AS3's own (interval 5 s, timeout 16 s).
import type { LbMethod, LbMonitorSpec, LoadBalancerSpec } from '../../scenario/types.js';
import type { JsonObject } from '../../scenario/types.js';

/** The AS3 version whose schema the declaration follows (../shared/reference/f5-as3). */
export const AS3_SCHEMA_VERSION = '3.56.0';

/** The model's method as AS3's Pool.loadBalancingMode; source-address is round robin with source-address persistence. */
const MODES: Readonly<Record<LbMethod, string>> = {
  'round-robin': 'round-robin',
  'least-connections-member': 'least-connections-member',
  'least-connections-node': 'least-connections-node',
  'ratio-member': 'ratio-member',
  'source-address': 'round-robin',
};

/** The model's monitor type as AS3's Monitor.monitorType (BIG-IP's gateway_icmp is AS3's `icmp`). */
const MONITOR_TYPES: Readonly<Record<LbMonitorSpec['type'], string>> = { http: 'http', https: 'https', tcp: 'tcp', 'gateway-icmp': 'icmp' };

/** An AS3 identifier: letters, digits and underscores, starting with a letter. */
export function as3Name(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `lb_${s}`;
}

/**
 * The Pool metadata of a cluster-mode balancer: its member type and CIS's settings, which AS3 itself does not
 * hold (CIS flags), so the declaration reads back as the same balancer (AS3 Pool `metadata`, values strings).
 */
export function clusterMetadata(lb: LoadBalancerSpec): JsonObject | undefined {
  const c = lb.cluster;
  if (!c) return undefined;
  const seconds = (ms: number): string => `${ms / 1000}s`;
  return { poolMemberType: { value: 'cluster' }, servicePort: { value: String(c.servicePort) }, as3PostDelay: { value: seconds(c.as3PostDelay) }, nodePollInterval: { value: seconds(c.nodePollInterval) } };
}

/**
 * The AS3 request declaring balancer `lb`; `addressOf` resolves a member's host (a management host name, or
 * an address as written) to its address. A cluster-mode balancer's members are `pods`, the pod members its
 * pool lists at the instant written (address and target port, as CIS declares them).
 */
export function as3Declaration(lb: LoadBalancerSpec, addressOf: (host: string) => string, pods: readonly { address: string; port: number }[] = []): JsonObject {
  const pool = 'ingress_pool';
  const monitorName = (i: number): string => (i === 0 ? 'ingress_monitor' : `ingress_monitor_${i + 1}`);
  // Members sharing port, ratio and priority group are one AS3 member entry with several addresses.
  const groups = new Map<string, { servicePort: number; ratio: number; priorityGroup: number; serverAddresses: string[] }>();
  const members = lb.cluster ? pods.map((p) => ({ address: p.address, port: p.port, ratio: 1, priorityGroup: 0 })) : lb.members.map((m) => ({ ...m, address: addressOf(m.host) }));
  for (const m of members) {
    const key = `${m.port}/${m.ratio}/${m.priorityGroup}`;
    const g = groups.get(key) ?? { servicePort: m.port, ratio: m.ratio, priorityGroup: m.priorityGroup, serverAddresses: [] };
    g.serverAddresses.push(m.address);
    groups.set(key, g);
  }
  const metadata = clusterMetadata(lb);
  const app: JsonObject = { class: 'Application' };
  // AS3 points each virtual server at a pool: a VIP with its own member port gets a pool of the same members at that port.
  const poolOf = (memberPort: number | undefined): string => (memberPort === undefined ? pool : `${pool}_${memberPort}`);
  for (const vip of lb.vips) {
    app[`vs_${vip.address.replace(/[^0-9A-Za-z]/g, '_')}_${vip.port}`] = {
      class: vip.protocol === 'UDP' ? 'Service_UDP' : 'Service_TCP',
      virtualAddresses: [vip.address],
      virtualPort: vip.port,
      pool: poolOf(vip.memberPort),
      snat: lb.snat === 'automap' ? 'auto' : 'none',
      // Service_TCP persists by source address unless told otherwise (AS3's default persistenceMethods).
      persistenceMethods: lb.method === 'source-address' ? ['source-address'] : [],
    };
  }
  const poolObject = (servicePort: number | undefined): JsonObject => ({
    class: 'Pool',
    loadBalancingMode: MODES[lb.method],
    minimumMembersActive: lb.priorityGroups.minimumMembersActive,
    monitors: lb.monitors.map((_, i) => ({ use: monitorName(i) })),
    members: [...groups.values()].map((g) => ({ ...g, ...(servicePort === undefined ? {} : { servicePort }), shareNodes: true })),
    ...(metadata ? { metadata } : {}),
  });
  // The members' own pool is always written (read back as the balancer's members), then one per VIP member port.
  app[pool] = poolObject(undefined);
  for (const p of new Set(lb.vips.flatMap((v) => (v.memberPort === undefined ? [] : [v.memberPort])))) app[poolOf(p)] = poolObject(p);
  lb.monitors.forEach((m, i) => {
    app[monitorName(i)] = {
      class: 'Monitor',
      monitorType: MONITOR_TYPES[m.type],
      interval: Math.round(m.interval / 1000),
      timeout: Math.round(m.timeout / 1000),
      ...(m.type === 'gateway-icmp' ? {} : { targetPort: m.port }),
      ...(m.type === 'http' || m.type === 'https' ? { send: m.send, receive: m.receive } : {}),
    };
  });
  return {
    class: 'AS3',
    action: 'deploy',
    persist: true,
    declaration: { class: 'ADC', schemaVersion: AS3_SCHEMA_VERSION, id: `calisim-${as3Name(lb.name)}`, calisim: { class: 'Tenant', [as3Name(lb.name)]: app } },
  };
}
