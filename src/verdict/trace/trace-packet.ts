// verdict: follows one packet through the platform at a point of the timeline. Where the destination
// address leads decides the legs: a load balancer's VIP (a healthy member, its NodePort, kube-proxy, the
// endpoint; in cluster mode the member pod itself), a NodePort of a node, a Service ClusterIP (kube-proxy at
// the source node), or the address itself; a packet from outside enters only where the platform is reachable from outside (VIPs and the
// management hosts' network). Each leg is `traceLeg`; stops at the first drop with a reason.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { podEnd, resolveEnd, type TraceEnd } from './resolve-end.js';
import { advertisedStage, findServiceAddress, healthCheckAnswer } from './advertised-service.js';
import { findClusterIp, findNodePort, findVip, kubeProxyStage, vipStage, type StageResult } from './service-entry.js';
import { natHop } from './trace-hops.js';
import { toPodMember } from './pod-member.js';
import { traceLeg, type LegPacket, type LegResult, type LegSource } from './trace-leg.js';
import type { Trace, TraceHop } from './types.js';

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

/**
 * Traces a packet in the run's current state; returns an error message when an end does not resolve.
 * `resolve` names the ends (default resolveEnd; endResolver for many traces in one state).
 */
export function tracePacket(run: PlatformRun, policies: readonly ClusterPolicies[], req: TraceRequest, resolve: (text: string) => TraceEnd | string = (t) => resolveEnd(run, t)): Trace | string {
  const src = resolve(req.from);
  if (typeof src === 'string') return src;
  const dst = resolve(req.to);
  if (typeof dst === 'string') return dst;
  const base = {
    from: req.from,
    to: req.to,
    protocol: req.protocolName,
    port: req.port ?? null,
    size: req.size ?? 64,
    at: run.sim.now,
    srcIp: src.ip >= 0 ? formatIpv4(src.ip) : null,
    dstIp: dst.ip >= 0 ? formatIpv4(dst.ip) : null,
  };
  // A pod whose node lost its dataplane (Felix cut off from Typha by a certificate) has no network.
  for (const end of [src, dst]) {
    const lost = end.pod ? run.pki.effects.dataplaneOf(end.node, end.pod.createdAt) : undefined;
    if (lost !== undefined) return { ...base, hops: [{ step: 'drop', at: end.text, detail: lost }], disposition: 'dropped', dropReason: 'no-dataplane' };
  }
  const r = followPacket(run, policies, src, dst, { protocol: req.protocol, ...(req.port !== undefined ? { port: req.port } : {}), size: base.size }, req.protocolName);
  return { ...base, hops: r.hops, disposition: r.disposition, ...(r.dropReason ? { dropReason: r.dropReason } : {}) };
}

