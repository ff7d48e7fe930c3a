// verdict: the protocols whose verdicts never depend on the destination port, and which of them no rule
// tells apart from an earlier one — a sweep, or an evaluation at every port interval, reads one matrix
// (one verdict) for them instead of one per interval and protocol.
import type { PolicyModel, Rule } from '../../model/policy/types.js';

/** A protocol some rule may match by destination port (or on a HostEndpoint's failsafe ports). */
export const PORTED = -2;
/** The first port-free protocol of its kind. */
export const FIRST_FREE = -1;

/**
 * Per protocol of `protocols`: PORTED; FIRST_FREE; or the index of an earlier port-free protocol that every
 * rule matches exactly when it matches this one (same verdicts, every port).
 */
export function portFreeProtocols(model: PolicyModel, protocols: readonly number[]): number[] {
  const lists = [...model.policies, ...model.profiles.values()];
  const every = (test: (r: Rule) => boolean): boolean => lists.every((p) => p.ingress.every(test) && p.egress.every(test));
  const out: number[] = [];
  protocols.forEach((protocol, i) => {
    if (!portFree(model, protocol, every)) out.push(PORTED);
    else out.push(protocols.findIndex((p, j) => j < i && out[j] === FIRST_FREE && indistinct(p, protocol, every)));
  });
  return out;
}

/**
 * Whether every destination port of `protocol` gets the same verdicts: no rule that may match the protocol
 * selects by destination port (ports, notPorts, a Service's ports) and no HostEndpoint brings Felix's
 * failsafe ports. A rule with ports but no protocol counts as matching every protocol.
 */
function portFree(model: PolicyModel, protocol: number, every: (test: (r: Rule) => boolean) => boolean): boolean {
  if (model.hostEndpoints.length > 0) return false;
  return every((r) => !((r.destination.ports !== undefined || r.destination.notPorts !== undefined || r.destination.services !== undefined) && (r.protocol === undefined || r.protocol === protocol)));
}

/**
 * Whether packets of protocols `p` and `q` match the same rules wherever their ports do: no rule names
 * either as its protocol or notProtocol (the only protocol tests of packet-class.ts's l4Matches).
 */
function indistinct(p: number, q: number, every: (test: (r: Rule) => boolean) => boolean): boolean {
  return every((r) => r.protocol !== p && r.protocol !== q && r.notProtocol !== p && r.notProtocol !== q);
}
