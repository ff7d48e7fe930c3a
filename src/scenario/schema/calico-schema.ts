// scenario: schema of a cluster's `calico` block — IP pools (projectcalico.org/v3 IPPool rules), external
// BGP peers with their announcements, route reflectors, IPAM and BGPConfiguration settings.
import { cidrsOverlap, parseCidr } from '../../lib/ipv4.js';
import { cidr, community, dnsSubdomain, ipv4 } from './formats.js';
import { errorAt, type Ctx } from '../provenance.js';
import { asn, bool, def, duration, int, list, many, obj, oneOf, opt, req, selector, str, type At, type Rec } from './schema.js';

export const ENCAP_MODES = ['Always', 'CrossSubnet', 'Never'] as const;
export const ALLOWED_USES = ['Workload', 'Tunnel', 'LoadBalancer'] as const;
const LINK_LOCAL = parseCidr('169.254.0.0/16');

/** IPPool rules of libcalico-go validateIPPoolSpec / CEL (calico-semantics.md §4). */
function checkPool(o: Rec, at: At, ctx: Ctx): void {
  const ipip = o.ipipMode as string | undefined;
  const vxlan = o.vxlanMode as string | undefined;
  if (ipip !== undefined && vxlan !== undefined && ipip !== 'Never' && vxlan !== 'Never') {
    errorAt(ctx, at('vxlanMode'), 'ipipMode and vxlanMode cannot both be enabled on one pool');
  }
  const c = typeof o.cidr === 'string' ? parseCidr(o.cidr) : undefined;
  const block = o.blockSize as number | undefined;
  if (c !== undefined && block !== undefined && o.disabled !== true && c.len > block) {
    errorAt(ctx, at('cidr'), `pool prefix /${c.len} is longer than its block size ${block} (the pool must hold at least one block)`);
  }
  if (c !== undefined && LINK_LOCAL !== undefined && cidrsOverlap(c, LINK_LOCAL)) {
    errorAt(ctx, at('cidr'), `${String(o.cidr)} overlaps the link-local range 169.254.0.0/16`);
  }
  const uses = (o.allowedUses as string[] | undefined) ?? [];
  if (uses.length === 0 && Array.isArray(o.allowedUses)) errorAt(ctx, at('allowedUses'), 'allowedUses must not be empty');
  if (uses.includes('LoadBalancer')) {
    if (uses.length > 1) errorAt(ctx, at('allowedUses'), 'LoadBalancer cannot be combined with Workload or Tunnel');
    if (ipip !== 'Never' || vxlan !== 'Never') errorAt(ctx, at('allowedUses'), 'a LoadBalancer pool cannot use IPIP or VXLAN');
    if (o.disableBGPExport === true) errorAt(ctx, at('disableBGPExport'), 'a LoadBalancer pool cannot disable BGP export');
    if (o.nodeSelector !== 'all()') errorAt(ctx, at('nodeSelector'), 'a LoadBalancer pool must have nodeSelector all()');
  }
}

export const ipPoolSchema = obj(
  {
    name: req(str(dnsSubdomain)),
    cidr: req(str(cidr)),
    blockSize: def(int(20, 32, 'block size'), 26),
    ipipMode: def(oneOf(ENCAP_MODES), 'Never'),
    vxlanMode: def(oneOf(ENCAP_MODES), 'Never'),
    natOutgoing: def(bool, false),
    disabled: def(bool, false),
    disableBGPExport: def(bool, false),
    nodeSelector: def(selector, 'all()'),
    allowedUses: def(list(oneOf(ALLOWED_USES)), () => ['Workload', 'Tunnel']),
  },
  { check: checkPool },
);

const announcementSchema = obj({
  prefix: req(str(cidr)),
  asPath: many(asn),
  origin: def(oneOf(['igp', 'egp', 'incomplete']), 'igp'),
  med: opt(int(0, 4294967295)),
  localPref: opt(int(0, 4294967295)),
  communities: many(str(community)),
  originatorId: opt(str(ipv4)),
  clusterList: many(str(ipv4)),
});

/** BGPPeer: node and nodeSelector are exclusive; RFC 4271 §4.2: hold time is 0 or at least 3 s. */
function checkPeer(o: Rec, at: At, ctx: Ctx): void {
  if (o.node !== undefined && o.nodeSelector !== undefined) {
    errorAt(ctx, at('nodeSelector'), 'node and nodeSelector are mutually exclusive');
  }
  const hold = o.holdTime as number | undefined;
  if (hold !== undefined && hold !== 0 && hold < 3000) errorAt(ctx, at('holdTime'), 'holdTime must be 0 or at least 3s (RFC 4271)');
  const keep = o.keepaliveTime as number | undefined;
  if (hold !== undefined && keep !== undefined && hold !== 0 && keep >= hold) {
    errorAt(ctx, at('keepaliveTime'), 'keepaliveTime must be shorter than holdTime');
  }
}

export const peerSchema = obj(
  {
    name: req(str(dnsSubdomain)),
    peerIP: req(str(ipv4)),
    asNumber: req(asn),
    routerId: opt(str(ipv4)),
    node: opt(str()),
    nodeSelector: opt(selector),
    keepaliveTime: opt(duration),
    holdTime: opt(duration),
    announce: many(announcementSchema),
  },
  { check: checkPeer },
);

const routeReflectorSchema = obj({
  nodes: req(list(str())),
  // Calico's docs use 244.0.0.1 as the example cluster ID; any IPv4-formatted value works.
  clusterId: def(str(ipv4), '244.0.0.1'),
});

/** The vethMtu override is 0 (auto) or a real MTU. */
function checkCalico(o: Rec, at: At, ctx: Ctx): void {
  const mtu = o.vethMtu as number | undefined;
  if (mtu !== undefined && mtu !== 0 && mtu < 576) errorAt(ctx, at('vethMtu'), `${mtu} is not 0 (auto) nor an MTU in 576..9216`);
}

export const calicoSchema = obj(
  {
    asNumber: def(asn, 64512),
    nodeToNodeMeshEnabled: def(bool, true),
    routeReflectors: opt(routeReflectorSchema),
    peers: many(peerSchema),
    ipPools: many(ipPoolSchema),
    strictAffinity: def(bool, false),
    maxBlocksPerHost: def(int(0, 1_000_000), 0),
    serviceClusterIPs: many(str(cidr)),
    serviceExternalIPs: many(str(cidr)),
    serviceLoadBalancerIPs: many(str(cidr)),
    vethMtu: def(int(0, 9216), 0),
  },
  { check: checkCalico, build: (o) => ({ ...withoutSrc(o), resources: [], src: o.src }) },
);

function withoutSrc(o: Rec): Rec {
  const { src: _src, ...rest } = o;
  return rest;
}
