// compile: packets into equivalence classes — protocol × destination-port intervals (× ICMP type/code) on
// which every rule, named port, Service port and failsafe port behaves the same — and a rule's L4 test.
import type { Direction, Rule } from '../../../model/policy/types.js';

/** The part of a packet policy looks at besides its ends. Source ports are not modelled (always absent). */
export interface PacketSpec {
  /** IANA protocol number. */
  readonly protocol: number;
  readonly dstPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

/** Only the PacketSpec fields of a packet (drops its ends). */
export function specOf(pkt: PacketSpec): PacketSpec {
  return {
    protocol: pkt.protocol,
    ...(pkt.dstPort !== undefined ? { dstPort: pkt.dstPort } : {}),
    ...(pkt.icmpType !== undefined ? { icmpType: pkt.icmpType } : {}),
    ...(pkt.icmpCode !== undefined ? { icmpCode: pkt.icmpCode } : {}),
  };
}

/** Felix FailsafeInboundHostPorts / FailsafeOutboundHostPorts defaults (felix/config/config_params.go). */
const FAILSAFE: Readonly<Record<Direction, readonly (readonly [number, number])[]>> = {
  ingress: [[6, 22], [17, 68], [6, 179], [6, 2379], [6, 2380], [6, 5473], [6, 6443], [6, 6666], [6, 6667]],
  egress: [[17, 53], [17, 67], [6, 179], [6, 2379], [6, 2380], [6, 5473], [6, 6443], [6, 6666], [6, 6667]],
};

/** True when a HostEndpoint always accepts the packet in `dir` (failsafe port). */
export function isFailsafe(pkt: PacketSpec, dir: Direction): boolean {
  return FAILSAFE[dir].some(([proto, port]) => pkt.protocol === proto && pkt.dstPort === port);
}

/** Every failsafe port of `protocol` (either direction). */
export function failsafePorts(protocol: number): number[] {
  return [...FAILSAFE.ingress, ...FAILSAFE.egress].filter(([p]) => p === protocol).map(([, port]) => port);
}

/** The rule's protocol, ICMP and IP-family tests (felix rule matching; absent packet fields never match). */
export function l4Matches(rule: Rule, pkt: PacketSpec): boolean {
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
  return true;
}

/** The boundaries that cut the port space, and the protocols some rule tells apart. */
export class PacketClasses {
  /** Sorted ports p where behaviour may change between p-1 and p. */
  private cuts: number[] = [];
  private readonly cutSet = new Set<number>();
  private readonly protocols = new Set<number>([6, 17, 132]);
  /** Bumped whenever a cut or protocol is added (cached keys are then stale). */
  version = 0;

  constructor() {
    for (const dir of ['ingress', 'egress'] as const) for (const [, port] of FAILSAFE[dir]) this.addRange(port, port);
  }

  /** Adds the boundaries of a single port or a range [min, max]. */
  addRange(min: number, max: number): void {
    this.addCut(min);
    this.addCut(max + 1);
  }

  private addCut(p: number): void {
    if (this.cutSet.has(p)) return;
    this.cutSet.add(p);
    const i = upperBound(this.cuts, p);
    this.cuts.splice(i, 0, p);
    this.version++;
  }

  /** Records a rule's protocols and destination port ranges. */
  addRule(rule: Rule): void {
    this.addProtocol(rule.protocol);
    this.addProtocol(rule.notProtocol);
    const d = rule.destination;
    if (d.ports) for (const r of d.ports.ranges) this.addRange(r.min, r.max);
    if (d.notPorts) for (const r of d.notPorts.ranges) this.addRange(r.min, r.max);
  }

  private addProtocol(p: number | undefined): void {
    if (p === undefined || this.protocols.has(p)) return;
    this.protocols.add(p);
    this.version++;
  }

  /** The class of a packet as a string key. */
  key(pkt: PacketSpec): string {
    const proto = this.protocols.has(pkt.protocol) ? pkt.protocol : -1;
    const port = pkt.dstPort === undefined ? 'n' : upperBound(this.cuts, pkt.dstPort);
    return `${proto}|${port}|${pkt.icmpType ?? '-'}|${pkt.icmpCode ?? '-'}`;
  }

  /** The port intervals [lo, hi] of the current cuts within 1..65535, in order. */
  intervals(): [number, number][] {
    const out: [number, number][] = [];
    let lo = 1;
    for (const c of this.cuts) {
      if (c <= lo) continue;
      if (c > 65535) break;
      out.push([lo, c - 1]);
      lo = c;
    }
    out.push([lo, 65535]);
    return out;
  }
}

/** Number of elements of sorted `a` that are <= x. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
