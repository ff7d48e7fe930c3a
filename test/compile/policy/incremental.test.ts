// test: applying, modifying and deleting single policies keeps every cached matrix exactly equal to a full
// recompilation of the resulting model (and its explanations equal to the reference), and the reported
// changed pairs are exactly the pod pairs whose verdict changed.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compilePolicies, type CompiledPolicies } from '../../../src/compile/policy/compiled-policies.js';
import type { PacketSpec } from '../../../src/compile/policy/rules/packet-class.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import type { JsonObject } from '../../../src/scenario/types.js';
import { evaluateReference } from '../../../src/model/policy/eval/evaluate-reference.js';
import type { Outcome } from '../../../src/model/policy/eval/types.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { policyManifestArb } from '../../arbitraries/policy-manifest.js';
import { toManifest } from '../../arbitraries/to-manifest.js';
import { matrixVerdict, PACKETS, probeEnds } from './agreement.js';

type Op = { readonly apply: JsonObject } | { readonly remove: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('pol0', 'pol1', 'pol2', 'pol3', 'new0', 'new1').chain((name) => policyManifestArb(name, ['t1', 't2', 't3'])).map((apply) => ({ apply })) },
  { weight: 1, arbitrary: fc.nat(20).map((remove) => ({ remove })) },
);

/** Pod × pod verdicts of a matrix (self pairs included). */
function podVerdicts(cp: CompiledPolicies, pkt: PacketSpec, n: number): Outcome[] {
  const mx = cp.matrix(pkt);
  const out: Outcome[] = [];
  for (let s = 0; s < n; s++) for (let d = 0; d < n; d++) out.push(mx.verdict(s, d));
  return out;
}

/** Problems after one operation, or undefined. */
function check(cp: CompiledPolicies, before: Outcome[][], changes: ReturnType<CompiledPolicies['applyPolicy']>, packets: readonly PacketSpec[]): string | undefined {
  const model: PolicyModel = cp.model;
  const n = model.endpoints.length;
  const fresh = compilePolicies(model);
  for (const [k, pkt] of packets.entries()) {
    const now = podVerdicts(cp, pkt, n);
    const full = podVerdicts(fresh, pkt, n);
    if (!isDeepStrictEqual(now, full)) return `incremental matrix differs from a recompilation for ${JSON.stringify(pkt)}`;
    // Packets of one class share a matrix: its change record carries the packet it was built for.
    const change = changes.changes.find((c) => isDeepStrictEqual(c.packet, pkt));
    if (!change) {
      if (k === 0) return `no change record for ${JSON.stringify(pkt)}`;
      continue;
    }
    const mx = change.matrix;
    const flagged = new Set<string>();
    for (const [list] of [[change.allowed], [change.denied]]) for (let i = 0; i < list.length; i += 2) flagged.add(`${list[i]},${list[i + 1]}`);
    const old = before[k] as Outcome[];
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < n; d++) {
        if (s === d) continue;
        const moved = (old[s * n + d] === 'allow') !== (now[s * n + d] === 'allow');
        const said = flagged.has(`${mx.classOfEndpoint(s)},${mx.classOfEndpoint(d)}`);
        if (moved && !said) return `pod ${s} -> ${d} changed but was not reported`;
        if (said && !moved) return `pod ${s} -> ${d} reported but unchanged`;
      }
    }
    const ends = probeEnds(model);
    for (const [i, src] of ends.entries()) {
      for (const dst of ends) {
        const p = { src, dst, ...pkt };
        const ref = evaluateReference(model, p);
        if (cp.verdict(p) !== ref.verdict) return `verdict differs after the operation: ${JSON.stringify(p)}`;
        const m = matrixVerdict(model, cp, cp.matrix(pkt), p);
        if (m !== undefined && m !== ref.verdict) return `matrix differs from the reference after the operation: ${JSON.stringify(p)}`;
        if (i < 6 && !isDeepStrictEqual(cp.explain(p), ref)) return `explain differs after the operation: ${JSON.stringify(p)}`;
      }
    }
  }
  return undefined;
}

function runOps(slack: number | undefined, numRuns: number, unknowns = false): void {
  fc.assert(
    fc.property(
      clusterArb({ maxPods: unknowns ? 5 : 7, maxPolicies: 4, extras: true, undeclared: unknowns, noIp: unknowns }),
      fc.subarray([...PACKETS], { minLength: 1, maxLength: 2 }),
      fc.array(opArb, { minLength: 1, maxLength: 4 }),
      (input, packets, ops) => {
        const { model } = buildPolicyModel(input);
        const cp = compilePolicies(model, slack !== undefined ? { slack } : {});
        for (const pkt of packets) cp.matrix(pkt);
        ops.forEach((op, i) => {
          const n = cp.model.endpoints.length;
          const before = packets.map((pkt) => podVerdicts(cp, pkt, n));
          let change;
          if ('apply' in op) {
            const r = cp.applyManifest(toManifest(op.apply, 100 + i));
            if (!r.change) return;
            change = r.change;
          } else {
            const p = cp.model.policies[op.remove % Math.max(1, cp.model.policies.length)];
            if (!p) return;
            change = cp.deletePolicy(p);
            if (cp.model.policies.some((q) => q.kind === p.kind && q.name === p.name && q.namespace === p.namespace)) throw new Error('not deleted');
          }
          expect(check(cp, before, change, packets)).toBeUndefined();
        });
      },
    ),
    { numRuns },
  );
}

describe('incremental policy updates', () => {
  it('match a full recompilation after every add, modify and delete', () => {
    runOps(undefined, 150);
  });

  it('stay exact when class refinement exceeds the spare capacity (recompiles)', () => {
    runOps(0, 60);
  });

  it('keep reference-decided (uncertain) pairs exact and reported', () => {
    runOps(undefined, 80, true);
  });
});
