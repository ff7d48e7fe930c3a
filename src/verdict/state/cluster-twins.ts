// verdict: clusters whose policy inputs have equal keys (policy-input-key.ts) — tenants from one template.
// Each later one's twin is the first: their models are equal up to the cluster's name, node names and
// addresses, so a packet between two endpoints (the same indices, the same names) gets the same verdict and
// explanation in both, and the twin's model (built once) judges it for all of them.
import { evaluateReference } from '../../model/policy/eval/evaluate-reference.js';
import type { Packet, Verdict } from '../../model/policy/eval/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { clusterInputOf } from './cluster-input.js';
import { fastEvaluate } from './fast-evaluate.js';
import { sameKey, type PolicyInputKey } from './policy-input-key.js';

const twins = new WeakMap<ClusterPolicies, ClusterPolicies>();

/**
 * Links each of `policies` (made by one policyModelsOf) to the first earlier one with an equal key. Only
 * clusters with as many running pods as another compute their key.
 */
export function linkTwins(policies: readonly ClusterPolicies[]): void {
  const sizes = new Map<number, number>();
  for (const c of policies) {
    const n = clusterInputOf(c)?.pods;
    if (n !== undefined) sizes.set(n, (sizes.get(n) ?? 0) + 1);
  }
  const firsts = new Map<number, { readonly key: PolicyInputKey; readonly cluster: ClusterPolicies }[]>();
  for (const c of policies) {
    const input = clusterInputOf(c);
    if (!input || (sizes.get(input.pods) ?? 0) < 2) continue;
    const key = input.key();
    const same = firsts.get(key.hash) ?? [];
    const first = same.find((f) => sameKey(f.key, key))?.cluster;
    if (first) twins.set(c, first);
    else firsts.set(key.hash, [...same, { key, cluster: c }]);
  }
}

/** The first cluster with `c`'s key, when linkTwins found one before it. */
export function twinOf(c: ClusterPolicies): ClusterPolicies | undefined {
  return twins.get(c);
}

/** Verdicts judged in a twin's model for its twins, by packet (many tenants trace the same pod pairs). */
const judged = new WeakMap<ClusterPolicies, Map<string, Verdict>>();

/** Clusters whose packets the reference evaluator judges (judgeByReference). */
const byReference = new WeakSet<ClusterPolicies>();

/**
 * Has evaluateIn judge the packets of `policies` with the reference evaluator, for a question of a few packets
 * (`trace`): compiling a cluster's policies builds the identity classes of all its endpoints (on large.yaml ~20 ms
 * for the management cluster's 2,004 pods, ~14 ms for a tenant's 400) to judge one or two packets. The compiled
 * explanation is the reference's own (fast-evaluate.ts), so the answer is the same.
 */
export function judgeByReference(policies: readonly ClusterPolicies[]): void {
  for (const c of policies) byReference.add(c);
}

/**
 * The verdict on `pkt` in `c`: a packet between two of its endpoints is judged in its twin's model (when it has one),
 * once for all of the twin's twins; in a cluster given to judgeByReference, by the reference evaluator.
 */
export function evaluateIn(c: ClusterPolicies, pkt: Packet): Verdict {
  if (byReference.has(c)) return evaluateReference(c.model, pkt);
  const twin = twins.get(c);
  if (!twin || !('endpoint' in pkt.src) || !('endpoint' in pkt.dst)) return fastEvaluate(c.model, pkt);
  let verdicts = judged.get(twin);
  if (!verdicts) judged.set(twin, (verdicts = new Map()));
  const key = `${pkt.src.endpoint},${pkt.dst.endpoint},${pkt.protocol},${pkt.dstPort ?? ''},${pkt.srcPort ?? ''},${pkt.icmpType ?? ''},${pkt.icmpCode ?? ''}`;
  let v = verdicts.get(key);
  if (!v) verdicts.set(key, (v = fastEvaluate(twin.model, pkt)));
  return v;
}
