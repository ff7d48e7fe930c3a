// model: a cluster's UnderlaySpec and nodes into an UnderlayPlan — every node's address, interface prefix
// and NIC MTU on a plain L3 network, a VPC, or a flannel VXLAN network across the management hosts.
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import { cidrContains, cidrSize, formatIpv4, maskOf, parseCidr, parseIpv4, type Cidr } from '../../lib/ipv4.js';
import { hashString, Prng } from '../../lib/random/prng.js';
import type { ClusterSpec, FlannelSpec, NodeSpec } from '../../scenario/types.js';
import { FLANNEL_VXLAN_OVERHEAD, flannelNetConfig, type FlannelNetConfig } from './flannel-config.js';
import { allocateFlannelLeases } from './flannel-leases.js';
import { placeVms } from './place-vms.js';
import type { FlannelLease, UnderlayHost, UnderlayNode, UnderlayPlan } from './types.js';

/** Physical default MTU (Ethernet) and AWS's jumbo-frame MTU inside a VPC. */
const PHYSICAL_DEFAULT_MTU = 1500;
const VPC_DEFAULT_MTU = 9001;

export interface PlanContext {
  /** Field path of the cluster (`tenants[2]`, `platform.management`), for diagnostics. */
  readonly path: string;
  readonly seed: number;
  /** Management hosts (needed by flannel underlays). */
  readonly hosts?: readonly UnderlayHost[];
  /** Host index per node from placeVms over all tenants; placed for this cluster alone when absent. */
  readonly placement?: Int32Array;
}

/**
 * Addresses: explicit `NodeSpec.ip` is kept (checked); the others take, in node order, the lowest free
 * address from: physical — the CIDR's third address (network and .1 gateway skipped); VPC — the fifth (AWS
 * reserves the first four and the last of every subnet); flannel — the host's lease from .2 (.0 is
 * flannel.<VNI>, .1 the bridge), as flannel's host-local IPAM hands out pod addresses. On flannel every
 * management host gets a lease (flanneld runs on all of them), in host order; VM NIC MTU = FlannelSpec.mtu.
 * The plan is undefined when there are errors.
 */
export function planUnderlay(cluster: ClusterSpec, ctx: PlanContext): { plan?: UnderlayPlan; diagnostics: Diagnostic[] } {
  const u = cluster.underlay;
  if (u.kind === 'flannel') return planFlannel(cluster, u.flannel, ctx);
  const diagnostics: Diagnostic[] = [];
  const cidrText = u.kind === 'vpc' ? u.vpc.cidr : u.cidr;
  const src = u.kind === 'vpc' ? u.vpc.src : u.src;
  const field = `${ctx.path}.underlay.${u.kind}`;
  const net = parseCidr(cidrText);
  if (net === undefined) {
    diagnostics.push(diagnosticAt(src, `${field}.cidr`, `invalid CIDR ${cidrText}`));
    return { diagnostics };
  }
  if (u.kind === 'vpc' && (net.len < 16 || net.len > 28)) {
    diagnostics.push(diagnosticAt(src, `${field}.cidr`, 'a VPC CIDR must be between /16 and /28'));
  }
  const mtu = u.kind === 'vpc' ? u.vpc.mtu || VPC_DEFAULT_MTU : u.mtu || PHYSICAL_DEFAULT_MTU;
  const skip = u.kind === 'vpc' ? 4 : 2;
  const reserved = u.kind === 'vpc' ? 'reserved by the cloud (first four and last address of the VPC)' : 'the network or broadcast address';
  const ips = addressNodes(cluster.nodes, ctx.path, diagnostics, () => ({ net, first: net.base + skip, reservedLow: u.kind === 'vpc' ? 4 : 1, reserved }));
  const nodes = cluster.nodes.map((n, i) => ({ name: n.name, ip: ips[i] as number, prefixLen: net.len, mtu, host: -1 }));
  return finish({ kind: u.kind, network: net, mtu, nodes }, diagnostics);
}

