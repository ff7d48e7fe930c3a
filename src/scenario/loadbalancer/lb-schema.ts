// scenario: schema of `platform.loadBalancers[]` — BIG-IP virtual servers, pools, members (NodePort mode, or
// cluster mode's pod endpoints), monitors, method, priority groups, SNAT and the HA pair — read into
// LoadBalancerSpec with F5's documented defaults; or, with `kind: metallb`, MetalLB's mode, address pool and
// BGP peers (metallb-schema.ts). `mode` is the kind's own: nodeport|cluster for F5, l2|bgp for MetalLB.
import { dnsSubdomain, ipv4 } from '../schema/formats.js';
import { errorAt } from '../provenance.js';
import { def, duration, int, list, obj, oneOf, opt, port, req, str, type At, type Rec } from '../schema/schema.js';
import type { Ctx } from '../provenance.js';
import { F5_FIELDS, METALLB_FIELDS, metallbPeerSchema, poolAddress } from './metallb-schema.js';
import { CLUSTER_FIELDS, cisSchema, clusterRecord, F5_MODES, checkMode } from './f5-cluster-schema.js';

/** Pool.loadBalancingMode values the model runs (AS3 schema 3.56 `Pool.loadBalancingMode`), plus source-address
 *  persistence over round robin (AS3 `persistenceMethods: [source-address]`). */
export const LB_METHODS = ['round-robin', 'least-connections-member', 'least-connections-node', 'ratio-member', 'source-address'] as const;

/**
 * A monitor. BIG-IP's http/https/tcp/gateway_icmp defaults: interval 5 s, timeout 16 s (F5 K-article
 * "Health monitor timeout": 3 × interval + 1); `port` 0 probes the member's own port (AS3 Monitor targetPort
 * default 0 = the member's). http's default send string is F5's `GET /\r\n` with an empty receive string.
 */
const monitorSchema = obj(
  {
    type: def(oneOf(['http', 'https', 'tcp', 'gateway-icmp']), 'http'),
    port: def(int(0, 65535), 0),
    send: def(str(), 'GET /\r\n'),
    receive: def(str(), ''),
    interval: def(duration, 5000),
    timeout: def(duration, 16000),
  },
  {
    noSrc: true,
    check: (o, at, ctx) => {
      // BIG-IP monitors count interval and timeout in whole seconds (ltm monitor `interval`, an integer ≥ 1).
      if (typeof o.interval === 'number' && o.interval < 1000) errorAt(ctx, at('interval'), 'interval must be at least 1s (BIG-IP monitors count whole seconds)');
      if (typeof o.interval === 'number' && typeof o.timeout === 'number' && o.timeout <= o.interval) {
        errorAt(ctx, at('timeout'), `timeout (${o.timeout / 1000}s) must be longer than interval (${o.interval / 1000}s)`);
      }
      if (o.type === 'gateway-icmp' && typeof o.port === 'number' && o.port !== 0) errorAt(ctx, at('port'), 'a gateway-icmp monitor pings the address: it has no port');
    },
  },
);

/** A VIP; `memberPort` sends it to the members at that port (its own pool, AS3 Pool_Member servicePort). */
const vipSchema = obj({ address: req(str(ipv4)), port: req(port), protocol: def(oneOf(['TCP', 'UDP']), 'TCP'), memberPort: opt(port) }, { noSrc: true });

/** A pool member: AS3 Pool_Member `ratio` (default 1) and `priorityGroup` (default 0). */
const memberSchema = obj(
  { host: req(str()), port: req(port), ratio: def(int(0, 100), 1), priorityGroup: def(int(0, 65535), 0) },
  { noSrc: true },
);

/** Priority group activation: AS3 Pool `minimumMembersActive` (BIG-IP min-active-members), default 1. */
const priorityGroupsSchema = obj({ minimumMembersActive: def(int(0, 65535), 1) }, { noSrc: true });

/** The standby unit of an HA pair; BIG-IP's failover.nettimeout default is 3 s. */
const haSchema = obj({ peer: req(str(dnsSubdomain)), failover: def(duration, 3000) }, { noSrc: true });

