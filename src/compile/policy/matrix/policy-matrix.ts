// compile: the reachability matrix of one packet class as the caller sees it — class × class allow and
// unknown bits, expandable to pods (PolicyModel.endpoints) through each class's members.
import type { Outcome } from '../../../model/policy/eval/types.js';
import type { ChangedRows, MatrixState } from './matrix-state.js';
import type { PacketSpec } from '../rules/packet-class.js';
import type { PolicyCore } from './policy-core.js';
import { classOfEndpoint } from '../classes/universe.js';

/**
 * A view valid until the next applyPolicy/deletePolicy (fetch it again then). Row a of `allow` (words
 * `a * words .. a * words + words - 1`) has bit b set when class a may open connections to class b.
 */
export class PolicyMatrix {
  private members: number[][] | undefined;

  constructor(
    private readonly core: PolicyCore,
    private readonly state: MatrixState,
    readonly packet: PacketSpec,
  ) {}

  get classCount(): number {
    return this.core.u.classes.n;
  }

  get words(): number {
    return this.core.words;
  }

  /** Class-level allow bits, row a bit b (materialized on first use; shared: do not mutate). */
  get allow(): Int32Array {
    return this.state.allowBits();
  }

  /** Each side's own rows before the reference-decided cells: egress row a has bit b when a's egress lets a
   *  packet to b out; ingress row b has bit a when b's ingress lets a packet from a in (shared: do not mutate). */
  get egress(): Int32Array {
    return this.state.E;
  }

  get ingress(): Int32Array {
    return this.state.I;
  }

  /** The rows of egress and ingress the last change of packet (a port sweep's step) altered, when known. */
  get changedRows(): ChangedRows | undefined {
    return this.state.changedRows();
  }

  classOfEndpoint(ep: number): number {
    return classOfEndpoint(this.core.u, ep);
  }

  /** The verdict between two classes (distinct members). */
  classVerdict(a: number, b: number): Outcome {
    return this.state.verdict(a, b);
  }

  /** The verdict from pod `src` to pod `dst` (endpoint indices); a pod always reaches itself. */
  verdict(src: number, dst: number): Outcome {
    if (src === dst) return 'allow';
    return this.classVerdict(this.classOfEndpoint(src), this.classOfEndpoint(dst));
  }

  /** Endpoint indices of the pods in class `c`, ascending. */
  membersOf(c: number): readonly number[] {
    if (!this.members) {
      const m: number[][] = [];
      for (let c2 = 0; c2 < this.classCount; c2++) m.push([]);
      for (let ep = 0; ep < this.core.model.endpoints.length; ep++) m[this.classOfEndpoint(ep)]?.push(ep);
      this.members = m;
    }
    return this.members[c] ?? [];
  }

  /** Number of ordered pod pairs (src ≠ dst) that are allowed. */
  countAllowedPodPairs(): number {
    let n = 0;
    const C = this.classCount;
    const M = this.allow;
    const W = this.words;
    for (let a = 0; a < C; a++) {
      const na = this.membersOf(a).length;
      if (na === 0) continue;
      for (let b = 0; b < C; b++) {
        const nb = this.membersOf(b).length;
        if (nb === 0 || ((M[a * W + (b >>> 5)] as number) & (1 << (b & 31))) === 0) continue;
        n += a === b ? na * (na - 1) : na * nb;
      }
    }
    return n;
  }
}
