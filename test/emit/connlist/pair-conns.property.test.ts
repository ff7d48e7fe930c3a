// pairConns (verdict codes packed per pair, renderings memoised on them) against the plain computation it
// replaced: every interval of every protocol evaluated and rendered afresh for each pair.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalsCache, pairConns, type Evaluate } from '../../../src/emit/connlist/pair-conns.js';
import { evaluateReference } from '../../../src/model/policy/eval/evaluate-reference.js';
import type { Peer } from '../../../src/model/policy/eval/types.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PolicyModel, PortRange } from '../../../src/model/policy/types.js';
import { addRange, CONN_PROTOCOLS, formatConnSet } from '../../../src/verdict/policy/conn-set.js';
import { fastClassOf, matrixVerdicts } from '../../../src/verdict/state/fast-evaluate.js';
import { clusterArb } from '../../arbitraries/cluster.js';

/** The reference: each protocol's intervals evaluated in order and rendered. */
function plainConns(model: PolicyModel, evaluate: Evaluate, s: Peer, d: Peer, intervals: readonly PortRange[]): { allowed: string; unknown: string } {
  const allowed = new Map<string, PortRange[]>();
  const unknown = new Map<string, PortRange[]>();
  for (const proto of CONN_PROTOCOLS) {
    const a: PortRange[] = [];
    const u: PortRange[] = [];
    for (const iv of intervals) {
      const v = evaluate(model, { src: s, dst: d, protocol: proto.number, dstPort: iv.min }).verdict;
      if (v === 'allow') addRange(a, iv.min, iv.max);
      else if (v === 'unknown') addRange(u, iv.min, iv.max);
    }
    allowed.set(proto.name, a);
    unknown.set(proto.name, u);
  }
  return { allowed: formatConnSet(allowed), unknown: formatConnSet(unknown) };
}

describe('pairConns', () => {
  it('renders every pair as the plain per-pair computation does (packed and text keys, with and without classes)', () => {
    let wide = 0;
    let unknown = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 6, maxPolicies: 6, extras: true, undeclared: true }), (input) => {
        const model = buildPolicyModel(input).model;
        // Outside addresses that are no pod's or node's (a class stands for its ends only between distinct ends).
        const ends: Peer[] = [...model.endpoints.map((e) => ({ endpoint: e.index })), { ip: 0x0a00000a }, { ip: 0x08080404 }, { ip: 0xc0a80707 }];
        const intervalsOf = intervalsCache(model);
        const plain = pairConns(model, evaluateReference, ends);
        const classed = pairConns(model, matrixVerdicts(), ends, fastClassOf(model));
        for (const s of ends) {
          for (const d of ends) {
            if (s === d) continue;
            const intervals = intervalsOf(s, d);
            if (intervals.length > 8) wide++;
            const expected = plainConns(model, evaluateReference, s, d, intervals);
            if (expected.unknown !== '') unknown++;
            expect(plain(s, d)).toEqual(expected);
            expect(classed(s, d)).toEqual(expected);
          }
        }
      }),
      { numRuns: 25, seed: 1415 },
    );
    expect(wide).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
  });
});
