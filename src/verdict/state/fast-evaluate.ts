// verdict: the evaluator every query uses — the compiled policy matrix of a PolicyModel (built once per
// model and cached), which answers exactly what the reference evaluator answers, explanations included.
import { compilePolicies, type CompiledPolicies } from '../../compile/policy/compiled-policies.js';
import type { Packet, Peer, Verdict } from '../../model/policy/eval/types.js';
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
