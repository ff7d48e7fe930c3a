// The axis search finds the first axis value at which a capped limit is exceeded — checked against a
// linear scan over synthetic limits (property test) and on known cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisBinding } from '../../src/plan/axis-binding.js';
import type { LimitDef } from '../../src/plan/limit-def.js';
import { grow } from '../../src/plan/limit-def.js';
import { meshSessions } from '../../src/plan/formulas.js';
import { SOURCES } from '../../src/plan/sources.js';

function limit(id: string, value: number | null, use: LimitDef['use']): LimitDef {
  return { id, group: 'calico', name: id, unit: 'x', value, at: 't', measured: false, source: SOURCES.engine, use };
}

describe('axisBinding', () => {
  it('the full mesh binds at 101 nodes from 40', () => {
    const mesh = limit('mesh', 4950, (g) => meshSessions(grow(40, g.nodesPerTenant)));
    const b = axisBinding([mesh, limit('uncapped', null, () => 1e12)], 'nodesPerTenant', 40);
    expect(b).toMatchObject({ bindsAt: 101, limit: 'mesh' });
  });

  it('an exceeded limit binds at the current value; nothing binds on an axis no limit follows', () => {
    const over = limit('over', 10, () => 11);
    expect(axisBinding([over], 'tenants', 5).bindsAt).toBe(5);
    const flat = limit('flat', 10, () => 1);
    expect(axisBinding([flat], 'tenants', 5)).toMatchObject({ bindsAt: null, limit: null });
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.record({ per: fc.integer({ min: 1, max: 20 }), cap: fc.integer({ min: 1, max: 3000 }) }), { minLength: 1, maxLength: 4 }), (current, specs) => {
        const limits = specs.map((s, i) => limit(`l${i}`, s.cap, (g) => s.per * grow(current, g.podsPerNode)));
        let expected = current;
        while (!specs.some((s) => s.per * expected > s.cap)) expected++;
        const first = specs.findIndex((s) => s.per * expected > s.cap);
        expect(axisBinding(limits, 'podsPerNode', current)).toMatchObject({ bindsAt: expected, limit: `l${first}` });
      }),
      { numRuns: 200 },
    );
  });
});