/** Where auto addresses of a node come from, and which addresses of the range are off limits. */
interface Range {
  readonly net: Cidr;
  readonly first: number;
  /** Addresses from the network address up that an explicit IP may not use; the last address never. */
  readonly reservedLow: number;
  readonly reserved: string;
}

/** Checks explicit node IPs, then gives the others the lowest free address of their range. */
function addressNodes(
  nodes: readonly NodeSpec[],
  path: string,
  diagnostics: Diagnostic[],
  rangeOf: (i: number) => Range | undefined,
  reported: ReadonlySet<number> = new Set(),
): number[] {
  const taken = new Set<number>();
  const ips = nodes.map((n, i) => {
    const r = rangeOf(i);
    if (n.ip === undefined || r === undefined || reported.has(i)) return -1;
    const ip = parseIpv4(n.ip);
    const at = `${path}.nodes[${i}].ip`;
    const last = r.net.base + cidrSize(r.net) - 1;
    if (ip < 0) diagnostics.push(diagnosticAt(n.src, at, `invalid IPv4 address ${n.ip}`));
    else if (!cidrContains(r.net, ip)) diagnostics.push(diagnosticAt(n.src, at, `${n.ip} is outside the node network ${formatIpv4(r.net.base)}/${r.net.len}`));
    else if (r.net.len <= 30 && (ip < r.net.base + r.reservedLow || ip === last)) diagnostics.push(diagnosticAt(n.src, at, `${n.ip} is ${r.reserved}`));
    else if (taken.has(ip)) diagnostics.push(diagnosticAt(n.src, at, `${n.ip} is used by another node`));
    else taken.add(ip);
    return ip;
  });
  const cursor = new Map<number, number>();
  nodes.forEach((n, i) => {
    const r = rangeOf(i);
    if (n.ip !== undefined || r === undefined) return;
    const last = r.net.base + cidrSize(r.net) - 2;
    let ip = cursor.get(r.net.base) ?? r.first;
    while (ip <= last && taken.has(ip)) ip++;
    if (ip > last) {
      diagnostics.push(diagnosticAt(n.src, `${path}.nodes[${i}]`, `no free address left for ${n.name} in ${formatIpv4(r.net.base)}/${r.net.len}`));
      return;
    }
    ips[i] = ip;
    taken.add(ip);
    cursor.set(r.net.base, ip + 1);
  });
  return ips;
}

