// verdict: follows one packet through the platform at a point of the timeline — the source's egress
// policy, the pod MTU, the route its node's FIB picks (prefix and next hop), Calico's encapsulation and the
// underlay under it (flannel VXLAN between management hosts, a VPC, a plain network), the next hop's
// state, and the destination's ingress policy; or, leaving the cluster, masquerade, the management
// cluster's outer wall and the other tenant. Stops at the first drop with a reason from a fixed list.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { nodeFib } from '../../engine/bgp/node-fib.js';
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import type { PolicyModel } from '../../model/policy/types.js';
import { calicoEncapsulation } from '../../model/underlay/encapsulation.js';
import { calicoPodMtu, overMtu } from '../../model/underlay/mtu.js';
import { fastEvaluate } from '../state/fast-evaluate.js';
import type { Peer, SideExplanation } from '../../model/policy/eval/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { resolveEnd, type TraceEnd } from './resolve-end.js';
import type { DropReason, Trace, TraceHop } from './types.js';

/** What to trace. */
export interface TraceRequest {
  readonly from: string;
  readonly to: string;
  readonly protocol: number;
  readonly protocolName: string;
  readonly port?: number;
  /** IP packet size in bytes (default 64). */
  readonly size?: number;
}

/** Traces a packet in the run's current state; returns an error message when an end does not resolve. */
export function tracePacket(run: PlatformRun, policies: readonly ClusterPolicies[], req: TraceRequest): Trace | string {
  const src = resolveEnd(run, req.from);
  if (typeof src === 'string') return src;
  const dst = resolveEnd(run, req.to);
  if (typeof dst === 'string') return dst;
  const hops: TraceHop[] = [];
  const size = req.size ?? 64;
  const base = {
    from: req.from,
    to: req.to,
    protocol: req.protocolName,
    port: req.port ?? null,
    size,
    at: run.sim.now,
    srcIp: src.ip >= 0 ? formatIpv4(src.ip) : null,
    dstIp: dst.ip >= 0 ? formatIpv4(dst.ip) : null,
  };
  const drop = (reason: DropReason, at: string, detail: string): Trace => ({ ...base, hops: [...hops, { step: 'drop', at, detail }], disposition: 'dropped', dropReason: reason });
  const { model } = run;
  const nodeName = (id: number): string => model.nodes[id]!.name;
  if (src.ip < 0) return drop('no-ip-address', src.text, `${src.text} has no IP address (${src.pod?.reason ?? 'IPAM gave none'})`);
  if (dst.ip < 0) return drop('no-ip-address', dst.text, `${dst.text} has no IP address`);
  if (src.node >= 0 && run.nodeUp[src.node] !== 1) return drop('node-down', nodeName(src.node), `the source's node ${nodeName(src.node)} is down`);
  for (const end of [src, dst]) {
    const lost = end.pod ? run.pki.effects.dataplaneOf(end.node, end.pod.createdAt) : undefined;
    if (lost !== undefined) return drop('no-dataplane', end.text, lost);
  }
  const pkt = { protocol: req.protocol, ...(req.port !== undefined ? { dstPort: req.port } : {}) };
  const srcModel = src.cluster >= 0 ? policies[src.cluster]!.model : undefined;

  // 1. Egress policy at the source pod.
  if (src.kind === 'pod' && srcModel) {
    const e = endpointOf(srcModel, src.ip);
    const v = fastEvaluate(srcModel, { src: e !== undefined ? { endpoint: e } : { ip: src.ip }, dst: peerIn(srcModel, dst), ...pkt });
    hops.push(policyHop('policy-egress', src.text, v.egress));
    if (v.egress.action === 'deny') return drop('denied-by-policy', src.text, 'denied by egress policy');
  }
  // 2. The pod's MTU (Calico: NIC MTU minus the largest encapsulation overhead, or vethMtu).
  if (src.kind === 'pod' && src.cluster >= 0) {
    const c = model.clusters[src.cluster]!;
    const pools = c.spec.calico.ipPools.filter((p) => !p.disabled);
    const podMtu = calicoPodMtu(model.nodes[src.node]!.mtu, { ipip: pools.some((p) => p.ipipMode !== 'Never'), vxlan: pools.some((p) => p.vxlanMode !== 'Never') }, c.spec.calico.vethMtu);
    // TCP sets DF (path-MTU discovery); UDP and ICMP here do not.
    const df = req.protocol === 6;
    const m = overMtu(size, podMtu, df, 'none');
    hops.push({ step: 'mtu', at: src.text, detail: `${size} bytes on the pod interface (MTU ${podMtu}): ${m}` });
    if (m === 'dropped-icmp-frag-needed') return drop('mtu-exceeded', src.text, `ICMP fragmentation needed (MTU ${podMtu}) back to the sender`);
  }
  // 3. Same cluster: the source node's FIB.
  if (dst.cluster === src.cluster && src.node >= 0) {
    const speaker = run.bgp.speakerOf(src.node);
    const fib = nodeFib(run.bgp.net, speaker);
    const g = fib.lookup(dst.ip);
    const prefix = longestPrefix(run, speaker, dst.ip);
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
      const nh = g === 2 ? dst.ip : (fib.hops(g)[0] ?? dst.ip);
      hops.push({ step: 'route', at: nodeName(src.node), detail: `matches ${prefix ?? '?'} via ${formatIpv4(nh)}${fib.hops(g).length > 1 ? ` (ECMP over ${fib.hops(g).length} next hops)` : ''}`, ...(prefix ? { prefix } : {}), nextHop: formatIpv4(nh) });
      const next = model.nodes.find((n) => n.cluster === src.cluster && n.ip === nh);
      const c = model.clusters[src.cluster]!;
      const pool = c.spec.calico.ipPools.find((p) => !p.disabled && cidrContains(parseCidr(p.cidr)!, dst.ip));
      const s = model.nodes[src.node]!;
      const enc = pool ? calicoEncapsulation(pool, { ip: s.ip, prefixLen: s.prefixLen }, nh) : { encap: 'none' as const, overhead: 0 as const, outerSrc: s.ip, outerDst: nh };
      hops.push({ step: 'encapsulation', at: nodeName(src.node), detail: enc.encap === 'none' ? 'sent natively (no encapsulation)' : `${enc.encap.toUpperCase()} (+${enc.overhead} bytes)`, encap: enc.encap, outerSrc: formatIpv4(enc.outerSrc), outerDst: formatIpv4(enc.outerDst) });
      const wire = size + enc.overhead;
      const m = overMtu(wire, s.mtu, req.protocol === 6, enc.encap);
      if (m !== 'ok') {
        hops.push({ step: 'mtu', at: nodeName(src.node), detail: `${wire} bytes on the NIC (MTU ${s.mtu}): ${m}` });
        if (m.startsWith('dropped')) return drop('mtu-exceeded', nodeName(src.node), `${wire} bytes exceed the NIC MTU ${s.mtu}`);
      }
      hops.push(...underlayHops(run, src.node, next?.id ?? -1));
      if (next && run.nodeUp[next.id] !== 1) return drop('node-down', next.name, `next hop ${next.name} is down (its routes are still held until the BGP hold timer expires)`);
    }
  } else if (dst.cluster !== src.cluster) {
    // 4. Leaving the cluster: the default route to the underlay gateway; masquerade; other tenants.
    const outward = leaveCluster(run, policies, src, dst, pkt, hops);
    if (typeof outward !== 'string') return outward;
  }
  // 5. Ingress policy at the destination pod.
  if (dst.kind === 'pod' && dst.cluster >= 0) {
    if (run.nodeUp[dst.node] !== 1) return drop('node-down', nodeName(dst.node), `the destination's node ${nodeName(dst.node)} is down`);
    const m = policies[dst.cluster]!.model;
    const e = endpointOf(m, dst.ip);
    const arriving = hops.find((h) => h.step === 'nat')?.outerSrc;
    const from: Peer = dst.cluster === src.cluster && src.kind === 'pod' ? peerIn(m, src) : { ip: arriving ? parseIpv4(arriving) : src.ip };
    const v = fastEvaluate(m, { src: from, dst: e !== undefined ? { endpoint: e } : { ip: dst.ip }, ...pkt });
    hops.push(policyHop('policy-ingress', dst.text, v.ingress));
    if (v.ingress.action === 'deny') return drop('denied-by-policy', dst.text, 'denied by ingress policy');
  }
  if (dst.kind === 'address') return { ...base, hops, disposition: 'left-platform' };
  hops.push({ step: 'deliver', at: dst.text, detail: `delivered to ${dst.text}` });
  return { ...base, hops, disposition: 'delivered' };

  function leaveCluster(r: PlatformRun, pol: readonly ClusterPolicies[], s: TraceEnd, d: TraceEnd, p: { protocol: number; dstPort?: number }, out: TraceHop[]): Trace | 'continue' {
    const sc = r.model.clusters[s.cluster]!;
    const dc = d.cluster >= 0 ? r.model.clusters[d.cluster]! : undefined;
    out.push({ step: 'route', at: nodeName(s.node), detail: `no route in ${sc.name} covers ${formatIpv4(d.ip)}: default route to the underlay gateway`, prefix: '0.0.0.0/0' });
    const pool = sc.spec.calico.ipPools.find((x) => !x.disabled && cidrContains(parseCidr(x.cidr)!, s.ip));
    const inAnyPool = sc.spec.calico.ipPools.some((x) => !x.disabled && cidrContains(parseCidr(x.cidr)!, d.ip));
    let srcAfter = s.ip;
    if (s.kind === 'pod' && pool?.natOutgoing && !inAnyPool) {
      srcAfter = r.model.nodes[s.node]!.ip;
      out.push({ step: 'nat', at: nodeName(s.node), detail: `natOutgoing: source masqueraded to the node address ${formatIpv4(srcAfter)}`, outerSrc: formatIpv4(srcAfter) });
    }
    if (sc.placement === 'cloud' || dc?.placement === 'cloud') {
      if (dc) return drop('no-path-between-vpcs', sc.name, `${sc.name} and ${dc.name} are separate routing domains (${sc.placement === 'cloud' ? `${sc.name}'s VPC` : `${dc.name}'s VPC`} has no path to the other)`);
      return 'continue';
    }
    if (!dc) {
      out.push({ step: 'underlay', at: sc.name, detail: `leaves the platform towards ${formatIpv4(d.ip)}` });
      return 'continue';
    }
    // Between two on-premises tenants: a management host forwards, under the management cluster's policies.
    const mgmt = pol[r.model.management];
    const host = r.model.nodes[s.node]!.host;
    out.push({ step: 'underlay', at: host >= 0 ? nodeName(host) : sc.name, detail: `the management host forwards from ${sc.name}'s network to ${dc.name}'s` });
    if (mgmt && sc.managementNamespace && dc.managementNamespace) {
      const vmOf = (c: typeof sc, node: number): number | undefined => mgmt.model.endpoints.find((e) => e.namespace === c.managementNamespace && e.name === r.model.nodes[node]!.shortName)?.index;
      const sv = vmOf(sc, s.node);
      const dv = d.node >= 0 ? vmOf(dc, d.node) : undefined;
      if (sv !== undefined && dv !== undefined) {
        const eg = fastEvaluate(mgmt.model, { src: { endpoint: sv }, dst: { ip: d.ip }, ...p }).egress;
        out.push(policyHop('management-policy', `${r.model.clusters[r.model.management]!.name}: ${sc.managementNamespace}/${r.model.nodes[s.node]!.shortName}`, eg));
        if (eg.action === 'deny') return drop('denied-by-policy', sc.managementNamespace, 'denied by the management cluster (outer wall, egress)');
        const ing = fastEvaluate(mgmt.model, { src: { ip: srcAfter }, dst: { endpoint: dv }, ...p }).ingress;
        out.push(policyHop('management-policy', `${r.model.clusters[r.model.management]!.name}: ${dc.managementNamespace}/${r.model.nodes[d.node]!.shortName}`, ing));
        if (ing.action === 'deny') return drop('denied-by-policy', dc.managementNamespace, 'denied by the management cluster (outer wall, ingress)');
      }
    }
    return 'continue';
  }
}

