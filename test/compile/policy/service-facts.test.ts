// buildUniverse keeps one array (and one key text) per distinct list of Service facts: every point's class
// carries the facts the uninterned computation (kept below as the reference) gives its address or pod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../../../src/compile/policy/classes/build-universe.js';
import type { ServiceFact } from '../../../src/compile/policy/classes/class-table.js';
import { backendPort } from '../../../src/model/policy/eval/service-match.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import { clusterArb } from '../../arbitraries/cluster.js';

/** The facts of the backend at `ip` (or, without an address, pod `ep`), one list per call. */
function referenceFacts(model: PolicyModel, ip: number, ep: number): ServiceFact[] {
  const per = new Map<number, Set<number>>();
  model.services.forEach((s, si) => {
    for (const b of s.backends) {
      const e = model.endpoints[b];
      if (!e || (ip >= 0 ? e.ip !== ip : e.ip !== undefined || e.index !== ep)) continue;
      let ports = per.get(si);
      if (!ports) per.set(si, (ports = new Set()));
      for (const sp of s.ports) {
        const p = backendPort(sp, e);
        if (p !== undefined) ports.add(sp.protocol * 65536 + p);
      }
    }
  });
  return [...per].sort((a, b) => a[0] - b[0]).map(([svc, ports]) => ({ svc, ports: [...ports].sort((a, b) => a - b) }));
}

describe('buildUniverse service facts', () => {
  it("are each point's facts, shared between equal lists", () => {
    let withFacts = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 10, maxPolicies: 1, extras: true, undeclared: true }), (input) => {
        // Twins on other addresses: equal facts at distinct addresses.
        const twins = input.pods.map((p, i) => ({ ...p, name: `${p.name}-twin`, ...(p.ip !== undefined ? { ip: `10.250.0.${i + 1}` } : {}) }));
        // Co-located backends: the same address with the other http port, so one Service serves both there.
        const colo = input.pods.map((p) => ({ ...p, name: `${p.name}-colo`, ports: [{ name: 'http', containerPort: p.ports.some((q) => q.containerPort === 80) ? 8080 : 80, protocol: 'TCP' as const }] }));
        const { model } = buildPolicyModel({ ...input, pods: [...input.pods, ...twins, ...colo] });
        const u = buildUniverse(model, []);
        const byText = new Map<string, readonly ServiceFact[]>();
        u.points.forEach((pt, i) => {
          if (pt.ep < 0 && pt.ip < 0) return;
          const facts = u.classes.services[u.pointClass[i]!]!;
          expect(facts).toEqual(referenceFacts(model, pt.ip, pt.ep));
          if (facts.length === 0) return;
          withFacts++;
          const text = JSON.stringify(facts);
          expect(facts).toBe(byText.get(text) ?? facts);
          byText.set(text, facts);
        });
      }),
      { numRuns: 150, seed: 7575 },
    );
    expect(withFacts).toBeGreaterThan(100);
  });
});