const f5 = (o: Rec): boolean => o.kind !== 'metallb';
/** A default that applies to one kind only, so a field written for the other kind can be reported. */
const only = (kind: (o: Rec) => boolean, value: unknown) => (o: Rec): unknown => (kind(o) ? (typeof value === 'function' ? (value as () => unknown)() : value) : undefined);
const metallb = (o: Rec): boolean => o.kind === 'metallb';
const cluster = (o: Rec): boolean => !metallb(o) && o.mode === 'cluster';
const DEFAULT_MONITOR = { type: 'http', port: 0, send: 'GET /\r\n', receive: '', interval: 5000, timeout: 16000 };

function checkKind(o: Rec, at: At, ctx: Ctx): void {
  const foreign = metallb(o) ? F5_FIELDS : METALLB_FIELDS;
  for (const f of foreign) {
    if (o[f] !== undefined) errorAt(ctx, at(f), `\`${f}\` is ${metallb(o) ? "an F5 field: a MetalLB balancer sends to the Service's endpoints through kube-proxy" : 'a MetalLB field: set `kind: metallb`'}`);
  }
  checkMode(o, at, ctx);
  if (!metallb(o) || !Array.isArray(o.peers)) return;
  if (o.mode === 'bgp' && o.peers.length === 0) errorAt(ctx, at('peers'), 'a MetalLB balancer in BGP mode needs at least one peer (a BGPPeer)');
  if (o.mode === 'l2' && o.peers.length > 0) errorAt(ctx, at('peers'), 'peers are for BGP mode: in L2 mode one node answers ARP for the VIP');
}

export const loadBalancerSchema = obj(
  {
    name: req(str(dnsSubdomain)),
    // MetalLB is the software alternative (metallb.universe.tf); F5 BIG-IP is the seed platform's device.
    kind: def(oneOf(['f5', 'metallb']), 'f5'),
    vips: req(list(vipSchema)),
    // Cluster mode: CIS writes the members (the ingress Service's ready endpoints), the scenario names none.
    members: def(list(memberSchema), only(f5, () => [])),
    method: def(oneOf(LB_METHODS), only(f5, 'round-robin')),
    priorityGroups: def(priorityGroupsSchema, only(f5, () => ({ minimumMembersActive: 1 }))),
    // AS3 Service_TCP `snat` defaults to `auto` (SNAT automap: the pool sees the balancer's self IP).
    snat: def(oneOf(['automap', 'none']), only(f5, 'automap')),
    monitors: def(list(monitorSchema), only(f5, () => [{ ...DEFAULT_MONITOR }])),
    ha: opt(haSchema),
    // F5: NodePort by default (CIS --pool-member-type default `nodeport`); MetalLB: L2 by default (it needs no
    // router: MetalLB docs "Layer 2 configuration"); the pool defaults to the VIPs themselves, each a /32
    // (IPAddressPool spec.addresses).
    mode: def(oneOf([...F5_MODES, 'l2', 'bgp']), (o: Rec) => (metallb(o) ? 'l2' : 'nodeport')),
    servicePort: def(port, (o: Rec) => (cluster(o) ? 443 : undefined)),
    cis: def(cisSchema, (o: Rec) => (cluster(o) ? { as3PostDelay: 0, nodePollInterval: 30_000 } : undefined)),
    addresses: def(list(str(poolAddress)), (o: Rec) => (metallb(o) && Array.isArray(o.vips) ? o.vips.map((v: Rec) => `${String(v.address)}/32`) : undefined)),
    peers: def(list(metallbPeerSchema), only(metallb, () => [])),
  },
  {
    check: (o, at, ctx) => {
      if (Array.isArray(o.vips) && o.vips.length === 0) errorAt(ctx, at('vips'), 'a load balancer needs at least one VIP');
      if (Array.isArray(o.monitors) && o.monitors.length === 0) errorAt(ctx, at('monitors'), 'a pool needs at least one monitor (leave the field out for the default http monitor)');
      checkKind(o, at, ctx);
    },
    build: (o) => (metallb(o) ? metallbRecord(o) : clusterRecord(o)),
  },
);

/** A MetalLB balancer: its own fields under `metallb`; the F5 ones empty (no pool, no monitor, no HA pair). */
function metallbRecord(o: Rec): Rec {
  const { mode, addresses, peers, ...rest } = o;
  for (const f of CLUSTER_FIELDS) delete rest[f];
  return { ...rest, members: [], method: 'round-robin', priorityGroups: { minimumMembersActive: 1 }, snat: 'none', monitors: [], metallb: { mode, addresses, peers } };
}
