import { describe, expect, it } from 'vitest';
import { chooseBackendRef } from '../../../src/verdict/request/route-at-gateway.js';

describe('the backendRef a request takes', () => {
  it('splits clients by weight (Gateway API traffic splitting guide: 90 / 10)', () => {
    const refs = [{ name: 'foo-v1', port: 8080, weight: 90 }, { name: 'foo-v2', port: 8080, weight: 10 }, { name: 'off', port: 8080, weight: 0 }];
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const b = chooseBackendRef(refs, (0xc6336400 + i) >>> 0)!;
      counts.set(b.name, (counts.get(b.name) ?? 0) + 1);
    }
    expect(counts.get('off')).toBeUndefined();
    expect(counts.get('foo-v2')! / 10_000).toBeGreaterThan(0.08);
    expect(counts.get('foo-v2')! / 10_000).toBeLessThan(0.12);
    expect(chooseBackendRef([{ name: 'x', weight: 0 }], 1)).toBeUndefined();
  });
});