/** The packet's whole way from `src` to `dst`, through whatever Service stages the destination implies. */
export function followPacket(run: PlatformRun, policies: readonly ClusterPolicies[], src: TraceEnd, dst: TraceEnd, pkt: LegPacket, protocolName: string): LegResult {
  const { model } = run;
  const hops: TraceHop[] = [];
  const none: LegSource = { ip: src.ip, changes: [] };
  const stop = (s: Extract<StageResult<object>, { drop: object }>, source: LegSource): LegResult => ({
    hops: [...hops, ...s.hops, { step: 'drop', at: s.drop.at, detail: s.drop.detail }],
    disposition: 'dropped',
    dropReason: s.drop.reason,
    source,
  });
  const join = (r: LegResult): LegResult => ({ ...r, hops: [...hops, ...r.hops] });
  // From a node (after a VIP, or reaching a NodePort): kube-proxy, then the leg to the endpoint.
  const throughNodePort = (node: number, port: number, source: LegSource): LegResult => {
    const np = findNodePort(run, node, port, protocolName);
    const at = model.nodes[node]!.name;
    if (!np) return stop({ hops: [], drop: { reason: 'no-such-endpoint', at, detail: `nothing listens on ${at}:${port} (no NodePort Service of its cluster has port ${port})` } }, source);
    hops.push({ step: 'node-port', at, detail: `${port} is NodePort ${np.sp.nodePort} of Service ${np.svc.namespace}/${np.svc.name} (port ${np.sp.port})` });
    const client = source.changes.length ? source.changes[source.changes.length - 1]!.to : source.ip;
    const kp = kubeProxyStage(run, node, np.svc, np.sp, 'external', client);
    if (kp.drop) return stop(kp, source);
    hops.push(...kp.hops);
    const next: LegSource = { ip: source.ip, changes: kp.change ? [...source.changes, kp.change] : source.changes };
    return join(traceLeg(run, policies, nodeEnd(run, node), podEnd(kp.endpoint.pod), { ...pkt, port: kp.targetPort }, next));
  };
  const vip = dst.kind === 'address' ? findVip(run, dst.ip, pkt.port) : undefined;
  const advertised = src.node < 0 && dst.kind === 'address' && vip === undefined ? findServiceAddress(run, dst.ip) : undefined;
  if (src.node < 0) {
    // From outside the platform.
    if (src.kind === 'address' && dst.kind === 'address' && vip === undefined && !advertised) return { hops: [{ step: 'drop', at: src.text, detail: `neither ${src.text} nor ${dst.text} is in the platform` }], disposition: 'dropped', dropReason: 'no-route', source: none };
    hops.push({ step: 'entry', at: src.text, detail: `from outside the platform (${formatIpv4(src.ip)})` });
  }
  if (vip !== undefined) {
    let source = none;
    if (src.node >= 0) {
      const out = traceLeg(run, policies, src, dst, pkt);
      if (out.disposition === 'dropped') return out;
      hops.push(...out.hops);
      source = out.source;
    }
    if (vip === 'address-only') return stop({ hops: [], drop: { reason: 'no-such-endpoint', at: dst.text, detail: `no VIP listens on ${dst.text} port ${pkt.port ?? '-'}` } }, source);
    const client = source.changes.length ? source.changes[source.changes.length - 1]!.to : source.ip;
    const v = vipStage(run, vip.index, dst.ip, pkt.port!, client);
    if (v.drop) return stop(v, source);
    hops.push(...v.hops);
    const after = v.change ? { ip: source.ip, changes: [...source.changes, v.change] } : source;
    if (v.pod) return join(toPodMember(run, policies, v.pod, { ...pkt, port: v.memberPort }, after));
    if (run.nodeUp[v.node] !== 1) return stop({ hops: [], drop: { reason: 'node-down', at: model.nodes[v.node]!.name, detail: `member ${model.nodes[v.node]!.name} is down` } }, source);
    return throughNodePort(v.node, v.memberPort, after);
  }
  if (advertised) {
    const a = advertisedStage(run, advertised, dst.ip, pkt.port, protocolName, src.ip);
    if (a.drop) return stop(a, none);
    hops.push(...a.hops);
    const node = model.nodes[a.node]!;
    const kp = kubeProxyStage(run, a.node, advertised.svc, a.sp, advertised.kind === 'ClusterIP' ? 'internal' : 'external', src.ip);
    if (kp.drop) return stop(kp, none);
    hops.push(...kp.hops);
    // Off-cluster traffic to a ClusterIP is masqueraded (kube-proxy's --cluster-cidr / KUBE-MARK-MASQ rule).
    const change = kp.change ?? (advertised.kind === 'ClusterIP' ? { rule: 'kube-proxy-off-cluster' as const, node: a.node, to: node.ip } : undefined);
    if (change && !kp.change) hops.push(natHop(run, change));
    return join(traceLeg(run, policies, nodeEnd(run, a.node), podEnd(kp.endpoint.pod), { ...pkt, port: kp.targetPort }, { ip: src.ip, changes: change ? [change] : [] }));
  }
  const health = dst.kind === 'node' && pkt.port !== undefined ? healthCheckAnswer(run, dst.node, pkt.port) : undefined;
  if (src.node < 0) {
    // Only the management hosts' (and plain clusters') network is routed from outside.
    const reachable = dst.kind === 'node' && model.clusters[dst.cluster]!.underlay.kind === 'physical';
    if (!reachable) return { hops: [...hops, { step: 'drop', at: src.text, detail: `${dst.text} (${formatIpv4(dst.ip)}) is not routed from outside the platform: only the load balancers' VIPs and the management hosts' network are` }], disposition: 'dropped', dropReason: 'no-route', source: none };
    if (run.nodeUp[dst.node] !== 1) return { hops, disposition: 'dropped', dropReason: 'node-down', source: none };
    hops.push({ step: 'underlay', at: model.nodes[dst.node]!.name, detail: `${formatIpv4(dst.ip)} is on the management hosts' network, routed from outside` });
    if (pkt.port !== undefined && findNodePort(run, dst.node, pkt.port, protocolName)) return throughNodePort(dst.node, pkt.port, none);
    if (health) hops.push(health);
    hops.push({ step: 'deliver', at: dst.text, detail: `delivered to ${dst.text}` });
    return { hops, disposition: 'delivered', source: none };
  }
  if (dst.kind === 'node' && pkt.port !== undefined && findNodePort(run, dst.node, pkt.port, protocolName)) {
    const out = traceLeg(run, policies, src, dst, pkt);
    if (out.disposition !== 'delivered') return out;
    hops.push(...out.hops.filter((h) => h.step !== 'deliver'));
    return throughNodePort(dst.node, pkt.port, out.source);
  }
  const cip = dst.kind === 'address' ? findClusterIp(run, src.cluster, dst.ip, pkt.port, protocolName) : undefined;
  if (cip) {
    const at = model.nodes[src.node]!.name;
    if (!cip.sp) return stop({ hops: [], drop: { reason: 'no-such-endpoint', at, detail: `Service ${cip.svc.namespace}/${cip.svc.name} has no ${protocolName} port ${pkt.port ?? '-'}` } }, none);
    const kp = kubeProxyStage(run, src.node, cip.svc, cip.sp, 'internal', src.ip, cip.kind === 'ClusterIP');
    if (kp.drop) return stop(kp, none);
    hops.push(...kp.hops);
    // A pod's packet to an externalIP or LoadBalancer IP with externalTrafficPolicy Cluster is marked for
    // masquerade in the Service's KUBE-EXT chain (iptables proxier); with Local it goes on unmasqueraded.
    const change = cip.kind !== 'ClusterIP' && cip.svc.externalTrafficPolicy === 'Cluster' ? { rule: 'kube-proxy-masquerade' as const, node: src.node, to: model.nodes[src.node]!.ip } : undefined;
    if (change) hops.push(natHop(run, change));
    return join(traceLeg(run, policies, src, podEnd(kp.endpoint.pod), { ...pkt, port: kp.targetPort }, { ip: src.ip, changes: change ? [change] : [] }));
  }
  if (health) {
    const out = traceLeg(run, policies, src, dst, pkt);
    if (out.disposition !== 'delivered') return out;
    return { ...out, hops: [...out.hops.filter((h) => h.step !== 'deliver'), health, out.hops[out.hops.length - 1]!] };
  }
  return traceLeg(run, policies, src, dst, pkt);
}

function nodeEnd(run: PlatformRun, node: number): TraceEnd {
  const n = run.model.nodes[node]!;
  return { text: n.name, kind: 'node', cluster: n.cluster, node, ip: n.ip };
}
