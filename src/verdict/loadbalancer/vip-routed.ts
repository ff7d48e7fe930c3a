// verdict: whether every load balancer VIP is routed to something that answers for it — on-link (a BIG-IP
// answers ARP for its virtual addresses on its own VLAN; a MetalLB layer 2 speaker answers ARP on the
// management hosts' segment only), by Calico's BGP (a BGPConfiguration serviceLoadBalancerIPs/ExternalIPs
// range carried to an external peer) or by MetalLB's own BGP advertisement (a session Calico does not hold).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { cidrContains, formatCidr, parseCidr, parseIpv4 } from '../../lib/ipv4.js';
import type { NodeBgpConfig } from '../../model/bgp/types.js';
import type { LoadBalancerSpec } from '../../scenario/types.js';
import { bgpConfigsOf } from '../state/bgp-configs.js';
import type { LbVerdict } from './lb-verdicts.js';
import { metallbBgpConflicts } from './metallb-bgp-conflict.js';

/** How one VIP reaches its balancer, or `null` with why not. */
export interface VipRoute {
  readonly lb: string;
  readonly vip: string;
  readonly how: 'on-link' | 'calico-bgp' | 'metallb-bgp' | null;
  readonly detail: string;
}

/** The nodes whose Calico BGP carries `ip` (a service range containing it) to an external peer. */
function calicoCarries(configs: readonly NodeBgpConfig[], ip: number): string[] {
  return configs.filter((c) => c.peers.length > 0 && c.serviceCidrs.some((r) => { const cidr = parseCidr(r); return cidr !== undefined && cidrContains(cidr, ip); })).map((c) => c.node);
}

/** MetalLB BGP: the speakers with a session to one of the balancer's peers that Calico does not also hold from that node. */
function metallbSpeakers(lb: LoadBalancerSpec, hosts: readonly string[], configs: readonly NodeBgpConfig[]): string[] {
  const conflicts = metallbBgpConflicts([lb], configs);
  return hosts.filter((h) => lb.metallb!.peers.some((p) => (p.nodes === undefined || p.nodes.includes(h)) && !conflicts.some((c) => c.peer === p.peerAddress && c.nodes.includes(h))));
}

export function vipRoutes(run: PlatformRun): VipRoute[] {
  const { model } = run;
  if (model.management < 0) return [];
  const mgmt = model.clusters[model.management]!;
  const segment = mgmt.underlay.network;
  // Calico's per-node BGP configuration only when a MetalLB balancer needs it (it costs on large platforms).
  const configs = model.metalLbs.length ? bgpConfigsOf(run, model.management).configs : [];
  const hosts = mgmt.nodes.map((id) => model.nodes[id]!.shortName);
  const out: VipRoute[] = [];
  for (const lb of model.loadBalancers) {
    for (const v of new Set(lb.vips.map((x) => x.address))) out.push({ lb: lb.name, vip: v, how: 'on-link', detail: `${lb.name} answers ARP for ${v} on its own external VLAN` });
  }
  for (const lb of model.metalLbs) {
    const bgp = lb.metallb?.mode === 'bgp';
    const speakers = bgp ? metallbSpeakers(lb, hosts, configs) : [];
    for (const v of new Set(lb.vips.map((x) => x.address))) {
      const ip = parseIpv4(v);
      const calico = calicoCarries(configs, ip);
      const route = (how: VipRoute['how'], detail: string): VipRoute => ({ lb: lb.name, vip: v, how, detail });
      if (!bgp && cidrContains(segment, ip)) out.push(route('on-link', `${v} lies in the hosts' network ${formatCidr(segment)}: the elected speaker answers ARP for it`));
      else if (bgp && speakers.length) out.push(route('metallb-bgp', `${speakers.length} speaker(s) advertise ${v}/32 (${speakers.join(', ')})`));
      else if (calico.length) out.push(route('calico-bgp', `Calico's BGP carries ${v} to its external peers from ${calico.join(', ')} (BGPConfiguration service range)`));
      else
        out.push(
          route(
            null,
            bgp
              ? `no MetalLB speaker holds a BGP session for ${v} (every peering is taken by Calico's BGP from the same node) and no Calico service range covers it`
              : `${v} lies outside the hosts' network ${formatCidr(segment)}: a layer 2 speaker's ARP answer reaches no router that sends it traffic (MetalLB layer 2 works on the nodes' segment), and no Calico service range advertised to an external peer covers it`,
          ),
        );
    }
  }
  return out;
}

/** The verdict `lb-vip-routed`: every VIP has a route to its balancer. */
export function vipRoutedVerdict(run: PlatformRun): LbVerdict {
  const routes = vipRoutes(run);
  const bad = routes.filter((r) => r.how === null);
  const count = (how: VipRoute['how']): number => routes.filter((r) => r.how === how).length;
  return {
    id: 'lb-vip-routed',
    title: "every VIP is routed to its balancer (on-link, by Calico's BGP, or by MetalLB's advertisement)",
    status: bad.length ? 'fail' : 'pass',
    detail: bad.length ? bad.map((r) => `${r.lb} ${r.vip}: ${r.detail}`).join('; ') : `${routes.length} VIP(s): ${count('on-link')} on-link, ${count('calico-bgp')} by Calico's BGP, ${count('metallb-bgp')} by MetalLB's BGP`,
  };
}
