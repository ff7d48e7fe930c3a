// compile: the identity classes the policy compiler works on — endpoints and addresses that every rule and
// selector treats alike (Cilium-style identities, refined by the CIDRs that tell their IPs apart).

/** A pod with a WorkloadEndpoint. */
export const KIND_WEP = 0;
/** A HostEndpoint address (also a hostNetwork pod on a HostEndpoint's IP). */
export const KIND_HEP = 1;
/** An address outside Calico's endpoints that some Service backend or co-located endpoint singles out. */
export const KIND_EXT_POINT = 2;
/** Plain outside addresses: intervals of the IPv4 space between CIDR boundaries. */
export const KIND_EXT_ATOM = 3;

/** Service backend facts of a class: the Service and the (protocol << 16 | port) pairs it serves there. */
export interface ServiceFact {
  readonly svc: number;
  readonly ports: readonly number[];
}

/** One member of a point class: an endpoint, a HostEndpoint address or a special outside address. */
export interface ClassPoint {
  readonly kind: number;
  /** Endpoint index (pods) or -1. */
  readonly ep: number;
  /** HostEndpoint index (the first one on the address) or -1. */
  readonly hep: number;
  /** IPv4 as uint32, -1 when unknown. */
  readonly ip: number;
}

/** Per-class columns (plain arrays: read per query, never in the word-wide kernels). */
export class ClassTable {
  n = 0;
  readonly kind: number[] = [];
  /** KIND_WEP: identity index; KIND_HEP: HostEndpoint index; else -1. */
  readonly ident: number[] = [];
  /** An address of every member, for CIDR tests (members agree on every registered CIDR); -1 when none. */
  readonly ip: number[] = [];
  /** 1 when some pair with this class may depend on facts the input lacks (the reference decides those). */
  readonly uncertain: number[] = [];
  /** Point members (indices into the universe's points); empty for KIND_EXT_ATOM. */
  readonly members: number[][] = [];
  readonly services: (readonly ServiceFact[])[] = [];

  add(kind: number, ident: number, ip: number, services: readonly ServiceFact[]): number {
    const c = this.n++;
    this.kind.push(kind);
    this.ident.push(ident);
    this.ip.push(ip);
    this.uncertain.push(0);
    this.members.push([]);
    this.services.push(services);
    return c;
  }

  /** A copy of class `c` (no members, same address) as a new class. */
  split(c: number): number {
    const d = this.add(this.kind[c] as number, this.ident[c] as number, this.ip[c] as number, this.services[c] as readonly ServiceFact[]);
    this.uncertain[d] = this.uncertain[c] as number;
    return d;
  }

  /** True for classes that are policy targets (workload or host endpoints). */
  isTarget(c: number): boolean {
    const k = this.kind[c];
    return k === KIND_WEP || k === KIND_HEP;
  }
}
