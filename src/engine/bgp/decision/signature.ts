// engine/bgp: the signature of a prefix — who originates it with what, which nodes' affine blocks contain
// it (calico_aggr), and its filter verdict under every filter profile — as the text a class is keyed by;
// and a memo that hands consecutive prefixes with equal inputs the text already built, so that a build
// signing every prefix (B5: 64,000, in runs of 64 per node) builds one text per run, not per prefix.
import { IntList } from '../../../lib/containers/int-list.js';
import { maskOf } from '../../../lib/ipv4.js';
import type { BgpCore } from '../bgp-core.js';
import { KIND_BLOCK } from '../tables/prefix-classes.js';

/** Writes into `out` (emptied first) what prefix q's signature says besides its verdicts: its origins
 *  (speaker, code pairs), -1, then (speaker, 1 if the block is q itself else 0) per node's affine block
 *  containing q, shortest block length first. */
function signatureInputs(core: BgpCore, q: number, out: IntList): void {
  const { classes } = core;
  const base = classes.pBase[q] as number;
  const len = classes.pLen[q] as number;
  const origins = classes.pOrigins[q] as readonly number[];
  out.length = 0;
  for (let i = 0; i < origins.length; i++) out.push(origins[i] as number);
  out.push(-1);
  const lens = core.blockLens;
  for (let k = 0; k < lens.length; k++) {
    const l = lens[k] as number;
    if (l > len) continue;
    const b = classes.findPrefix((base & maskOf(l)) >>> 0, l);
    if (b < 0) continue;
    const o = classes.pOrigins[b] as readonly number[];
    for (let i = 0; i < o.length; i += 2) {
      if (((o[i + 1] as number) & 7) !== KIND_BLOCK || core.spk.isNode[o[i] as number] !== 1) continue;
      out.push(o[i] as number);
      out.push(l === len ? 1 : 0);
    }
  }
}

/** `origins#aggregating blocks#verdicts` from the inputs `signatureInputs` wrote. */
function signatureText(inputs: IntList, verdicts: string): string {
  const x = inputs.data;
  let sig = '';
  let i = 0;
  for (; x[i] !== -1; i++) sig += i === 0 ? `${x[i]}` : `,${x[i]}`;
  sig += '#';
  for (let j = i + 1; j < inputs.length; j += 2) sig += `${j === i + 1 ? '' : ','}${x[j]}:${x[j + 1]}`;
  return `${sig}#${verdicts}`;
}

/** Prefix q's verdict under every filter profile, one digit each. */
export function verdictText(core: BgpCore, q: number): string {
  let s = '';
  for (let g = 0; g < core.filters.count; g++) s += core.filters.evaluate(g, core.classes.pBase[q] as number, core.classes.pLen[q] as number);
  return s;
}

function sameNumbers(a: IntList, b: IntList): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** Signatures of a run of prefixes, each built only when its inputs differ from the previous prefix's. */
export class SignatureMemo {
  // Emptied by their count, never reallocated once grown: nothing is allocated per prefix.
  private cur = new IntList(64);
  private prev = new IntList(64);
  private prevVerdicts = '';
  private prevText: string | null = null;

  /** Signature of prefix q whose verdicts are `verdicts`. */
  of(core: BgpCore, q: number, verdicts: string): string {
    signatureInputs(core, q, this.cur);
    if (this.prevText !== null && verdicts === this.prevVerdicts && sameNumbers(this.cur, this.prev)) return this.prevText;
    const inputs = this.cur;
    this.cur = this.prev;
    this.prev = inputs;
    this.prevVerdicts = verdicts;
    this.prevText = signatureText(inputs, verdicts);
    return this.prevText;
  }
}
