// verdict: the evaluator every query uses — the compiled policy matrix of a PolicyModel (built once per
// model and cached), which answers exactly what the reference evaluator answers, explanations included.
import { compilePolicies, type CompiledPolicies } from '../../compile/policy/compiled-policies.js';
import type { PolicyMatrix } from '../../compile/policy/matrix/policy-matrix.js';
import type { Outcome, Packet, Peer, Verdict } from '../../model/policy/eval/types.js';
import type { PolicyModel } from '../../model/policy/types.js';

const compiled = new WeakMap<PolicyModel, CompiledPolicies>();

/** The compiled policies of a model (compiled on first use). */
export function compiledOf(model: PolicyModel): CompiledPolicies {
  let c = compiled.get(model);
  if (!c) {
    c = compilePolicies(model);
    compiled.set(model, c);
  }
  return c;
}

/** Evaluates a packet with the model's compiled policies; same result as evaluateReference. */
export function fastEvaluate(model: PolicyModel, pkt: Packet): Verdict {
  return compiledOf(model).explain(pkt);
}

/**
 * A verdict-only evaluator for many pairs of one model: a packet between two distinct pods (no source
 * port, no ICMP fields) is read from the class x class matrix of its protocol and port (built once per
 * protocol and port, as in B1; the matrix overlays the classes the reference decides), anything else
 * from the compiled verdict. The same verdicts as explain, without building explanations.
 */
export function matrixVerdicts(): (model: PolicyModel, pkt: Packet) => { readonly verdict: Outcome } {
  const matrices = new Map<PolicyModel, Map<number, PolicyMatrix>>();
  return (model, pkt) => {
    const { src, dst } = pkt;
    if (!('endpoint' in src) || !('endpoint' in dst) || src.endpoint === dst.endpoint || pkt.srcPort !== undefined || pkt.icmpType !== undefined || pkt.dstPort === undefined) {
      return { verdict: compiledOf(model).verdict(pkt) };
    }
    let byPacket = matrices.get(model);
    if (!byPacket) matrices.set(model, (byPacket = new Map()));
    const key = pkt.protocol * 65536 + pkt.dstPort;
    let m = byPacket.get(key);
    if (!m) byPacket.set(key, (m = compiledOf(model).matrix({ protocol: pkt.protocol, dstPort: pkt.dstPort })));
    return { verdict: m.verdict(src.endpoint, dst.endpoint) };
  };
}

/**
 * The identity class of a packet end under the model's compiled policies: ends of one class get the same
 * verdict, deciding rules included, on every packet between distinct ends (what the class matrices rest on).
 */
export function fastClassOf(model: PolicyModel): (peer: Peer) => number {
  const cp = compiledOf(model);
  return (peer) => cp.classOf(peer);
}

/**
 * Moves compiled policies that were updated in place from the model they were compiled for to their new
 * model (`cp.model`): the old model no longer has a matching compiled form and will be compiled afresh if
 * it is evaluated again.
 */
export function adoptCompiled(old: PolicyModel, cp: CompiledPolicies): void {
  compiled.delete(old);
  compiled.set(cp.model, cp);
}
