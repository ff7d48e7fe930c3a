// verdict: tenant isolation — can a pod of tenant A reach a node, pod or Service of tenant B, and which
// wall stops it. The platform's walls, outermost first: the underlay (each cloud tenant is its own VPC:
// no path at all), routing (Service cluster IPs never leave their cluster; a tenant's routes covering
// another tenant's pools are a leak), the outer wall (traffic between two on-premises tenants crosses a
// management host, where the management cluster's policies judge the egress of A's VM endpoint and the
// ingress of B's VM endpoint), and the inner wall (B's own policies at B's pod). The packet leaves A's VM
// with the address src/model/edge/source-address.ts gives it (Calico natOutgoing, flannel ipMasq).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { endCuts, refineIntervals, type EndCuts } from '../policy/end-cuts.js';
import { SIDE_DELEGATED } from '../../compile/policy/explain/explain-side.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import { arrivingSource, possibleSources, sourceChanges, sourceSeenAt } from '../../model/edge/source-address.js';
import type { PolicyModel } from '../../model/policy/types.js';
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import type { CompiledPolicies } from '../../compile/policy/compiled-policies.js';
import { clusterIps } from '../../compile/policy/uncertain/overlay-uncertain.js';
import { compiledOf, fastClassOf, fastEvaluate } from '../state/fast-evaluate.js';
import { clusterEndpoints } from '../state/cluster-input.js';
import type { Packet, SideExplanation } from '../../model/policy/eval/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { decidingRule, responsibleOf } from './deciding-rule.js';
import { endpointsByNamespace, isolationTargets, nodeIdOf, type IsolationTarget } from './isolation-targets.js';
import { outerWallFilter, type OuterWallStops } from './outer-wall-filter.js';
import type { Counterexample, IsolationLayer } from './types.js';

/** The outcome for one ordered tenant pair. */
export interface IsolationResult {
  readonly from: string;
  readonly to: string;
  readonly isolated: boolean;
  /** Walls that stopped each target class. */
  readonly stoppedBy: Readonly<Record<'pods' | 'nodes' | 'services', IsolationLayer>>;
  readonly counterexample?: Counterexample;
}

const PROTOCOLS = [
  { name: 'TCP', number: 6 },
  { name: 'UDP', number: 17 },
  { name: 'SCTP', number: 132 },
];

/**
 * Checks A → B for every ordered pair of tenants named in `pairs`. `exhaustive` judges every target in full
 * (the reference the outer wall's fast path is tested against).
 */
export function checkIsolation(run: PlatformRun, policies: readonly ClusterPolicies[], pairs: readonly (readonly [string, string])[], options: { readonly exhaustive?: boolean } = {}): IsolationResult[] {
  // B's targets and their classes do not depend on A: collected once per destination tenant.
  const targets = new Map<string, Targets>();
  const targetsOf = (mgmt: ClusterPolicies, b: string): Targets => {
    let t = targets.get(b);
    if (!t) {
      const list = isolationTargets(run.model, (byNamespace ??= endpointsByNamespace(mgmt.model)), policies, b);
      const mClass = fastClassOf(mgmt.model);
      const ipClass = list.map((x) => mClass({ ip: x.ip }));
      const vmClass = list.map((x) => mClass({ endpoint: x.vm }));
      targets.set(b, (t = { list, ipClass, vmClass, distinct: distinctTargets(list, ipClass, vmClass, (services ??= clusterIps(mgmt.model))) }));
    }
    return t;
  };
  const cuts = endCuts();
  let byNamespace: ReadonlyMap<string, readonly WorkloadEndpoint[]> | undefined;
  let services: ReadonlySet<number> | undefined;
  let wall: OuterWallStops | undefined;
  let vms: Map<string | undefined, number> | undefined;
  const mgmtOf = (mgmt: ClusterPolicies): MgmtFacts => ({
    stops: (wall ??= options.exhaustive ? () => false : outerWallFilter(mgmt.model)),
    vms: (vms ??= firstVmEndpoints(mgmt.model)),
  });
  return pairs.map(([a, b]) => checkPair(run, policies, a, b, targetsOf, cuts, mgmtOf));
}

