// scenario: the MetalLB fields of a `platform.loadBalancers[]` entry with `kind: metallb` — mode, address
// pool and BGP peers — with MetalLB's documented defaults (metallb.universe.tf/configuration and its CRDs).
import { asn, def, duration, list, obj, oneOf, opt, port, req, str } from '../schema/schema.js';
import { cidr, ipv4, type Check } from '../schema/formats.js';

/** An IPAddressPool address: a CIDR or a `first-last` range (IPAddressPool spec.addresses). */
export const poolAddress: Check = (t) => {
  const dash = t.indexOf('-');
  if (dash < 0) return cidr(t);
  const [from, to] = [t.slice(0, dash).trim(), t.slice(dash + 1).trim()];
  return ipv4(from) ?? ipv4(to);
};

/**
 * A BGP router MetalLB's speakers peer with: BGPPeer (metallb.io/v1beta2) myASN, peerASN, peerAddress,
 * peerPort (CRD default 179) and holdTime (MetalLB's default 90s, docs "Advanced BGP configuration");
 * `nodes` limits the speakers that peer (BGPPeer nodeSelectors), absent = every node.
 */
export const metallbPeerSchema = obj(
  {
    peerAddress: req(str(ipv4)),
    peerASN: req(asn),
    myASN: req(asn),
    peerPort: def(port, 179),
    holdTime: def(duration, 90_000),
    nodes: opt(list(str())),
    // The router's ECMP: `modulo` (MetalLB docs, BGP "Limitations": a change rehashes flows effectively at
    // random) or `resilient` (the router keeps flows on surviving next hops). Router configuration, not MetalLB's.
    ecmp: def(oneOf(['modulo', 'resilient']), 'modulo'),
  },
  { noSrc: true },
);

/** The fields only a MetalLB balancer has, and those only F5 has (so each kind rejects the other's); `mode`
 *  is both kinds' with values of its own (lb-schema.ts). */
export const METALLB_FIELDS = ['addresses', 'peers'] as const;
export const F5_FIELDS = ['members', 'method', 'priorityGroups', 'snat', 'monitors', 'ha'] as const;
