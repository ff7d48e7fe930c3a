// buildUniverse finds the identity of endpoints sharing their labels, ports and profiles objects without
// hashing them: the universe equals the one built when no endpoint shares an object (every one hashed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../../../src/compile/policy/classes/build-universe.js';
import type { Universe } from '../../../src/compile/policy/classes/universe.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import { clusterArb } from '../../arbitraries/cluster.js';

/** The model with every endpoint's labels, ports and profiles in objects of its own. */
function unshared(model: PolicyModel): PolicyModel {
  return { ...model, endpoints: model.endpoints.map((e) => ({ ...e, labels: { ...e.labels }, ports: e.ports.map((p) => ({ ...p })), profiles: [...e.profiles] })) };
}

/** The model with one labels object per distinct label content, whatever the endpoints' ports and profiles. */
function labelsShared(model: PolicyModel): PolicyModel {
  const byText = new Map<string, PolicyModel['endpoints'][number]['labels']>();
  return {
    ...model,
    endpoints: model.endpoints.map((e) => {
      const text = JSON.stringify(e.labels);
      const labels = byText.get(text) ?? e.labels;
      byText.set(text, labels);
      return { ...e, labels };
    }),
  };
}

function shape(u: Universe): string {
  return JSON.stringify({ identities: u.identities, ident: [...u.classes.ident.slice(0, u.classes.n)], kind: [...u.classes.kind.slice(0, u.classes.n)], pointClass: u.pointClass, epPoint: [...u.epPoint] });
}

describe('buildUniverse identities', () => {
  it('are the same whether endpoints share their parts or not', () => {
    let sharing = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 12, maxPolicies: 2, extras: true, undeclared: true }), (input) => {
        // Twins (the same content) and pods with a twin's labels but another named port.
        const other = { name: 'other', containerPort: 1234, protocol: 'TCP' } as const;
        const pods = [...input.pods, ...input.pods.map((p) => ({ ...p, name: `${p.name}-twin` })), ...input.pods.map((p) => ({ ...p, name: `${p.name}-ported`, ports: [other] }))];
        const { model } = buildPolicyModel({ ...input, pods });
        sharing += model.endpoints.filter((e, i) => i > 0 && model.endpoints[i - 1]!.labels !== e.labels && model.endpoints.some((o) => o !== e && o.labels === e.labels)).length;
        const expected = shape(buildUniverse(unshared(model), []));
        expect(shape(buildUniverse(model, []))).toBe(expected);
        expect(shape(buildUniverse(labelsShared(model), []))).toBe(expected);
      }),
      { numRuns: 150, seed: 9191 },
    );
    expect(sharing).toBeGreaterThan(100);
  });
});