/** A tenant's targets with each one's address class and VM class in the management model. */
interface Targets {
  readonly list: readonly IsolationTarget[];
  readonly ipClass: readonly number[];
  readonly vmClass: readonly number[];
  /** One target of each group the outer wall's filter cannot tell apart (same classes, no Service address). */
  readonly distinct: readonly number[];
}

/**
 * The first target of each (address class, VM class) pair, and every target at a Service address: the
 * outer wall's filter reads a target's address only to ask whether it is a Service's (outer-wall-filter.ts).
 */
function distinctTargets(list: readonly IsolationTarget[], ipClass: readonly number[], vmClass: readonly number[], services: ReadonlySet<number>): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  list.forEach((t, i) => {
    const key = services.has(t.ip >>> 0) ? `ip ${t.ip}` : `${ipClass[i]!},${vmClass[i]!}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(i);
  });
  return out;
}

/** What every pair reads from the management model: the outer wall's fast path, each namespace's first VM. */
interface MgmtFacts {
  readonly stops: OuterWallStops;
  readonly vms: ReadonlyMap<string | undefined, number>;
}

function checkPair(
  run: PlatformRun,
  policies: readonly ClusterPolicies[],
  a: string,
  b: string,
  targetsOf: (mgmt: ClusterPolicies, b: string) => Targets,
  cuts: EndCuts,
  mgmtOf: (mgmt: ClusterPolicies) => MgmtFacts,
): IsolationResult {
  const model = run.model;
  const ca = model.clusters[model.clusterByName.get(a)!]!;
  const cb = model.clusters[model.clusterByName.get(b)!]!;
  if (ca.placement === 'cloud' || cb.placement === 'cloud') {
    return { from: a, to: b, isolated: true, stoppedBy: { pods: 'underlay', nodes: 'underlay', services: 'underlay' } };
  }
  const mgmt = policies[model.management];
  const pa = policies[ca.id]!;
  const pb = policies[cb.id]!;
  const facts = mgmt ? mgmtOf(mgmt) : undefined;
  const srcVm = facts?.vms.get(ca.managementNamespace);
  const stopped: Record<'pods' | 'nodes' | 'services', IsolationLayer> = { pods: 'outer-wall', nodes: 'outer-wall', services: 'routing' };
  // Source: A's first running pod, leaving its VM masqueraded or not (read without building A's model).
  const srcPod = clusterEndpoints(pa).find((e) => !e.hostNetwork && e.ip !== undefined);
  if (!mgmt || !facts || srcVm === undefined || srcPod === undefined) return { from: a, to: b, isolated: true, stoppedBy: stopped };
  const srcNode = nodeIdOf(model, ca, srcPod.node);
  const { list: targets, ipClass, vmClass: vmClasses, distinct } = targetsOf(mgmt, b);
  const mClass = fastClassOf(mgmt.model);
  const vmClass = mClass({ endpoint: srcVm });
  // The wall on B's host sees one of a few sources (whatever the target): when it stops every target from
  // each of them, the pair is isolated without one source-address walk per target.
  const walls = possibleSources(model, { ip: srcPod.ip!, node: srcNode, cluster: ca.id, pod: true }).map((ip) => mClass({ ip }));
  if (distinct.every((i) => walls.every((w) => facts.stops(vmClass, targets[i]!.ip, ipClass[i]!, w, vmClasses[i]!)))) return { from: a, to: b, isolated: true, stoppedBy: stopped };
  const memo = targetMemo(mgmt.model, pb.model);
  const bClass = fastClassOf(pb.model);
  let lastWallIp = -1;
  let wallIpClass = -1;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    // The one source-address rule (src/model/edge/source-address.ts): the outer wall on B's host sees the
    // source before that host's own rewrites, B's pod sees it after all of them.
    const changes = srcNode >= 0 ? sourceChanges(model, { ip: srcPod.ip!, node: srcNode, cluster: ca.id, pod: true }, t.ip) : [];
    const wallIp = t.node >= 0 ? sourceSeenAt(srcPod.ip!, changes, model.nodes[t.node]!.host) : srcPod.ip!;
    const srcIp = arrivingSource(srcPod.ip!, changes);
    const dstIpClass = ipClass[i]!;
    const dstVmClass = vmClasses[i]!;
    if (wallIp !== lastWallIp) {
      lastWallIp = wallIp;
      wallIpClass = mClass({ ip: wallIp });
    }
    // Nothing crosses the outer wall: stopped there, B's inner wall never judged.
    if (facts.stops(vmClass, t.ip, dstIpClass, wallIpClass, dstVmClass)) continue;
    // Ends of one identity class get the same verdicts and deciding rules: a target whose six ends fall
    // in the classes of one already judged has its outcome.
    const key = `${vmClass},${dstIpClass},${wallIpClass},${dstVmClass}${t.podIndex !== undefined ? `,${bClass({ ip: srcIp })},${bClass({ endpoint: t.podIndex })}` : ''}`;
    let o = memo.get(key);
    if (!o) memo.set(key, (o = judgeTarget(mgmt, pb, b, srcVm, wallIp, srcIp, t, cuts)));
    if (o.inner) stopped.pods = stopped.pods === 'outer-wall' ? 'inner-wall' : stopped.pods;
    if (o.kind === 'breach') return breach(run, a, b, stopped, t.name, srcPod, srcIp, t.ip, o.protocol, o.port, o.rules);
  }
  return { from: a, to: b, isolated: true, stoppedBy: stopped };
}

/**
 * What the walls do to the flows towards one target: all stopped, or a breach (the first in protocol and
 * port order); `inner` when B's inner wall stopped a flow the outer wall let through before that.
 */
type TargetOutcome =
  | { readonly kind: 'stopped'; readonly inner: boolean }
  | { readonly kind: 'breach'; readonly inner: boolean; readonly protocol: string; readonly port: number; readonly rules: Counterexample['rules'] };

/** Outcomes by class key, valid while both models keep the compiled policies their classes came from. */
interface TargetMemo {
  readonly mgmt: CompiledPolicies;
  readonly dst: CompiledPolicies;
  readonly outcomes: Map<string, TargetOutcome>;
}

const memos = new WeakMap<PolicyModel, WeakMap<PolicyModel, TargetMemo>>();

/**
 * Target outcomes by class key, for one management model and one destination tenant model (kept across
 * the points of the timeline where neither changed). A model whose compiled policies were handed on to
 * its successor (an incremental update) is compiled afresh, with other class numbers: its memo starts over.
 */
function targetMemo(mgmt: PolicyModel, dst: PolicyModel): Map<string, TargetOutcome> {
  let byDst = memos.get(mgmt);
  if (!byDst) memos.set(mgmt, (byDst = new WeakMap()));
  const cm = compiledOf(mgmt);
  const cd = compiledOf(dst);
  let memo = byDst.get(dst);
  if (!memo || memo.mgmt !== cm || memo.dst !== cd) byDst.set(dst, (memo = { mgmt: cm, dst: cd, outcomes: new Map() }));
  return memo.outcomes;
}

/** Every port interval and protocol from A's VM (sending as srcIp) to one target of B, walls outermost first. */
/** `wallIp` is the source the outer wall on B's host sees, `srcIp` the one B's pod sees. */
function judgeTarget(mgmt: ClusterPolicies, pb: ClusterPolicies, b: string, srcVm: number, wallIp: number, srcIp: number, t: IsolationTarget, cuts: EndCuts): TargetOutcome {
  let inner = false;
  const intervals = refineIntervals([...cuts(mgmt.model, srcVm, 'egress'), ...cuts(mgmt.model, t.vm, 'ingress'), ...(t.podIndex !== undefined ? cuts(pb.model, t.podIndex, 'ingress') : [])]);
  for (const proto of PROTOCOLS) {
    for (const iv of intervals) {
      const base = { protocol: proto.number, dstPort: iv.min };
      const outPkt: Packet = { src: { endpoint: srcVm }, dst: { ip: t.ip }, ...base };
      const innPkt: Packet = { src: { ip: wallIp }, dst: { endpoint: t.vm }, ...base };
      // Actions alone first (compiled decisions); the explanations only for the breach reported.
      if (!allows(mgmt.model, outPkt, 'egress') || !allows(mgmt.model, innPkt, 'ingress')) continue;
      const innerPkt: Packet | undefined = t.podIndex !== undefined ? { src: { ip: srcIp }, dst: { endpoint: t.podIndex }, ...base } : undefined;
      if (innerPkt && !allows(pb.model, innerPkt, 'ingress')) {
        inner = true;
        continue;
      }
      const walls = [decidingRule('management-egress', mgmt.name, side(mgmt.model, outPkt, 'egress')), decidingRule('management-ingress', mgmt.name, side(mgmt.model, innPkt, 'ingress'))];
      return { kind: 'breach', inner, protocol: proto.name, port: iv.min, rules: innerPkt ? [...walls, decidingRule('ingress', b, side(pb.model, innerPkt, 'ingress'))] : walls };
    }
  }
  return { kind: 'stopped', inner };
}

/** Whether one side lets the packet through: the compiled decision, or the explanation where it delegates. */
function allows(model: PolicyModel, pkt: Packet, dir: 'egress' | 'ingress'): boolean {
  const cp = compiledOf(model);
  const code = cp.decide(pkt).codes[dir === 'egress' ? 0 : 1]!;
  return code === SIDE_DELEGATED ? side(model, pkt, dir).action === 'allow' : cp.codeAllows(code);
}

function side(model: PolicyModel, pkt: Packet, dir: 'egress' | 'ingress'): SideExplanation {
  const v = fastEvaluate(model, pkt);
  return dir === 'egress' ? v.egress : v.ingress;
}

function breach(
  run: PlatformRun,
  a: string,
  b: string,
  stopped: Record<'pods' | 'nodes' | 'services', IsolationLayer>,
  target: string,
  srcPod: { namespace: string; name: string; ip?: number },
  srcIp: number,
  dstIp: number,
  protocol: string,
  port: number,
  rules: Counterexample['rules'],
): IsolationResult {
  const outerAllow = rules.find((r) => r.side === 'management-ingress') ?? rules[0];
  const responsible = responsibleOf(rules.find((r) => r.decided === 'rule' && r.action === 'allow' && r.side.startsWith('management')) ?? outerAllow);
  const counterexample: Counterexample = {
    at: run.sim.now,
    flow: { from: `${a}/${srcPod.namespace}/${srcPod.name}`, to: target, protocol, port, srcIp: formatIpv4(srcPod.ip!), dstIp: formatIpv4(dstIp) },
    trace: [
      `${a}/${srcPod.namespace}/${srcPod.name} (${formatIpv4(srcPod.ip!)}) sends ${protocol} ${port} to ${formatIpv4(dstIp)}`,
      `no route in ${a} covers ${formatIpv4(dstIp)}: the packet leaves its VM by the default route${srcIp !== srcPod.ip ? `, masqueraded to ${formatIpv4(srcIp)} (Calico natOutgoing, flannel ipMasq)` : ''}`,
      `a management host forwards it towards ${b}: ${rules[0]!.action} at the source VM's egress, ${rules[1]!.action} at the destination VM's ingress (the outer wall lets it through)`,
      ...(rules[2] ? [`${b}'s policies at the destination pod: ${rules[2].action} (the inner wall lets it through)`] : [`${target} is a node of ${b}: no policy of ${b} guards its host interface`]),
      `delivered: ${a} reaches ${target}`,
    ],
    rules,
    layer: 'outer-wall',
    ...(responsible ? { responsible } : {}),
  };
  return { from: a, to: b, isolated: false, stoppedBy: stopped, counterexample };
}

/** Each namespace's first endpoint with an address (a tenant's VM the isolation check sends from). */
function firstVmEndpoints(model: PolicyModel): Map<string | undefined, number> {
  const first = new Map<string | undefined, number>();
  for (const e of model.endpoints) if (e.ip !== undefined && !first.has(e.namespace)) first.set(e.namespace, e.index);
  return first;
}