function policyHop(step: string, at: string, s: SideExplanation): TraceHop {
  const pol = s.policy;
  const what =
    s.decided === 'rule'
      ? `rule ${s.ruleIndex} of ${pol?.kind} ${pol?.namespace ? `${pol.namespace}/` : ''}${pol?.name} (tier ${s.tier})`
      : s.decided === 'end-of-tier'
        ? `end of tier ${s.tier}`
        : s.decided === 'profile' || s.decided === 'no-policy'
          ? `profile ${s.profile ?? ''} (no policy decided)`
          : s.decided;
  return {
    step,
    at,
    detail: `${s.action}: ${what}`,
    ...(pol ? { policy: `${pol.kind} ${pol.namespace ? `${pol.namespace}/` : ''}${pol.name}` } : {}),
    ...(s.rule ? { file: s.rule.file, line: s.rule.line } : pol ? { file: pol.file, line: pol.line } : {}),
  };
}

function underlayHops(run: PlatformRun, from: number, to: number): TraceHop[] {
  const { model } = run;
  if (to < 0) return [];
  const a = model.nodes[from]!;
  const b = model.nodes[to]!;
  const u = model.clusters[a.cluster]!.underlay;
  if (u.kind === 'flannel' && a.host >= 0 && b.host >= 0) {
    if (a.host === b.host) return [{ step: 'underlay', at: model.nodes[a.host]!.name, detail: `both VMs on ${model.nodes[a.host]!.name}: bridged locally` }];
    return [
      { step: 'underlay', at: model.nodes[a.host]!.name, detail: `${a.name} → its host ${model.nodes[a.host]!.name}` },
      {
        step: 'underlay',
        at: model.nodes[a.host]!.name,
        detail: `flannel VXLAN VNI ${u.flannel!.vni} (UDP ${u.flannel!.port}) to ${model.nodes[b.host]!.name}`,
        encap: 'vxlan',
        outerSrc: model.nodes[a.host]!.ipText,
        outerDst: model.nodes[b.host]!.ipText,
      },
      { step: 'underlay', at: model.nodes[b.host]!.name, detail: `decapsulated, bridged to ${b.name}` },
    ];
  }
  return [{ step: 'underlay', at: u.kind === 'vpc' ? 'VPC' : 'network', detail: `${a.ipText} → ${b.ipText} over the ${u.kind} network` }];
}

function longestPrefix(run: PlatformRun, speaker: string, ip: number): string | undefined {
  let best: { prefix: string; len: number } | undefined;
  for (const r of run.bgp.net.routes(speaker)) {
    const c = parseCidr(r.prefix);
    if (c && cidrContains(c, ip) && (!best || c.len > best.len)) best = { prefix: r.prefix, len: c.len };
  }
  return best?.prefix;
}

function endpointOf(m: PolicyModel, ip: number): number | undefined {
  return m.endpoints.find((e) => e.ip === ip && !e.hostNetwork)?.index;
}

function peerIn(m: PolicyModel, end: TraceEnd): Peer {
  const e = end.kind === 'pod' ? endpointOf(m, end.ip) : undefined;
  return e !== undefined ? { endpoint: e } : { ip: end.ip };
}