function planFlannel(cluster: ClusterSpec, spec: FlannelSpec, ctx: PlanContext): { plan?: UnderlayPlan; diagnostics: Diagnostic[] } {
  const field = `${ctx.path}.underlay.flannel`;
  const { config, diagnostics } = flannelNetConfig(spec, field);
  const hosts = ctx.hosts ?? [];
  let placement = ctx.placement;
  if (placement === undefined) {
    const placed = placeVms([cluster], hosts.map((h) => h.name), [ctx.path]);
    diagnostics.push(...placed.diagnostics);
    placement = placed.placement[0] as Int32Array;
  }
  if (config === undefined || hosts.length === 0 || diagnostics.some((d) => d.severity === 'error')) {
    if (hosts.length === 0) diagnostics.push(diagnosticAt(spec.src, field, 'a flannel underlay needs management hosts'));
    return { diagnostics };
  }
  const reported = new Set<number>();
  const pinned = pinnedLeases(cluster, config, placement, ctx.path, diagnostics, reported);
  const rng = new Prng((ctx.seed ^ hashString(`flannel/${cluster.name}`)) >>> 0);
  const bases = allocateFlannelLeases(config, hosts.length, pinned, rng);
  const leases: FlannelLease[] = [];
  bases.forEach((base, h) => {
    const host = hosts[h] as UnderlayHost;
    if (base < 0) diagnostics.push(diagnosticAt(spec.src, `${field}.network`, `flannel network ${spec.network} is out of subnets for host ${host.name}`));
    else leases.push({ host: h, hostName: host.name, hostIp: host.ip, subnet: { base, len: config.subnetLen }, vtepIp: base, gateway: base + 1 });
  });
  const ips = addressNodes(cluster.nodes, ctx.path, diagnostics, (i) => {
    const base = bases[placement[i] as number] ?? -1;
    if (base < 0) return undefined;
    return { net: { base, len: config.subnetLen }, first: base + 2, reservedLow: 2, reserved: `reserved in the flannel subnet (.0 is ${config.device}, .1 the bridge, the last the broadcast)` };
  }, reported);
  // FlannelSpec.mtu is the flannel network MTU the VMs see (FLANNEL_MTU = MTU of flannel.<VNI>), i.e.
  // flannel's backend MTU option (the uplink) minus 50; 0 derives it from each host's uplink as flannel does.
  const podMtuOf = (h: number): number => spec.mtu || (hosts[h] as UnderlayHost).mtu - FLANNEL_VXLAN_OVERHEAD;
  const nodes: UnderlayNode[] = cluster.nodes.map((n, i) => {
    const h = placement[i] as number;
    return { name: n.name, ip: ips[i] as number, prefixLen: config.subnetLen, mtu: podMtuOf(h), host: h };
  });
  const podMtu = spec.mtu || Math.min(...hosts.map((h) => h.mtu)) - FLANNEL_VXLAN_OVERHEAD;
  for (const h of hosts) {
    if (h.mtu < podMtu + FLANNEL_VXLAN_OVERHEAD) {
      diagnostics.push(
        diagnosticAt(spec.src, `${field}.mtu`, `flannel MTU ${podMtu} needs an uplink MTU of ${podMtu + FLANNEL_VXLAN_OVERHEAD} but host ${h.name} has ${h.mtu}: larger VXLAN packets are fragmented or dropped on the underlay`, 'warning'),
      );
    }
  }
  const flannel = {
    vni: config.vni,
    port: config.port,
    device: config.device,
    network: config.network,
    subnetLen: config.subnetLen,
    subnetMin: config.subnetMin,
    subnetMax: config.subnetMax,
    uplinkMtu: podMtu + FLANNEL_VXLAN_OVERHEAD,
    deviceMtu: podMtu,
    podMtu,
    ipMasq: spec.ipMasq,
    leases,
  };
  return finish({ kind: 'flannel', network: config.network, mtu: flannel.podMtu, nodes, flannel }, diagnostics);
}

/** Leases implied by explicit VM addresses (the subnet around each, for its host); wrong ones go to `reported`. */
function pinnedLeases(
  cluster: ClusterSpec,
  config: FlannelNetConfig,
  placement: Int32Array,
  path: string,
  diagnostics: Diagnostic[],
  reported: Set<number>,
): Map<number, number> {
  const pinned = new Map<number, number>();
  const owner = new Map<number, number>();
  cluster.nodes.forEach((n, i) => {
    const ip = n.ip === undefined ? -1 : parseIpv4(n.ip);
    const h = placement[i] as number;
    if (ip < 0 || h < 0 || !cidrContains(config.network, ip)) return;
    const at = `${path}.nodes[${i}].ip`;
    const base = (ip & maskOf(config.subnetLen)) >>> 0;
    const before = diagnostics.length;
    if (base < config.subnetMin || base > config.subnetMax) {
      diagnostics.push(diagnosticAt(n.src, at, `${n.ip} lies in the flannel network's first subnet, which flannel never leases`));
    } else if ((pinned.get(h) ?? base) !== base) {
      diagnostics.push(diagnosticAt(n.src, at, `${n.ip} is not in the flannel subnet of its host (${formatIpv4(pinned.get(h) as number)}/${config.subnetLen})`));
    } else if ((owner.get(base) ?? h) !== h) {
      diagnostics.push(diagnosticAt(n.src, at, `${n.ip} lies in the flannel subnet of another host`));
    } else {
      pinned.set(h, base);
      owner.set(base, h);
    }
    if (diagnostics.length > before) reported.add(i);
  });
  return pinned;
}

function finish(plan: UnderlayPlan, diagnostics: Diagnostic[]): { plan?: UnderlayPlan; diagnostics: Diagnostic[] } {
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { plan, diagnostics };
}
