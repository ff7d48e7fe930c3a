// verdict: MetalLB in BGP mode beside Calico's BGP — a node whose MetalLB speaker and calico-node (BIRD) both
// peer with the same router cannot hold both sessions. MetalLB's docs ("Issues with Calico",
// metallb.universe.tf/configuration/calico): BGP allows one session per pair of nodes, so the router rejects
// the second as a duplicate by BGP's conflict resolution (RFC 4271 §6.8), and the LB routes are not announced.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { NodeBgpConfig } from '../../model/bgp/types.js';
import type { LoadBalancerSpec } from '../../scenario/types.js';
import { bgpConfigsOf } from '../state/bgp-configs.js';
import type { LbVerdict } from './lb-verdicts.js';

/** One MetalLB peer that Calico's BIRD also peers with from some of the same nodes. */
export interface MetalLbConflict {
  readonly lb: string;
  readonly peer: string;
  /** The nodes where both speakers peer with it, sorted. */
  readonly nodes: readonly string[];
  /** Calico's BIRD protocol for that router (e.g. `Global_10_0_0_1`). */
  readonly calicoProtocol: string;
}

/** The conflicts of the MetalLB balancers in BGP mode against the management cluster's Calico peerings. */
export function metallbBgpConflicts(lbs: readonly LoadBalancerSpec[], configs: readonly NodeBgpConfig[]): MetalLbConflict[] {
  const out: MetalLbConflict[] = [];
  for (const lb of lbs) {
    if (lb.metallb?.mode !== 'bgp') continue;
    for (const p of lb.metallb.peers) {
      const speakers = p.nodes === undefined ? undefined : new Set(p.nodes);
      const both = configs.flatMap((c) => {
        if (speakers !== undefined && !speakers.has(c.node)) return [];
        const calico = c.peers.find((x) => x.peerIp === p.peerAddress);
        return calico === undefined ? [] : [{ node: c.node, protocol: calico.protocolName }];
      });
      if (both.length === 0) continue;
      const nodes = both.map((b) => b.node).sort();
      out.push({ lb: lb.name, peer: p.peerAddress, nodes, calicoProtocol: both[0]!.protocol });
    }
  }
  return out;
}

/** The verdict: pass when no MetalLB speaker shares a router with Calico's BGP on the same node. */
export function metallbBgpVerdict(lbs: readonly LoadBalancerSpec[], configs: readonly NodeBgpConfig[]): LbVerdict {
  const conflicts = metallbBgpConflicts(lbs, configs);
  const bgp = lbs.filter((lb) => lb.metallb?.mode === 'bgp').length;
  return {
    id: 'metallb-bgp',
    title: "no MetalLB BGP speaker peers with a router Calico's BGP peers with from the same node",
    status: conflicts.length ? 'fail' : 'pass',
    detail: conflicts.length
      ? conflicts
          .map((c) => `${c.lb} peers with ${c.peer} from ${c.nodes.join(', ')}, as Calico does (${c.calicoProtocol}): one session per pair of addresses, the router rejects the second and the VIPs are not announced (metallb.universe.tf/configuration/calico)`)
          .join('; ')
      : `${bgp} MetalLB balancer(s) in BGP mode, none sharing a router with Calico`,
  };
}

/** The run's MetalLB verdicts: the conflict check when a MetalLB balancer runs in BGP mode, else none. */
export function metallbVerdicts(run: PlatformRun): LbVerdict[] {
  const lbs = run.model.metalLbs;
  if (run.model.management < 0 || !lbs.some((lb) => lb.metallb?.mode === 'bgp')) return [];
  return [metallbBgpVerdict(lbs, bgpConfigsOf(run, run.model.management).configs)];
}
