// emit: a hardware load balancer's configuration as F5 BIG-IP runs it — an AS3 declaration (schema 3.56):
// tenant `calisim`, one Application per balancer, a Service_TCP per VIP (TLS passes through to ingress-nginx),
// one Pool of NodePort members (the management hosts' addresses) with the model's method, and the health
// monitor. Names are AS3 identifiers; defaults left implicit are AS3's own (interval 5 s, timeout 16 s).
import type { LoadBalancerSpec } from '../../scenario/types.js';
import type { JsonObject } from '../../scenario/types.js';

/** The AS3 version whose schema the declaration follows (../shared/reference/f5-as3). */
export const AS3_SCHEMA_VERSION = '3.56.0';

/** The model's method as AS3's Pool.loadBalancingMode; source-hash is round robin with source-address persistence. */
const MODES: Readonly<Record<LoadBalancerSpec['algorithm'], string>> = {
  'round-robin': 'round-robin',
  'least-connections': 'least-connections-member',
  ratio: 'ratio-member',
  'source-hash': 'round-robin',
};

/** An AS3 identifier: letters, digits and underscores, starting with a letter. */
export function as3Name(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `lb_${s}`;
}

/**
 * The AS3 request declaring balancer `lb`; `addressOf` resolves a member's host (a management host name, or
 * an address as written) to its address.
 */
export function as3Declaration(lb: LoadBalancerSpec, addressOf: (host: string) => string): JsonObject {
  const pool = 'ingress_pool';
  const monitor = 'ingress_monitor';
  const byPort = new Map<number, string[]>();
  for (const m of lb.members) byPort.set(m.port, [...(byPort.get(m.port) ?? []), addressOf(m.host)]);
  const app: JsonObject = { class: 'Application' };
  for (const vip of lb.vips) {
    app[`vs_${vip.address.replace(/[^0-9A-Za-z]/g, '_')}_${vip.port}`] = {
      class: vip.protocol === 'UDP' ? 'Service_UDP' : 'Service_TCP',
      virtualAddresses: [vip.address],
      virtualPort: vip.port,
      pool,
      snat: lb.snat ? 'auto' : 'none',
      // Service_TCP persists by source address unless told otherwise (AS3's default persistenceMethods).
      persistenceMethods: lb.algorithm === 'source-hash' ? ['source-address'] : [],
    };
  }
  app[pool] = {
    class: 'Pool',
    loadBalancingMode: MODES[lb.algorithm],
    monitors: [{ use: monitor }],
    members: [...byPort].map(([servicePort, serverAddresses]) => ({ servicePort, serverAddresses, shareNodes: true })),
  };
  const hc = lb.healthCheck;
  app[monitor] = {
    class: 'Monitor',
    monitorType: hc.protocol,
    interval: Math.round(hc.interval / 1000),
    timeout: Math.round(hc.timeout / 1000),
    targetPort: hc.port,
    ...(hc.protocol === 'tcp' ? {} : { send: `GET ${hc.path} HTTP/1.0\r\n\r\n`, receive: 'HTTP/1.[01] 200' }),
  };
  return {
    class: 'AS3',
    action: 'deploy',
    persist: true,
    declaration: { class: 'ADC', schemaVersion: AS3_SCHEMA_VERSION, id: `calisim-${as3Name(lb.name)}`, calisim: { class: 'Tenant', [as3Name(lb.name)]: app } },
  };
}
