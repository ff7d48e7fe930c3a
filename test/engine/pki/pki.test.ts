import { describe, expect, it } from 'vitest';
import { Pki } from '../../../src/engine/pki/pki.js';
import { Simulation } from '../../../src/engine/simulation.js';

const H = 3_600_000;

function run(caTTL: number, certTTL: number, rotationPeriod: number, horizon: number, extra?: (pki: Pki, sim: Simulation) => void) {
  const sim = new Simulation({ seed: 1 });
  const pki = new Pki([{ name: 't', nodes: ['n1'], management: false, caTTL, certTTL, rotationPeriod }], sim);
  pki.start();
  extra?.(pki, sim);
  sim.run(horizon);
  return pki.finish();
}

describe('Pki', () => {
  it('never breaks when rotation comes before expiry', () => {
    expect(run(1000 * H, 10 * H, 5 * H, 100 * H)).toEqual([]);
  });

  it('reports the gap between expiry and the next rotation for every certificate', () => {
    const w = run(1000 * H, 2 * H, 3 * H, 4 * H);
    // 2 node components + 4 cluster components, each expired from 2h to 3h, then renewed until 5h.
    expect(w).toHaveLength(6);
    for (const x of w) expect([x.reason, x.from, x.to]).toEqual(['expired', 2 * H, 3 * H]);
  });

  it('marks every certificate broken when the CA expires, until the CA is rotated', () => {
    const w = run(10 * H, 100 * H, 1000 * H, 29 * H, (pki, sim) => {
      const k = sim.defineKind('rotate-ca', () => pki.rotate(0, 'ca'));
      sim.at(20 * H, k);
    });
    expect(w).toHaveLength(6);
    for (const x of w) expect([x.reason, x.from, x.to]).toEqual(['ca-expired', 10 * H, 20 * H]);
  });

  it('leaves a window open at the end when nothing renews the certificate', () => {
    const w = run(1000 * H, 1 * H, 1000 * H, 5 * H);
    expect(w.every((x) => x.to === undefined && x.from === H)).toBe(true);
  });
});
