// emit/viz: a cluster's class × class matrix codes (A allow, P some ports, D deny, U unknown, S a one-member
// class with itself) from the compiled policies' port sweep — every port interval of SCTP, TCP and UDP is
// one class × class bit matrix, so a class pair allowed in all of them is `All Connections` and one allowed
// in none is denied — with `reach --matrix`'s own per-pair conns only for the pairs in between and for
// classes the reference evaluator decides. Thousands of classes cost word operations, not millions of
// evaluations.
import { pairConns, type PairConns } from '../connlist/pair-conns.js';
import type { PolicyMatrix } from '../../compile/policy/policy-matrix.js';
import type { PolicyModel, Rule } from '../../model/policy/types.js';
import { CONN_PROTOCOLS } from '../../verdict/policy/conn-set.js';
import { compiledOf, matrixVerdicts } from '../../verdict/state/fast-evaluate.js';

/** Codes of ordered class pairs, row-major, and the conns text of the P and U ones by pair index. */
export interface ClassCodes {
  readonly codes: Uint8Array;
  readonly conns: Map<number, string>;
}

/** Char codes of the five codes. */
export const CODE = { A: 65, P: 80, D: 68, U: 85, S: 83 } as const;

/**
 * The codes between classes given by one representative endpoint each (`reps`), and a second member (or
 * -1 for a one-member class: its diagonal is S).
 */
export function sweepClassCodes(model: PolicyModel, reps: readonly number[], seconds: readonly number[], withConns = true): ClassCodes {
  const cp = compiledOf(model);
  const raw = reps.map((ep) => cp.classOf({ endpoint: ep }));
  const n = reps.length;
  // Only the words holding the workloads' classes are read (the matrices' rows run on past them).
  const used = (Math.max(0, ...raw) >>> 5) + 1;
  let words = 0;
  let all: Int32Array | undefined;
  let anyPort: Int32Array | undefined;
  for (const proto of CONN_PROTOCOLS) {
    const visit = (m: PolicyMatrix): void => {
      if (!all || !anyPort) {
        words = Math.min(used, m.words);
        all = new Int32Array(n * words).fill(-1);
        anyPort = new Int32Array(n * words);
      }
      const M = m.allow;
      for (let a = 0; a < n; a++) {
        const src = raw[a]! * m.words;
        const dst = a * words;
        for (let w = 0; w < words; w++) {
          all[dst + w] &= M[src + w]!;
          anyPort[dst + w] |= M[src + w]!;
        }
      }
    };
    // A protocol no rule matches by port has one matrix for every port: read once, not swept.
    if (portFree(model, proto.number)) visit(cp.matrix({ protocol: proto.number, dstPort: 1 }));
    else cp.sweepPorts(proto.number, (_lo, _hi, m) => visit(m));
  }
  const uncertain = new Set(cp.uncertainClasses());
  const conns = pairConns(model, matrixVerdicts(), []);
  const codes = new Uint8Array(n * n);
  const text = new Map<number, string>();
  // Per class, once: n² Set lookups were a tenth of the page's matrix on B1 (1,890 classes).
  const sure = Uint8Array.from(raw, (c) => (uncertain.has(c) ? 0 : 1));
  const bit = (m: Int32Array, row: number, b: number): number => (m[row + (b >>> 5)]! >>> (b & 31)) & 1;
  for (let a = 0; a < n; a++) {
    const row = a * words;
    for (let b = 0; b < n; b++) {
      const k = a * n + b;
      const dst = a === b ? seconds[a]! : reps[b]!;
      if (dst < 0) {
        codes[k] = CODE.S;
        continue;
      }
      const rb = raw[b]!;
      if (sure[a] === 1 && sure[b] === 1 && all && anyPort) {
        if (bit(all, row, rb)) {
          codes[k] = CODE.A;
          continue;
        }
        const some = bit(anyPort, row, rb);
        if (!some || !withConns) {
          codes[k] = some ? CODE.P : CODE.D;
          continue;
        }
      }
      const c = conns({ endpoint: reps[a]! }, { endpoint: dst });
      codes[k] = codeOf(c);
      if (codes[k] === CODE.P || codes[k] === CODE.U) text.set(k, connsText(c));
    }
  }
  return { codes, conns: text };
}

/**
 * Whether every destination port of `protocol` gets the same verdicts: no rule that may match the protocol
 * selects by destination port (ports, notPorts, a Service's ports) and no HostEndpoint brings Felix's
 * failsafe ports. A rule with ports but no protocol counts as matching every protocol.
 */
export function portFree(model: PolicyModel, protocol: number): boolean {
  if (model.hostEndpoints.length > 0) return false;
  const byPort = (r: Rule): boolean => (r.destination.ports !== undefined || r.destination.notPorts !== undefined || r.destination.services !== undefined) && (r.protocol === undefined || r.protocol === protocol);
  const lists = [...model.policies, ...model.profiles.values()];
  return lists.every((p) => !p.ingress.some(byPort) && !p.egress.some(byPort));
}

/** The code of a pair's conns, as class-matrix.ts reads them. */
export function codeOf(c: PairConns): number {
  return c.unknown !== '' ? CODE.U : c.allowed === '' ? CODE.D : c.allowed === 'All Connections' ? CODE.A : CODE.P;
}

/** The conns text of a P or U cell: `TCP 80`, or `TCP 80; unknown: UDP 53`. */
export function connsText(c: PairConns): string {
  return c.allowed + (c.unknown !== '' ? `${c.allowed ? '; ' : ''}unknown: ${c.unknown}` : '');
}
