// model: does one Calico rule match a packet — Felix's semantics (felix/rules/policy.go, rule_scanner.go):
// every present criterion must hold, lists are ORed, not* criteria must fail; selectors are IP sets.
import { cidrContains, type Cidr } from '../../../lib/ipv4.js';
import type { EntityMatch, PortMatch, Rule } from '../types.js';
import type { Selector } from '../../../lib/selector/types.js';
import { inRanges } from '../fields/ports.js';
import { labelsMatch, peerInSelector, type MembershipCtx } from './selector-membership.js';
import type { PeerInfo } from './peer-info.js';
import type { Packet } from './types.js';
import { modelIndex } from './model-index.js';
import { serviceMatches } from './service-match.js';

export interface MatchCtx extends MembershipCtx {
  readonly pkt: Packet;
  readonly src: PeerInfo;
  readonly dst: PeerInfo;
}

/** True when `rule` matches the packet (IPv4). */
export function ruleMatches(c: MatchCtx, rule: Rule): boolean {
  const { pkt } = c;
  if (!rule.ipv4) return false;
  if (rule.protocol !== undefined && pkt.protocol !== rule.protocol) return false;
  if (rule.notProtocol !== undefined && pkt.protocol === rule.notProtocol) return false;
  if (rule.icmp) {
    if (pkt.icmpType !== rule.icmp.type) return false;
    if (rule.icmp.code !== undefined && pkt.icmpCode !== rule.icmp.code) return false;
  }
  if (rule.notICMP && pkt.icmpType === rule.notICMP.type) {
    if (rule.notICMP.code === undefined || pkt.icmpCode === rule.notICMP.code) return false;
  }
  return (
    entityMatches(c, rule, rule.source, c.src, pkt.srcPort, 'source') &&
    entityMatches(c, rule, rule.destination, c.dst, pkt.dstPort, 'destination')
  );
}

function entityMatches(
  c: MatchCtx,
  rule: Rule,
  e: EntityMatch,
  peer: PeerInfo,
  port: number | undefined,
  side: 'source' | 'destination',
): boolean {
  if (e.nets && !inNets(c, peer, e.nets)) return false;
  if (e.notNets && inNets(c, peer, e.notNets)) return false;
  if (e.selector && !peerInSelector(c, e.selector, peer)) return false;
  if (e.notSelector && peerInSelector(c, e.notSelector, peer)) return false;
  if (e.ports && !portMatches(c, rule, e.ports, e.selector, peer, port)) return false;
  if (e.notPorts && portMatches(c, rule, e.notPorts, e.selector, peer, port)) return false;
  if (e.services && !serviceMatches(c, e.services, peer, side === 'destination', port)) return false;
  return true;
}

function inNets(c: MatchCtx, peer: PeerInfo, nets: readonly Cidr[]): boolean {
  if (peer.ip === undefined) {
    const text = nets.map((n) => `${n.base}/${n.len}`).join(',');
    return c.a.decide(undefined, `nets|${peer.label}|${text}`, `${peer.label} has no IP: whether it lies in the rule's CIDRs is undetermined`);
  }
  const ip = peer.ip;
  for (let i = 0; i < nets.length; i++) if (cidrContains(nets[i] as Cidr, ip)) return true;
  return false;
}

/**
 * Numeric ranges, or a named port: some endpoint with the peer's address, matching the side's positive selector
 * (every endpoint when there is none), declares a port of that name whose (protocol, number) is the packet's,
 * and whose protocol is the rule's when the rule has one (felix/labelindex/named_port_index.go LookupNamedPorts).
 */
function portMatches(
  c: MatchCtx,
  rule: Rule,
  m: PortMatch,
  sideSelector: Selector | undefined,
  peer: PeerInfo,
  port: number | undefined,
): boolean {
  if (port === undefined) return false;
  if (inRanges(m.ranges, port)) return true;
  if (m.named.length === 0) return false;
  const proto = c.pkt.protocol;
  const index = modelIndex(c.model);
  const pods = peer.ip === undefined ? (peer.wep ? [peer.wep] : []) : (index.podsByIp.get(peer.ip) ?? []);
  for (const e of pods) {
    const declares = e.ports.some((p) => m.named.includes(p.name) && p.port === port && p.protocol === proto && (rule.protocol === undefined || rule.protocol === p.protocol));
    if (!declares) continue;
    if (!sideSelector || labelsMatch(c, sideSelector, e.labels, e.namespace, `pod ${e.namespace}/${e.name}`)) return true;
  }
  if (peer.ip === undefined) return false;
  for (const h of index.hostsByIp.get(peer.ip) ?? []) {
    const declares = h.ports.some((p) => m.named.includes(p.name) && p.port === port && p.protocol === proto && (rule.protocol === undefined || rule.protocol === p.protocol));
    if (declares && (!sideSelector || sideSelector.matches(h.labels))) return true;
  }
  return false;
}
