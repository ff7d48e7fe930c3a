// compile: one packet class's view of every rule — the class set each side matches once protocol, ICMP,
// destination ports, named ports and Service ports are applied (-1 when the rule cannot match).
import { isEmpty } from '../../../lib/containers/bitset.js';
import { inRanges } from '../../../model/policy/fields/ports.js';
import type { Direction } from '../../../model/policy/types.js';
import type { CPolicy, CRule, RuleCtx } from './compile-rules.js';
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
  /** Per direction and class, the program decideSide walks (built on first use, dropped on any change). */
  private programs: Record<Direction, (Int32Array | undefined)[]> = { ingress: [], egress: [] };
  /** Per policy, its program fragment for [ingress, egress] (null: depends on the target). */
  private readonly fragments = new WeakMap<CPolicy, (Int32Array | null | undefined)[]>();

  constructor(
    public pkt: PacketSpec,
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

  /**
   * The program fragment policy `p` contributes at every class it selects: [terminal, (action, peer slot,
   * rule id)*],
   * terminal = 1 when its last pair matches every peer (nothing after it in the tier can fire). Null when
   * some rule's own side (the destination for ingress) holds some of its targets but not all.
   */
  fragment(p: CPolicy, ingress: boolean, data: Int32Array, words: number, validSlot: number): Int32Array | null {
    let per = this.fragments.get(p);
    if (!per) this.fragments.set(p, (per = [undefined, undefined]));
    const at = ingress ? 0 : 1;
    let frag = per[at];
    if (frag === undefined) per[at] = frag = this.computeFragment(p, ingress, data, words, validSlot);
    return frag;
  }

  private computeFragment(p: CPolicy, ingress: boolean, data: Int32Array, words: number, validSlot: number): Int32Array | null {
    const fire = ingress ? p.fire.ingress : p.fire.egress;
    const own = ingress ? this.effDst : this.effSrc;
    const peers = ingress ? this.effSrc : this.effDst;
    const out: number[] = [0];
    for (let k = 0; k < fire.length; k += 2) {
      const id = fire[k] as number;
      const o = own[id] as number;
      const q = peers[id] as number;
      if (o < 0 || q < 0) continue;
      for (let w = 0; w < words; w++) if (((data[p.targets + w] as number) & ~(data[o + w] as number)) !== 0) return null;
      out.push(fire[k + 1] as number, q, id);
      if (coversAll(data, q, validSlot, words)) {
        out[0] = 1;
        break;
      }
    }
    return Int32Array.from(out);
  }

  /** The cached decide program of class `c`, if any. */
  program(dir: Direction, c: number): Int32Array | undefined {
    return this.programs[dir][c];
  }

  storeProgram(dir: Direction, c: number, prog: Int32Array): void {
    this.programs[dir][c] = prog;
  }

  /** Forgets every cached decide program (after a policy change or a class split). */
  dropPrograms(): void {
    this.programs = { ingress: [], egress: [] };
  }

  /**
   * Moves the state to another packet of the same protocol that only `rules` tell apart from the current
   * one (a port sweep): their sets are recomputed, everything else is kept.
   */
  retarget(pkt: PacketSpec, rules: readonly CRule[]): void {
    this.pkt = pkt;
    for (const r of rules) {
      this.setRule(r);
      if (r.policy) this.fragments.delete(r.policy);
    }
    this.dropPrograms();
  }

  /**
   * Moves the state to a packet of another protocol (no ICMP fields): the rules that match either protocol
   * and depend on it (one matches, or the port-dependent sets: named ports and Services read the protocol)
   * are recomputed; returns those whose sets changed (a set that stays empty is no change). The old
   * port-dependent sets are freed afterwards (the cache's keys do not hold the protocol).
   */
  switchPacket(pkt: PacketSpec): CRule[] {
    const before = this.pkt;
    const stale = [...this.cache.values()];
    this.cache.clear();
    this.pkt = pkt;
    const changed: CRule[] = [];
    for (const r of this.ctx.table) {
      if (!r) continue;
      const was = l4Matches(r.rule, before);
      const is = l4Matches(r.rule, pkt);
      if (!was && !is) continue;
      if (was && is && !r.dstPortDep) continue;
      const src = this.effSrc[r.id];
      const dst = this.effDst[r.id];
      this.setRule(r);
      if (this.effSrc[r.id] === src && this.effDst[r.id] === dst) continue;
      changed.push(r);
      if (r.policy) this.fragments.delete(r.policy);
    }
    for (const off of stale) if (off >= 0) this.ctx.ps.pool.free(off);
    this.dropPrograms();
    return changed;
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
    // Named ports and Services depend on the port number itself (a state may be retargeted to other ports).
    const exact = (d.ports !== undefined && !portsHit && d.ports.named.length > 0) || (d.notPorts?.named.length ?? 0) > 0 || d.services !== undefined;
    const key = `${r.dstBase}\u0000${d.ports ? (portsHit ? '*' : named(d.ports)) : '-'}\u0000${named(d.notPorts)}\u0000${r.rule.protocol ?? '-'}\u0000${d.selector?.toString() ?? '-'}\u0000${d.services ? `${d.services.namespace}/${d.services.name}` : '-'}\u0000${exact ? port : ''}`;
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

/** True when slot `q` holds every valid class. */
export function coversAll(data: Int32Array, q: number, validSlot: number, words: number): boolean {
  for (let w = 0; w < words; w++) if (((data[validSlot + w] as number) & ~(data[q + w] as number)) !== 0) return false;
  return true;
}
