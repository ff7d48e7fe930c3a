// verdict: hop builders shared by the packet trace and the request walk — a policy decision as a hop, the
// underlay between two nodes (flannel VXLAN between management hosts, a VPC, a plain network), and the
// address rewrites a packet meets.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import type { SideExplanation } from '../../model/policy/eval/types.js';
import type { SourceChange } from '../../model/edge/source-address.js';
import type { TraceHop } from './types.js';

/** A policy decision as a hop, naming the deciding tier, policy and rule with its file and line. */
export function policyHop(step: string, at: string, s: SideExplanation): TraceHop {
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

/** The underlay between two nodes of one cluster. */
export function underlayHops(run: PlatformRun, from: number, to: number): TraceHop[] {
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

const RULE_TEXT: Readonly<Record<SourceChange['rule'], string>> = {
  'calico-nat-outgoing': "Calico natOutgoing (destination outside the cluster's pools): source masqueraded to the node address",
  'flannel-ip-masq': "flannel --ip-masq (leaving the tenant's flannel network): source masqueraded to the host address",
  'kube-proxy-masquerade': 'kube-proxy masquerade (externalTrafficPolicy Cluster): source becomes the node address',
  'kube-proxy-off-cluster': "kube-proxy masquerade (a ClusterIP reached from outside the cluster's pod network): source becomes the node address",
  'lb-snat': "load-balancer SNAT: source becomes the load balancer's address",
};

/** An address rewrite as a `nat` hop. */
export function natHop(run: PlatformRun, c: SourceChange, lbName?: string): TraceHop {
  const at = c.node >= 0 ? run.model.nodes[c.node]!.name : (lbName ?? 'load balancer');
  return { step: 'nat', at, detail: `${RULE_TEXT[c.rule]} ${formatIpv4(c.to)}`, outerSrc: formatIpv4(c.to) };
}
