// scenario: MetalLB balancers written by `calisim manifests` (loadbalancers/NAME.metallb.yaml) read back into
// platform.loadBalancers entries of kind metallb — the IPAddressPool's addresses, the mode its advertisement
// gives (L2Advertisement or BGPAdvertisement) and the BGPPeers that advertisement names — with MetalLB's CRD
// defaults (peerPort 179, holdTime 90s) for what they leave out.
import { metallbPeerSchema } from '../loadbalancer/metallb-schema.js';
import { fieldSchema, readBackField } from './read-back-field.js';
import { jsonAt, listAt } from './read-back-objects.js';
import type { Ctx } from '../provenance.js';
import type { Schema } from '../schema/schema.js';
import type { JsonValue, LoadBalancerSpec, Manifest, MetalLbPeerSpec } from '../types.js';

const strings = (v: readonly JsonValue[]): string[] => v.filter((x): x is string => typeof x === 'string');
/** A peer field's rule in the scenario (an AS number, a port, a duration), applied to the value read back. */
const field = (name: string): Schema => fieldSchema(metallbPeerSchema, name);

/** The hosts a BGPPeer's nodeSelectors name (`kubernetes.io/hostname In [...]`, as calisim writes them); absent: every node. */
function peerNodes(peer: Manifest, ctx: Ctx): string[] | undefined {
  const selectors = listAt(peer.body, 'spec.nodeSelectors');
  if (selectors.length === 0) return undefined;
  const names: string[] = [];
  for (const s of selectors) {
    const exprs = listAt(s, 'matchExpressions');
    const hostnames = exprs.filter((e) => jsonAt(e, 'key') === 'kubernetes.io/hostname' && jsonAt(e, 'operator') === 'In');
    if (hostnames.length !== exprs.length || jsonAt(s, 'matchLabels') !== undefined) {
      ctx.sink.warn(peer.locate('spec.nodeSelectors'), 'spec.nodeSelectors', `BGPPeer ${peer.name}: only kubernetes.io/hostname In [...] selectors are read back; the others are left out`);
    }
    for (const e of hostnames) names.push(...strings(listAt(e, 'values')));
  }
  return names;
}

/** A BGPPeer's fields by the scenario's rules (metallb-schema.ts); undefined, after an error at the field, when one does not fit. */
function readPeer(peer: Manifest, ctx: Ctx): MetalLbPeerSpec | undefined {
  const nodes = peerNodes(peer, ctx);
  const peerAddress = readBackField<string>(field('peerAddress'), peer, 'spec.peerAddress', '', ctx);
  const peerASN = readBackField<number>(field('peerASN'), peer, 'spec.peerASN', 0, ctx);
  const myASN = readBackField<number>(field('myASN'), peer, 'spec.myASN', 0, ctx);
  const peerPort = readBackField<number>(field('peerPort'), peer, 'spec.peerPort', 179, ctx);
  const holdTime = readBackField<number>(field('holdTime'), peer, 'spec.holdTime', 90_000, ctx);
  // The router's ECMP, which calisim records as an annotation (metallb-resources.ts); absent: modulo.
  const ecmp = readBackField<'modulo' | 'resilient'>(field('ecmp'), peer, ['metadata', 'annotations', 'calisim.io/router-ecmp'], 'modulo', ctx);
  if (peerAddress === undefined || peerASN === undefined || myASN === undefined || peerPort === undefined || holdTime === undefined || ecmp === undefined) return undefined;
  return {
    peerAddress,
    peerASN,
    myASN,
    peerPort,
    holdTime,
    ...(nodes === undefined ? {} : { nodes }),
    ecmp,
  };
}

/**
 * One balancer per IPAddressPool of `objects`, named after the pool. Its VIPs are not in MetalLB's resources
 * (a LoadBalancer Service's ports give them): `vipsOf` supplies those the set recorded, else each single
 * address of the pool on port 443. A pool no advertisement names is reported (MetalLB announces nothing for it).
 */
export function readMetalLb(objects: readonly Manifest[], vipsOf: (name: string) => LoadBalancerSpec['vips'] | undefined, ctx: Ctx): LoadBalancerSpec[] {
  const advertised = (kind: string, pool: string): Manifest | undefined =>
    objects.find((o) => o.kind === kind && strings(listAt(o.body, 'spec.ipAddressPools')).includes(pool));
  return objects.filter((o) => o.kind === 'IPAddressPool').flatMap((pool) => {
    const addresses = strings(listAt(pool.body, 'spec.addresses'));
    const l2 = advertised('L2Advertisement', pool.name);
    const bgp = advertised('BGPAdvertisement', pool.name);
    if (l2 === undefined && bgp === undefined) {
      ctx.sink.warn(pool.src, 'spec', `IPAddressPool ${pool.name}: no L2Advertisement or BGPAdvertisement names it, so MetalLB announces none of its addresses; not read back`);
      return [];
    }
    const peerNames = bgp === undefined ? [] : strings(listAt(bgp.body, 'spec.peers'));
    const peers = objects.filter((o) => o.kind === 'BGPPeer' && (peerNames.length === 0 || peerNames.includes(o.name))).flatMap((p) => readPeer(p, ctx) ?? []);
    const recorded = vipsOf(pool.name);
    if (recorded === undefined) ctx.sink.warn(pool.src, 'spec.addresses', `IPAddressPool ${pool.name}: the set records no VIP ports for it; each /32 address is read as a VIP on TCP 443`);
    const singles = addresses.filter((a) => a.endsWith('/32')).map((a) => ({ address: a.slice(0, -3), port: 443, protocol: 'TCP' as const }));
    const lb: LoadBalancerSpec = {
      name: pool.name,
      kind: 'metallb',
      metallb: { mode: l2 !== undefined ? 'l2' : 'bgp', addresses, peers: l2 !== undefined ? [] : peers },
      vips: recorded ?? singles,
      members: [],
      method: 'round-robin',
      priorityGroups: { minimumMembersActive: 1 },
      snat: 'none',
      monitors: [],
      src: pool.src,
    };
    return [lb];
  });
}
