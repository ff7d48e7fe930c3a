// compile: everything the policy compiler knows about endpoints and addresses — identity classes, their
// members, the label identities and address-owning objects selectors are compiled against, and lookups
// from an endpoint or an address to its class.
import type { Cidr } from '../../../lib/ipv4.js';
import type { EndpointPort } from '../../../model/endpoints/types.js';
import type { Labels } from '../../../scenario/types.js';
import type { LabelIndex } from '../../selector/label-index.js';
import type { ClassPoint, ClassTable } from './class-table.js';
import type { ExtAtoms } from './ext-atoms.js';

/** The selector-relevant facts of a WorkloadEndpoint: pods with equal identities differ only by address. */
export interface Identity {
  readonly labels: Labels;
  readonly namespace: string;
  readonly ports: readonly EndpointPort[];
  readonly profiles: readonly string[];
}

/**
 * An object whose labels reach every address it owns: a HostEndpoint, a NetworkSet, or a pod sharing its
 * address with another endpoint (a selector matching it matches every packet end at those addresses).
 */
export interface IpObject {
  readonly kind: 'hep' | 'pod' | 'netset';
  /** HostEndpoint index, endpoint index or network set index. */
  readonly index: number;
  readonly labels: Labels;
  /** Namespace of a pod or namespaced network set (its pcns.* labels may be unknown). */
  readonly namespace?: string;
  /** Exact addresses (HostEndpoint, pod). */
  readonly ips: readonly number[];
  /** CIDRs (network sets). */
  readonly nets: readonly Cidr[];
  /** Named ports it declares (pods and HostEndpoints). */
  readonly ports: readonly EndpointPort[];
}

/** Hot data holder for the class universe of one compiled model. */
export interface Universe {
  readonly classes: ClassTable;
  readonly points: ClassPoint[];
  /** Class of each point. */
  readonly pointClass: number[];
  readonly atoms: ExtAtoms;
  readonly identities: readonly Identity[];
  readonly identIndex: LabelIndex;
  /** Identity → its KIND_WEP classes. */
  readonly identClasses: number[][];
  readonly objects: readonly IpObject[];
  readonly objIndex: LabelIndex;
  /** Endpoint → point index; -1 for a hostNetwork pod whose address is a plain outside address. */
  readonly epPoint: Int32Array;
  /** hostNetwork pod (epPoint -1) → its address. */
  readonly hostNetIp: ReadonlyMap<number, number>;
  /** Address → first non-hostNetwork pod with it. */
  readonly podByIp: ReadonlyMap<number, number>;
  /** Address → point of the HostEndpoint owning it. */
  readonly hepPointByIp: ReadonlyMap<number, number>;
  /** Address → KIND_EXT_POINT point. */
  readonly extPointByIp: ReadonlyMap<number, number>;
  /** Every address some endpoint owns (pods, hostNetwork pods, HostEndpoints). */
  readonly heldIps: ReadonlySet<number>;
  /** Registered CIDRs (rule nets and network sets) by `base/len`. */
  readonly cidrIds: Map<string, number>;
  readonly cidrs: Cidr[];
}

/** The class of endpoint `ep` (pods by index into PolicyModel.endpoints). */
export function classOfEndpoint(u: Universe, ep: number): number {
  const pt = u.epPoint[ep] as number;
  if (pt >= 0) return u.pointClass[pt] as number;
  return u.atoms.classOf(u.hostNetIp.get(ep) ?? 0);
}

/** The class of the packet end at address `ip`, resolved as the reference does (pods, then hosts, then outside). */
export function classOfIp(u: Universe, ip: number): number {
  const pod = u.podByIp.get(ip);
  if (pod !== undefined) return classOfEndpoint(u, pod);
  const pt = u.hepPointByIp.get(ip) ?? u.extPointByIp.get(ip);
  if (pt !== undefined) return u.pointClass[pt] as number;
  return u.atoms.classOf(ip);
}
