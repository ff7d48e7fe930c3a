// verdict: one leg of a packet's way between two resolved ends at the run's current time — the source's
// egress policy, the pod MTU, the route its node's FIB picks, Calico's encapsulation and the underlay, the
// next hop's state; or, leaving the cluster, the source rewrites, the management cluster's outer wall and
// the other cluster; then the destination's ingress policy, judging the source address it sees there.
// Policies are judged in each cluster's model, or its twin's for a packet between two of its endpoints
// (cluster-twins.ts).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { nodeRoute } from '../../engine/bgp/reports/node-route.js';
import { cidrContains, formatCidr, formatIpv4, parseCidr } from '../../lib/ipv4.js';
import { sourceChanges, sourceSeenAt, type SourceChange } from '../../model/edge/source-address.js';
import { calicoEncapsulation } from '../../model/underlay/encapsulation.js';
import { calicoPodMtu, overMtu } from '../../model/underlay/mtu.js';
import type { Peer } from '../../model/policy/eval/types.js';
import { clusterEndpoints } from '../state/cluster-input.js';
import { evaluateIn } from '../state/cluster-twins.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { outerWall } from './outer-wall.js';
import type { TraceEnd } from './resolve-end.js';
import { natHop, policyHop, underlayHops } from './trace-hops.js';
import type { DropReason, TraceHop } from './types.js';

/** The packet of a leg. */
export interface LegPacket {
  readonly protocol: number;
  readonly port?: number;
  readonly size: number;
}

/** The packet's real source when an earlier leg already rewrote it (a load balancer's SNAT, kube-proxy). */
export interface LegSource {
  readonly ip: number;
  readonly changes: readonly SourceChange[];
}

/** Where a leg ended; `changes` are every source rewrite so far (earlier legs' included). */
export interface LegResult {
  readonly hops: TraceHop[];
  readonly disposition: 'delivered' | 'dropped' | 'left-platform';
  readonly dropReason?: DropReason;
  readonly source: LegSource;
  /** The end the last leg went to. */
  readonly to?: TraceEnd;
  /** The destination port the last leg carried (after kube-proxy's DNAT, the endpoint's). */
  readonly port?: number;
}

