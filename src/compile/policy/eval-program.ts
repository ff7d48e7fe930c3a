// compile: one target class and direction as a straight-line program over peer sets — the rules that can
// fire there, in Felix order, with tier ends and profiles — and the word-wide kernel that runs it.
import type { Direction, Tier } from '../../model/policy/types.js';
import type { CPolicy } from './compile-rules.js';
import type { RuleState } from './rule-state.js';

/** Peers in the rule's set and still undecided are allowed / denied / passed to the next tier. */
export const OP_ALLOW = 0;
export const OP_DENY = 1;
export const OP_PASS = 2;
/** End of an armed tier whose defaultAction is Deny: undecided peers are dropped, passed ones go on. */
export const OP_END_DENY = 3;
/** End of a tier with defaultAction Pass, or of a profile: undecided and passed peers go on. */
export const OP_END_PASS = 4;

/**
 * Reusable program buffer: triples (opcode, slot offset, index of the end of the rule's tier or profile),
 * so that a word whose peers are all decided or passed skips to the end of the tier.
 */
export class Program {
  buf = new Int32Array(384);
  len = 0;
  /** Index of the first rule of the current tier or profile (its end is patched in by `end`). */
  private tierStart = 0;

  push(op: number, slot: number): void {
    if (this.len + 3 > this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.len++] = op;
    this.buf[this.len++] = slot;
    this.buf[this.len++] = -1;
  }

  /** Ends the current tier or profile with `op` and points its rules at it. */
  end(op: number): void {
    const at = this.len;
    this.push(op, 0);
    for (let i = this.tierStart; i < at; i += 3) this.buf[i + 2] = at;
    this.tierStart = this.len;
  }

  reset(): void {
    this.len = 0;
    this.tierStart = 0;
  }

  /** FNV-1a hash of the program (for sharing rows between classes with equal programs). */
  hash(): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < this.len; i++) h = Math.imul(h ^ (this.buf[i] as number), 0x01000193);
    return h;
  }

  /** True when `other` holds the same program. */
  equals(other: Int32Array): boolean {
    if (other.length !== this.len) return false;
    for (let i = 0; i < this.len; i++) if (other[i] !== this.buf[i]) return false;
    return true;
  }
}

/** Everything a target's program is made of besides the rule state. */
export interface ProgramInput {
  readonly target: number;
  readonly dir: Direction;
  readonly policies: readonly CPolicy[];
  readonly tiers: readonly Tier[];
  /** Per profile, its (rule id, action) pairs. */
  readonly profiles: readonly Int32Array[];
  /** HostEndpoint failsafe port: everything is allowed. */
  readonly failsafe: boolean;
  readonly validSlot: number;
}

/** Fills `prog` for one target class. */
export function buildProgram(prog: Program, inp: ProgramInput, rs: RuleState, data: Int32Array): void {
  prog.reset();
  if (inp.failsafe) {
    prog.push(OP_ALLOW, inp.validSlot);
    prog.end(OP_END_PASS);
    return;
  }
  const ingress = inp.dir === 'ingress';
  const own = ingress ? rs.effDst : rs.effSrc;
  const peers = ingress ? rs.effSrc : rs.effDst;
  const pols = inp.policies;
  let i = 0;
  while (i < pols.length) {
    const tierPos = (pols[i] as CPolicy).tierPos;
    let armed = false;
    for (; i < pols.length && (pols[i] as CPolicy).tierPos === tierPos; i++) {
      const p = pols[i] as CPolicy;
      if (p.staged) continue;
      armed = true;
      emitRules(prog, ingress ? p.fire.ingress : p.fire.egress, own, peers, data, inp.target);
    }
    if (armed) prog.end(inp.tiers[tierPos]?.defaultAction === 'Deny' ? OP_END_DENY : OP_END_PASS);
  }
  for (const rules of inp.profiles) {
    emitRules(prog, rules, own, peers, data, inp.target);
    prog.end(OP_END_PASS);
  }
}

/** Appends the rules of (id, action) pairs that can fire at `target` (own side matches, peers not empty). */
function emitRules(prog: Program, fire: Int32Array, own: Int32Array, peers: Int32Array, data: Int32Array, target: number): void {
  const tw = target >>> 5;
  const tb = 1 << (target & 31);
  for (let k = 0; k < fire.length; k += 2) {
    const id = fire[k] as number;
    const o = own[id] as number;
    const p = peers[id] as number;
    if (o < 0 || p < 0 || ((data[o + tw] as number) & tb) === 0) continue;
    prog.push(fire[k + 1] as number, p);
  }
}

/**
 * Runs a program over every word of the peer space: out[outOff + w] = peers allowed. Word-outer, so a word
 * stops as soon as every peer in it is decided, and skips the rest of a tier once none is undecided.
 */
export function evalProgram(prog: Int32Array, len: number, data: Int32Array, words: number, validSlot: number, out: Int32Array, outOff: number): void {
  for (let w = 0; w < words; w++) {
    let u = data[validSlot + w] as number;
    let a = 0;
    let p = 0;
    for (let i = 0; i < len && (u | p) !== 0; i += 3) {
      const op = prog[i] as number;
      if (op <= OP_PASS) {
        if (u === 0) {
          i = (prog[i + 2] as number) - 3;
          continue;
        }
        const m = u & (data[(prog[i + 1] as number) + w] as number);
        if (m !== 0) {
          u ^= m;
          if (op === OP_ALLOW) a |= m;
          else if (op === OP_PASS) p |= m;
        }
      } else if (op === OP_END_DENY) {
        u = p;
        p = 0;
      } else {
        u |= p;
        p = 0;
      }
    }
    out[outOff + w] = a;
  }
}
