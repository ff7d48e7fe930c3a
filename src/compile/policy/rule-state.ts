// compile: one packet class's view of every rule — the class set each side matches once protocol, ICMP,
// destination ports, named ports and Service ports are applied (-1 when the rule cannot match).
import { isEmpty } from '../../lib/bitset.js';
import { inRanges } from '../../model/policy/ports.js';
import type { CRule, RuleCtx } from './compile-rules.js';
import { serviceIndex } from './compile-rules.js';
import { l4Matches, type PacketSpec } from './packet-class.js';
import type { NamedPorts } from './port-sets.js';
import { orServiceBackends } from './port-sets.js';

/** Hot data holder: effective source/destination slots per rule id for one packet class. */
export class RuleState {
  effSrc: Int32Array;
  effDst: Int32Array;
  /** Port-dependent destination sets computed for this packet, by what they depend on (-1: empty). */
  private readonly cache = new Map<string, number>();

  constructor(
    readonly pkt: PacketSpec,
    private readonly ctx: RuleCtx,
    private readonly named: NamedPorts,
  ) {
    const n = Math.max(16, ctx.table.length);
    this.effSrc = new Int32Array(n).fill(-1);
    this.effDst = new Int32Array(n).fill(-1);
    for (const r of ctx.table) if (r) this.setRule(r);
  }

  private ensure(id: number): void {
    if (id < this.effSrc.length) return;
    const n = Math.max(id + 1, this.effSrc.length * 2);
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n).fill(-1);
      b.set(a);
      return b;
    };
    this.effSrc = grow(this.effSrc);
    this.effDst = grow(this.effDst);
  }

  /** (Re)computes the effective sets of a rule. */
  setRule(r: CRule): void {
    this.ensure(r.id);
    this.clearRule(r.id);
    if (!l4Matches(r.rule, this.pkt)) return;
    this.effSrc[r.id] = r.srcBase;
    this.effDst[r.id] = r.dstBase < 0 || !r.dstPortDep ? r.dstBase : this.portDestination(r);
  }

  /** Forgets a rule (its id may be reused). */
  clearRule(id: number): void {
    if (id >= this.effSrc.length) return;
    this.effSrc[id] = -1;
    this.effDst[id] = -1;
  }

  /** Frees every slot this state owns. */
  release(): void {
    for (const off of this.cache.values()) if (off >= 0) this.ctx.ps.pool.free(off);
    this.cache.clear();
  }

  /** Destination ports / notPorts / services applied to the port-independent destination set (cached). */
  private portDestination(r: CRule): number {
    const d = r.rule.destination;
    const port = this.pkt.dstPort;
    if ((d.ports || d.services) && port === undefined) return -1;
    if (d.notPorts && port !== undefined && inRanges(d.notPorts.ranges, port)) return -1;
    const portsHit = d.ports !== undefined && port !== undefined && inRanges(d.ports.ranges, port);
    const named = (m: typeof d.ports): string => (m ? m.named.join(',') : '-');
    const key = `${r.dstBase}\u0000${d.ports ? (portsHit ? '*' : named(d.ports)) : '-'}\u0000${named(d.notPorts)}\u0000${r.rule.protocol ?? '-'}\u0000${d.selector?.toString() ?? '-'}\u0000${d.services ? `${d.services.namespace}/${d.services.name}` : '-'}`;
    let off = this.cache.get(key);
    if (off === undefined) {
      off = this.compute(r, portsHit);
      this.cache.set(key, off);
    }
    return off;
  }

  private compute(r: CRule, portsHit: boolean): number {
    const { ps } = this.ctx;
    const d = r.rule.destination;
    const port = this.pkt.dstPort as number;
    const proto = this.pkt.protocol;
    const off = ps.pool.alloc();
    const W = ps.pool.words;
    ps.pool.data.copyWithin(off, r.dstBase, r.dstBase + W);
    const combine = (fill: (slot: number) => void, negate: boolean): void => {
      const tmp = ps.pool.alloc();
      fill(tmp);
      const a = ps.pool.data;
      for (let w = 0; w < W; w++) a[off + w] = negate ? (a[off + w] as number) & ~(a[tmp + w] as number) : (a[off + w] as number) & (a[tmp + w] as number);
      ps.pool.free(tmp);
    };
    if (d.ports && !portsHit) combine((s) => this.named.orInto(ps, s, d.ports?.named ?? [], r.rule, d.selector, proto, port), false);
    if (d.notPorts && d.notPorts.named.length > 0) combine((s) => this.named.orInto(ps, s, d.notPorts?.named ?? [], r.rule, d.selector, proto, port), true);
    if (d.services) {
      const svc = serviceIndex(this.ctx.model, d.services);
      combine((s) => {
        if (svc >= 0) orServiceBackends(ps, s, svc, proto, port);
      }, false);
    }
    if (isEmpty(ps.pool.view(off))) {
      ps.pool.free(off);
      return -1;
    }
    return off;
  }
}
