// compile: one target class and direction as a straight-line program over peer sets — the rules that can
// fire there, in Felix order, with tier ends and profiles — and the word-wide kernel that runs it.
import type { Direction, Tier } from '../../../model/policy/types.js';
import type { CPolicy } from './compile-rules.js';
import { coversAll, type RuleState } from './rule-state.js';

/** Peers in the rule's set and still undecided are allowed / denied / passed to the next tier. */
export const OP_ALLOW = 0;
export const OP_DENY = 1;
export const OP_PASS = 2;
/** End of an armed tier whose defaultAction is Deny: undecided peers are dropped, passed ones go on. */
export const OP_END_DENY = 3;
/** End of a tier with defaultAction Pass, or of a profile: undecided and passed peers go on. */
export const OP_END_PASS = 4;
/** Rule id of the failsafe pseudo-rule (a HostEndpoint failsafe port). */
export const FAILSAFE_ID = -2;

/**
 * Reusable program buffer: quads (opcode, slot offset, index of the end of the rule's tier or profile, rule
 * id), so that a word whose peers are all decided or passed skips to the end of the tier. Tier ends carry
 * the tier position in the slot field.
 */
export class Program {
  buf = new Int32Array(384);
  len = 0;
  /** Per tier position, the policy whose rule matched every peer (the rest of the tier is unreachable). */
  terms: (CPolicy | undefined)[] = [];
  /** Set when some rule's own side held the target but not every class (the program is the target's own). */
  targetSpecific = false;
  /** Index of the first rule of the current tier or profile (its end is patched in by `end`). */
  private tierStart = 0;

  push(op: number, slot: number, id: number): void {
    if (this.len + 4 > this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.len++] = op;
    this.buf[this.len++] = slot;
    this.buf[this.len++] = -1;
    this.buf[this.len++] = id;
  }

  /** Appends the (action, slot, rule id) triples of a fragment (they start at index 1). */
  pushFragment(frag: Int32Array): void {
    const need = this.len + ((frag.length - 1) / 3) * 4 + 4;
    if (need > this.buf.length) {
      const b = new Int32Array(Math.max(need, this.buf.length * 2));
      b.set(this.buf);
      this.buf = b;
    }
    const buf = this.buf;
    let n = this.len;
    for (let k = 1; k < frag.length; k += 3) {
      buf[n] = frag[k] as number;
      buf[n + 1] = frag[k + 1] as number;
      buf[n + 2] = -1;
      buf[n + 3] = frag[k + 2] as number;
      n += 4;
    }
    this.len = n;
  }

  /** Ends the current tier (at tier position `tierPos`) or profile with `op`; points its rules at it. */
  end(op: number, tierPos: number): void {
    const at = this.len;
    this.push(op, tierPos, -1);
    for (let i = this.tierStart; i < at; i += 4) this.buf[i + 2] = at;
    this.tierStart = this.len;
  }

  reset(): void {
    this.len = 0;
    this.tierStart = 0;
    this.terms = [];
    this.targetSpecific = false;
  }

  /** FNV-1a hash of the operations and sets (for sharing rows between classes with equal programs). */
  hash(): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < this.len; i += 4) h = Math.imul(Math.imul(h ^ (this.buf[i] as number), 0x01000193) ^ (this.buf[i + 1] as number), 0x01000193);
    return h;
  }

  /** True when `other` computes the same row (same operations on the same sets; rule ids aside). */
  equals(other: Int32Array): boolean {
    if (other.length !== this.len) return false;
    for (let i = 0; i < this.len; i += 4) if (other[i] !== this.buf[i] || other[i + 1] !== this.buf[i + 1]) return false;
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
  /** Words per class set. */
  readonly words: number;
}

/** Fills `prog` for one target class. */
export function buildProgram(prog: Program, inp: ProgramInput, rs: RuleState, data: Int32Array): void {
  prog.reset();
  if (inp.failsafe) {
    prog.push(OP_ALLOW, inp.validSlot, FAILSAFE_ID);
    prog.end(OP_END_PASS, -1);
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
      const frag = rs.fragment(p, ingress, data, inp.words, inp.validSlot);
      let terminal: boolean;
      if (frag) {
        prog.pushFragment(frag);
        terminal = frag[0] === 1;
      } else {
        prog.targetSpecific = true;
        terminal = emitRules(prog, ingress ? p.fire.ingress : p.fire.egress, own, peers, data, inp);
      }
      if (terminal) {
        // A rule matched every peer: nothing after it in the tier can fire (the tier stays armed).
        prog.terms[tierPos] = p;
        i = tierEnd(pols, i + 1, tierPos);
        break;
      }
    }
    if (armed) prog.end(inp.tiers[tierPos]?.defaultAction === 'Deny' ? OP_END_DENY : OP_END_PASS, tierPos);
  }
  for (const rules of inp.profiles) {
    if (!prog.targetSpecific) prog.targetSpecific = !ownsAll(rules, own, data, inp);
    emitRules(prog, rules, own, peers, data, inp);
    prog.end(OP_END_PASS, -1);
  }
}

/** True when every rule of (id, action) pairs has an own side holding every class (or none). */
function ownsAll(fire: Int32Array, own: Int32Array, data: Int32Array, inp: ProgramInput): boolean {
  for (let k = 0; k < fire.length; k += 2) {
    const o = own[fire[k] as number] as number;
    if (o >= 0 && !coversAll(data, o, inp.validSlot, inp.words)) return false;
  }
  return true;
}

/** The first index at or after `from` whose policy is in a later tier than `tierPos` (binary search). */
function tierEnd(pols: readonly CPolicy[], from: number, tierPos: number): number {
  let lo = from;
  let hi = pols.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pols[mid] as CPolicy).tierPos <= tierPos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Appends the rules of (id, action) pairs that can fire at the target (own side matches, peers not empty);
 * true when one of them matches every peer (the rest is unreachable and left out).
 */
function emitRules(prog: Program, fire: Int32Array, own: Int32Array, peers: Int32Array, data: Int32Array, inp: ProgramInput): boolean {
  const tw = inp.target >>> 5;
  const tb = 1 << (inp.target & 31);
  for (let k = 0; k < fire.length; k += 2) {
    const id = fire[k] as number;
    const o = own[id] as number;
    const p = peers[id] as number;
    if (o < 0 || p < 0 || ((data[o + tw] as number) & tb) === 0) continue;
    prog.push(fire[k + 1] as number, p, id);
    if (coversAll(data, p, inp.validSlot, inp.words)) return true;
  }
  return false;
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
    for (let i = 0; i < len && (u | p) !== 0; i += 4) {
      const op = prog[i] as number;
      if (op <= OP_PASS) {
        if (u === 0) {
          i = (prog[i + 2] as number) - 4;
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

/**
 * Walks a program for one peer class: the id of the first Allow/Deny rule matching it, FAILSAFE_ID, or
 * -(tierPos + 4) for an end-of-tier drop, or -3 when no profile allowed it (explain-side.ts codes).
 */
export function decideFromProgram(prog: Int32Array, data: Int32Array, s: number): number {
  const sw = s >>> 5;
  const sb = 1 << (s & 31);
  for (let i = 0; i < prog.length; i += 4) {
    const op = prog[i] as number;
    if (op <= OP_PASS) {
      if (((data[(prog[i + 1] as number) + sw] as number) & sb) === 0) continue;
      if (op !== OP_PASS) return prog[i + 3] as number;
      i = prog[i + 2] as number;
    } else if (op === OP_END_DENY) return -4 - (prog[i + 1] as number);
  }
  return -3;
}
