// engine/bgp: the BGP speakers (Calico nodes and external peers) as parallel arrays indexed by speaker id.
import type { BgpPeering, NodeBgpConfig } from '../../../model/bgp/types.js';
import type { ExternalPeerSpec } from '../../../scenario/types.js';
import { grow } from '../../../lib/containers/growable.js';
import { IntList } from '../../../lib/containers/int-list.js';

/** Speakers of one network. Addresses, router ids and AS numbers are unsigned values held as doubles. */
export class SpeakerTable {
  count = 0;
  readonly name: string[] = [];
  readonly tenant: string[] = [];
  /** Tenant index of each speaker (into `tenants`). */
  tenantId = new Int32Array(16);
  readonly tenants: string[] = [];
  isNode = new Uint8Array(16);
  ip = new Float64Array(16);
  rid = new Float64Array(16);
  asn = new Float64Array(16);
  /** Route reflector cluster id of a node (-1: not a reflector). */
  clusterId = new Float64Array(16);
  alive = new Uint8Array(16);
  /** Subnet of the node address (for next-hop resolution without a default route); len -1 when unknown. */
  subnetBase = new Float64Array(16);
  subnetLen = new Int32Array(16);
  /** Export-filter profile (pools and static routes) of a node; -1 for external peers. */
  filterProfile = new Int32Array(16);
  /** Some end of this speaker is an `rr client` session. */
  hasClient = new Uint8Array(16);
  /** Every end of this speaker uses the same local AS. */
  uniformAs = new Uint8Array(16);
  readonly ends: IntList[] = [];
  /** Classes where the speaker holds a local or EBGP-learned path (all an IBGP non-client can get). */
  readonly openClasses: Set<number>[] = [];
  readonly profiles: number[][] = [];
  /** Locally originated prefixes: prefix id → attr * 8 + kind. */
  readonly local: Map<number, number>[] = [];
  readonly nodeConfig: (NodeBgpConfig | undefined)[] = [];
  readonly extSpec: (ExternalPeerSpec | undefined)[] = [];
  /** Peerings of a node that were ignored (duplicate remote), for reports. */
  readonly ignored: BgpPeering[][] = [];

  add(name: string, tenant: string, isNode: boolean, ip: number, rid: number, asn: number): number {
    const i = this.count++;
    const n = i + 1;
    this.isNode = grow(this.isNode, n);
    this.ip = grow(this.ip, n);
    this.rid = grow(this.rid, n);
    this.asn = grow(this.asn, n);
    this.clusterId = grow(this.clusterId, n);
    this.alive = grow(this.alive, n);
    this.subnetBase = grow(this.subnetBase, n);
    this.subnetLen = grow(this.subnetLen, n);
    this.filterProfile = grow(this.filterProfile, n);
    this.hasClient = grow(this.hasClient, n);
    this.uniformAs = grow(this.uniformAs, n);
    this.tenantId = grow(this.tenantId, n);
    let t = this.tenants.indexOf(tenant);
    if (t < 0) t = this.tenants.push(tenant) - 1;
    this.tenantId[i] = t;
    this.name.push(name);
    this.tenant.push(tenant);
    this.isNode[i] = isNode ? 1 : 0;
    this.ip[i] = ip;
    this.rid[i] = rid;
    this.asn[i] = asn;
    this.clusterId[i] = -1;
    this.alive[i] = 1;
    this.subnetLen[i] = -1;
    this.filterProfile[i] = -1;
    this.uniformAs[i] = 1;
    this.ends.push(new IntList());
    this.openClasses.push(new Set());
    this.profiles.push([]);
    this.local.push(new Map());
    this.nodeConfig.push(undefined);
    this.extSpec.push(undefined);
    this.ignored.push([]);
    return i;
  }
}
