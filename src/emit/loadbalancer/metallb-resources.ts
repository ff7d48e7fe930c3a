// emit: a MetalLB balancer's configuration as MetalLB runs it — an IPAddressPool (metallb.io/v1beta1) with
// the balancer's addresses, and an L2Advertisement for L2 mode, or a BGPAdvertisement scoped to its peers and
// one BGPPeer (metallb.io/v1beta2, the CRDs' storage version) per router for BGP mode, in metallb-system.
import type { JsonObject, LoadBalancerSpec, MetalLbPeerSpec } from '../../scenario/types.js';

/** MetalLB's own namespace (its install manifests' `metallb-system`); it watches its resources only there. */
export const METALLB_NAMESPACE = 'metallb-system';

const meta = (name: string): JsonObject => ({ name, namespace: METALLB_NAMESPACE });

/** A BGPPeer annotation recording the router's ECMP when it is resilient (absent: modulo). */
export const ROUTER_ECMP_ANNOTATION = 'calisim.io/router-ecmp';

/** A BGPPeer's name: the balancer's and the router's address. */
export function peerName(lb: string, p: MetalLbPeerSpec): string {
  return `${lb}-${p.peerAddress.replaceAll('.', '-')}`;
}

function bgpPeer(lb: string, p: MetalLbPeerSpec): JsonObject {
  const spec: JsonObject = { myASN: p.myASN, peerASN: p.peerASN, peerAddress: p.peerAddress, peerPort: p.peerPort, holdTime: `${p.holdTime / 1000}s` };
  // The speakers of the named hosts only (kubelet's kubernetes.io/hostname label is the node name).
  if (p.nodes !== undefined) spec['nodeSelectors'] = [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [...p.nodes] }] }];
  // The router's resilient ECMP is its own configuration, not MetalLB's: recorded as an annotation to read back.
  const metadata = meta(peerName(lb, p));
  if (p.ecmp === 'resilient') metadata['annotations'] = { [ROUTER_ECMP_ANNOTATION]: 'resilient' };
  return { apiVersion: 'metallb.io/v1beta2', kind: 'BGPPeer', metadata, spec };
}

/** The resources of MetalLB balancer `lb` (none for an F5 one), in apply order: pool, peers, advertisement. */
export function metallbResources(lb: LoadBalancerSpec): JsonObject[] {
  const m = lb.metallb;
  if (m === undefined) return [];
  const pool: JsonObject = { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: meta(lb.name), spec: { addresses: [...m.addresses] } };
  if (m.mode === 'l2') return [pool, { apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', metadata: meta(lb.name), spec: { ipAddressPools: [lb.name] } }];
  const peers = m.peers.map((p) => bgpPeer(lb.name, p));
  const advert: JsonObject = {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'BGPAdvertisement',
    metadata: meta(lb.name),
    // Each VIP as a /32 (aggregationLength's default 32) to this balancer's peers only.
    spec: { ipAddressPools: [lb.name], peers: m.peers.map((p) => peerName(lb.name, p)) },
  };
  return [pool, ...peers, advert];
}
