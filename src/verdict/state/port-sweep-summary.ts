// verdict: what a compiled model lets through at every port and at some port — one sweep over every
// destination-port class of SCTP, TCP and UDP, AND-ing and OR-ing each class × class bit matrix: the allow
// matrix (both sides, the reference-decided classes overlaid), and each side's own rows (egress E, ingress
// I). Computed once per compiled model and shared by the page's block matrix and the isolation check.
import type { PolicyMatrix } from '../../compile/policy/policy-matrix.js';
import type { CompiledPolicies } from '../../compile/policy/compiled-policies.js';
import type { PolicyModel, Rule } from '../../model/policy/types.js';
import { CONN_PROTOCOLS } from '../policy/conn-set.js';
import { compiledOf } from './fast-evaluate.js';

/** Class × class bits, `words` words a row, one row per class (row a, bit b: `a * words + (b >>> 5)`). */
export interface PortSweepSummary {
  readonly words: number;
  /** Class a reaches class b on every port of every protocol. */
  readonly allowAll: Int32Array;
  /** Class a reaches class b on some port of some protocol. */
  readonly allowAny: Int32Array;
  /** Class a's egress lets some packet to class b out (its own side alone; uncertain classes not overlaid). */
  readonly egressAny: Int32Array;
  /** Class b's ingress lets some packet from class a in (row b, bit a; its own side alone, as egressAny). */
  readonly ingressAny: Int32Array;
}

const summaries = new WeakMap<PolicyModel, { readonly cp: CompiledPolicies; readonly summary: PortSweepSummary }>();

/** The summary of `model`'s compiled policies (swept on first use, again after they changed). */
export function portSweepSummary(model: PolicyModel): PortSweepSummary {
  const cp = compiledOf(model);
  const known = summaries.get(model);
  if (known && known.cp === cp) return known.summary;
  const summary = sweep(model, cp);
  summaries.set(model, { cp, summary });
  return summary;
}

function sweep(model: PolicyModel, cp: CompiledPolicies): PortSweepSummary {
  const n = cp.classCount;
  let out: { words: number; allowAll: Int32Array; allowAny: Int32Array; egressAny: Int32Array; ingressAny: Int32Array } | undefined;
  const visit = (m: PolicyMatrix): void => {
    const words = m.words;
    out ??= { words, allowAll: new Int32Array(n * words).fill(-1), allowAny: new Int32Array(n * words), egressAny: new Int32Array(n * words), ingressAny: new Int32Array(n * words) };
    const { allowAll, allowAny, egressAny, ingressAny } = out;
    const M = m.allow;
    const E = m.egress;
    const I = m.ingress;
    for (let i = 0; i < n * words; i++) {
      allowAll[i] &= M[i]!;
      allowAny[i] |= M[i]!;
      egressAny[i] |= E[i]!;
      ingressAny[i] |= I[i]!;
    }
  };
  for (const proto of CONN_PROTOCOLS) {
    // A protocol no rule matches by port has one matrix for every port: read once, not swept.
    if (portFree(model, proto.number)) visit(cp.matrix({ protocol: proto.number, dstPort: 1 }));
    else cp.sweepPorts(proto.number, (_lo, _hi, m) => visit(m));
  }
  return out!;
}

/**
 * Whether every destination port of `protocol` gets the same verdicts: no rule that may match the protocol
 * selects by destination port (ports, notPorts, a Service's ports) and no HostEndpoint brings Felix's
 * failsafe ports. A rule with ports but no protocol counts as matching every protocol.
 */
function portFree(model: PolicyModel, protocol: number): boolean {
  if (model.hostEndpoints.length > 0) return false;
  const byPort = (r: Rule): boolean => (r.destination.ports !== undefined || r.destination.notPorts !== undefined || r.destination.services !== undefined) && (r.protocol === undefined || r.protocol === protocol);
  const lists = [...model.policies, ...model.profiles.values()];
  return lists.every((p) => !p.ingress.some(byPort) && !p.egress.some(byPort));
}
