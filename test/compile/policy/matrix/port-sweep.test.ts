// test: sweeping the destination-port classes of a protocol with one carried matrix gives, for every
// interval, the matrix a fresh compilation builds for any port inside it — on random clusters, and on a
// one-port rule followed by a range of a later policy (leaving [80, 80] undoes its rows and their tier ends).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../../../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../../arbitraries/cluster.js';
import { input, manifests, ns, pod } from '../../../fixtures/policy/manifests.js';
import { itInParts } from '../../../setup/property-parts.js';

describe('sweepPorts', () => {
  itInParts('visits every port interval with the matrix of a fresh compilation', 200, 5, () =>
    fc.property(clusterArb({ maxPods: 6, maxPolicies: 6, extras: true, undeclared: true }), fc.constantFrom(6, 17), fc.nat(), (input, protocol, pick) => {
      const { model } = buildPolicyModel(input);
      const cp = compilePolicies(model);
      const n = model.endpoints.length;
      let next = 1;
      const count = cp.sweepPorts(protocol, (lo, hi, mx) => {
        expect(lo).toBe(next);
        next = hi + 1;
        const port = lo + (pick % (hi - lo + 1));
        const fresh = compilePolicies(model).matrix({ protocol, dstPort: port });
        for (let s = 0; s < n; s++) for (let d = 0; d < n; d++) expect(mx.verdict(s, d), `${s}->${d} port ${port} in [${lo}, ${hi}]`).toBe(fresh.verdict(s, d));
      });
      expect(next).toBe(65536);
      expect(count).toBeGreaterThan(0);
    }),
  );

  // The matrix carried from protocol to protocol (only the rules a protocol changes retargeted at its first
  // port) is a fresh compilation's at every visit: protocols in any order, swept or visited once at port 1.
  itInParts('carries one matrix across protocols as a fresh compilation builds each', 160, 4, () =>
    fc.property(
      clusterArb({ maxPods: 6, maxPolicies: 6, extras: true, undeclared: true }),
      fc.array(fc.record({ protocol: fc.constantFrom(6, 17, 132), ports: fc.boolean() }), { minLength: 2, maxLength: 4 }),
      fc.nat(),
      (input, list, pick) => {
        const { model } = buildPolicyModel(input);
        const cp = compilePolicies(model);
        const n = model.endpoints.length;
        const seen: string[] = [];
        const count = cp.sweepProtocols(list, (protocol, lo, hi, mx) => {
          seen.push(`${protocol}:${lo}`);
          const port = lo + (pick % (hi - lo + 1));
          const fresh = compilePolicies(model).matrix({ protocol, dstPort: port });
          for (let s = 0; s < n; s++) for (let d = 0; d < n; d++) expect(mx.verdict(s, d), `${s}->${d} ${protocol} port ${port} in [${lo}, ${hi}]`).toBe(fresh.verdict(s, d));
        });
        expect(count).toBe(seen.length);
        expect(seen.filter((v) => v.endsWith(':1')).length).toBe(list.length);
      },
    ),
  );

  it('after a one-port interval, a later policy of the same tier still decides (its tier did not end at the first)', () => {
    const { model } = buildPolicyModel(
      input({
        namespaces: [ns('a', {})],
        pods: [pod('a/db', { app: 'db' }, '10.0.0.1'), pod('a/client', { app: 'client' }, '10.0.0.2'), pod('a/web', { app: 'web' }, '10.0.0.3')],
        manifests: manifests(`
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: any-to-80}
spec:
  order: 1
  selector: app == 'db'
  ingress: [{action: Allow, protocol: TCP, destination: {ports: [80]}}]
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: clients-to-85-90}
spec:
  order: 2
  selector: app == 'db'
  ingress: [{action: Allow, protocol: TCP, source: {selector: app == 'client'}, destination: {ports: ['85:90']}}]
`),
      }),
    );
    const [DB, CLIENT, WEB] = [0, 1, 2];
    const cp = compilePolicies(model);
    const seen: string[] = [];
    cp.sweepPorts(6, (lo, hi, mx) => {
      const fresh = compilePolicies(model).matrix({ protocol: 6, dstPort: lo });
      for (let s = 0; s < 3; s++) for (let d = 0; d < 3; d++) expect(mx.verdict(s, d), `${s}->${d} in [${lo}, ${hi}]`).toBe(fresh.verdict(s, d));
      if (lo >= 80 && lo <= 91) seen.push(`${lo}-${hi}: ${mx.verdict(CLIENT, DB)} ${mx.verdict(WEB, DB)}`);
    });
    expect(seen).toEqual(['80-80: allow allow', '81-84: deny deny', '85-90: allow deny', '91-178: deny deny']);
  });
});