/** Follows the packet from `src` to `dst`. */
export function traceLeg(run: PlatformRun, policies: readonly ClusterPolicies[], src: TraceEnd, dst: TraceEnd, pkt: LegPacket, earlier?: LegSource): LegResult {
  const hops: TraceHop[] = [];
  const { model } = run;
  const original = earlier?.ip ?? src.ip;
  let changes: readonly SourceChange[] = earlier?.changes ?? [];
  const end = (disposition: LegResult['disposition'], dropReason?: DropReason): LegResult => ({ hops, disposition, ...(dropReason ? { dropReason } : {}), source: { ip: original, changes }, to: dst, ...(pkt.port !== undefined ? { port: pkt.port } : {}) });
  const drop = (reason: DropReason, at: string, detail: string): LegResult => {
    hops.push({ step: 'drop', at, detail });
    return end('dropped', reason);
  };
  const nodeName = (id: number): string => model.nodes[id]!.name;
  if (src.ip < 0) return drop('no-ip-address', src.text, `${src.text} has no IP address (${src.pod?.reason ?? 'IPAM gave none'})`);
  if (dst.ip < 0) return drop('no-ip-address', dst.text, `${dst.text} has no IP address`);
  if (src.node >= 0 && run.nodeUp[src.node] !== 1) return drop('node-down', nodeName(src.node), `the source's node ${nodeName(src.node)} is down`);
  const p = { protocol: pkt.protocol, ...(pkt.port !== undefined ? { dstPort: pkt.port } : {}) };
  const srcPolicies = src.cluster >= 0 ? policies[src.cluster] : undefined;

  // 1. Egress policy at the source pod.
  if (src.kind === 'pod' && srcPolicies) {
    const e = endpointOf(srcPolicies, src.ip);
    const v = evaluateIn(srcPolicies, { src: e !== undefined ? { endpoint: e } : { ip: src.ip }, dst: peerIn(srcPolicies, dst), ...p });
    hops.push(policyHop('policy-egress', src.text, v.egress));
    if (v.egress.action === 'deny') return drop('denied-by-policy', src.text, 'denied by egress policy');
  }
  // 2. The pod's MTU (Calico: NIC MTU minus the largest encapsulation overhead, or vethMtu).
  if (src.kind === 'pod' && src.cluster >= 0) {
    const c = model.clusters[src.cluster]!;
    const pools = c.spec.calico.ipPools.filter((x) => !x.disabled);
    const podMtu = calicoPodMtu(model.nodes[src.node]!.mtu, { ipip: pools.some((x) => x.ipipMode !== 'Never'), vxlan: pools.some((x) => x.vxlanMode !== 'Never') }, c.spec.calico.vethMtu);
    // TCP sets DF (path-MTU discovery); UDP and ICMP here do not.
    const m = overMtu(pkt.size, podMtu, pkt.protocol === 6, 'none');
    hops.push({ step: 'mtu', at: src.text, detail: `${pkt.size} bytes on the pod interface (MTU ${podMtu}): ${m}` });
    if (m === 'dropped-icmp-frag-needed') return drop('mtu-exceeded', src.text, `ICMP fragmentation needed (MTU ${podMtu}) back to the sender`);
  }
  // 3. Same cluster: the source node's FIB.
  if (dst.cluster === src.cluster && src.node >= 0) {
    const net = run.bgp.net;
    const route = nodeRoute(net, net.speaker(run.bgp.speakerOf(src.node)), dst.ip);
    const g = route.group;
    const prefix = route.held ? formatCidr(route.held) : undefined;
    const fibHops = net.core.groups.hops[g] ?? [];
    if (dst.kind === 'node') {
      // Node addresses are on the underlay itself (a connected network), not in BGP.
      hops.push({ step: 'route', at: nodeName(src.node), detail: `${formatIpv4(dst.ip)} is on the node's own underlay network (connected route)` });
      hops.push(...underlayHops(run, src.node, dst.node));
      if (run.nodeUp[dst.node] !== 1) return drop('node-down', nodeName(dst.node), `${nodeName(dst.node)} is down`);
    } else if (dst.node === src.node && dst.kind === 'pod') {
      hops.push({ step: 'route', at: nodeName(src.node), detail: `${formatIpv4(dst.ip)} is a local workload: delivered on its cali interface`, prefix: `${formatIpv4(dst.ip)}/32` });
    } else if (g === 0) {
      return drop('no-route', nodeName(src.node), `no route to ${formatIpv4(dst.ip)} in ${nodeName(src.node)}'s FIB`);
    } else if (g === 1) {
      return drop('blackhole', nodeName(src.node), `${prefix ?? 'a local block'} is a blackhole route: the node owns the block but no pod has ${formatIpv4(dst.ip)}`);
    } else {
      const nh = g === 2 ? dst.ip : (fibHops[0] ?? dst.ip);
      hops.push({ step: 'route', at: nodeName(src.node), detail: `matches ${prefix ?? '?'} via ${formatIpv4(nh)}${fibHops.length > 1 ? ` (ECMP over ${fibHops.length} next hops)` : ''}`, ...(prefix ? { prefix } : {}), nextHop: formatIpv4(nh) });
      // The cluster's own nodes (their ids ascend, as model.nodes numbers them): the first with the address.
      const nextId = model.clusters[src.cluster]!.nodes.find((id) => model.nodes[id]!.ip === nh);
      const next = nextId !== undefined ? model.nodes[nextId] : undefined;
      const c = model.clusters[src.cluster]!;
      const pool = c.spec.calico.ipPools.find((x) => !x.disabled && cidrContains(parseCidr(x.cidr)!, dst.ip));
      const s = model.nodes[src.node]!;
      const enc = pool ? calicoEncapsulation(pool, { ip: s.ip, prefixLen: s.prefixLen }, nh) : { encap: 'none' as const, overhead: 0 as const, outerSrc: s.ip, outerDst: nh };
      hops.push({ step: 'encapsulation', at: nodeName(src.node), detail: enc.encap === 'none' ? 'sent natively (no encapsulation)' : `${enc.encap.toUpperCase()} (+${enc.overhead} bytes)`, encap: enc.encap, outerSrc: formatIpv4(enc.outerSrc), outerDst: formatIpv4(enc.outerDst) });
      const wire = pkt.size + enc.overhead;
      const m = overMtu(wire, s.mtu, pkt.protocol === 6, enc.encap);
      if (m !== 'ok') {
        hops.push({ step: 'mtu', at: nodeName(src.node), detail: `${wire} bytes on the NIC (MTU ${s.mtu}): ${m}` });
        if (m.startsWith('dropped')) return drop('mtu-exceeded', nodeName(src.node), `${wire} bytes exceed the NIC MTU ${s.mtu}`);
      }
      hops.push(...underlayHops(run, src.node, next?.id ?? -1));
      if (next && run.nodeUp[next.id] !== 1) return drop('node-down', next.name, `next hop ${next.name} is down (its routes are still held until the BGP hold timer expires)`);
    }
  } else if (dst.cluster !== src.cluster && src.node >= 0) {
    // 4. Leaving the cluster: the default route to the underlay gateway; the source rewrites; other tenants.
    const sc = model.clusters[src.cluster]!;
    const dc = dst.cluster >= 0 ? model.clusters[dst.cluster]! : undefined;
    hops.push({ step: 'route', at: nodeName(src.node), detail: `no route in ${sc.name} covers ${formatIpv4(dst.ip)}: default route to the underlay gateway`, prefix: '0.0.0.0/0' });
    const here = sourceChanges(model, { ip: src.ip, node: src.node, cluster: src.cluster, pod: src.kind === 'pod' }, dst.ip);
    changes = [...changes, ...here];
    hops.push(...here.map((c) => natHop(run, c)));
    if (sc.placement === 'cloud' || dc?.placement === 'cloud') {
      if (dc) return drop('no-path-between-vpcs', sc.name, `${sc.name} and ${dc.name} are separate routing domains (${sc.placement === 'cloud' ? `${sc.name}'s VPC` : `${dc.name}'s VPC`} has no path to the other)`);
    } else if (!dc) {
      hops.push({ step: 'underlay', at: sc.name, detail: `leaves the platform towards ${formatIpv4(dst.ip)}` });
    } else {
      // Between two clusters on premises: a management host forwards, under the management cluster's policies.
      const host = sc.kind === 'management' ? src.node : model.nodes[src.node]!.host;
      hops.push({ step: 'underlay', at: host >= 0 ? nodeName(host) : sc.name, detail: `the management host forwards from ${sc.name}'s network to ${dc.name}'s` });
      const wall = outerWall(run, policies, src, dst, { ip: original, changes }, p);
      hops.push(...wall.hops);
      if (wall.denied) return drop('denied-by-policy', wall.denied, `denied by the management cluster (outer wall, ${wall.side})`);
    }
  }
  // 5. Ingress policy at the destination pod, judging the source it sees there.
  if (dst.kind === 'pod' && dst.cluster >= 0) {
    if (run.nodeUp[dst.node] !== 1) return drop('node-down', nodeName(dst.node), `the destination's node ${nodeName(dst.node)} is down`);
    const c = policies[dst.cluster]!;
    const e = endpointOf(c, dst.ip);
    const seen = sourceSeenAt(original, changes, dst.node);
    const from: Peer = dst.cluster === src.cluster && src.kind === 'pod' && seen === src.ip ? peerIn(c, src) : { ip: seen };
    const v = evaluateIn(c, { src: from, dst: e !== undefined ? { endpoint: e } : { ip: dst.ip }, ...p });
    hops.push({ ...policyHop('policy-ingress', dst.text, v.ingress), ...(seen !== src.ip ? { outerSrc: formatIpv4(seen) } : {}) });
    if (v.ingress.action === 'deny') return drop('denied-by-policy', dst.text, `denied by ingress policy (source seen: ${formatIpv4(seen)})`);
  }
  if (dst.kind === 'address') return end('left-platform');
  hops.push({ step: 'deliver', at: dst.text, detail: `delivered to ${dst.text}` });
  return end('delivered');
}

/** The workload endpoint with this address in a cluster's policy model (read without building it). */
function endpointOf(c: ClusterPolicies, ip: number): number | undefined {
  return clusterEndpoints(c).find((e) => e.ip === ip && !e.hostNetwork)?.index;
}

function peerIn(c: ClusterPolicies, end: TraceEnd): Peer {
  const e = end.kind === 'pod' ? endpointOf(c, end.ip) : undefined;
  return e !== undefined ? { endpoint: e } : { ip: end.ip };
}
