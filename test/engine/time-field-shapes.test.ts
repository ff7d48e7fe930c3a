// The engine's time fields hold doubles from construction: storing a fractional time must not change the
// object's shape (V8 would deprecate it and deoptimise every compiled function reading the field), and the
// fields must still start at +0 (not the -0 they are declared with) and -1 where "none" is meant.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ChangeState } from '../../src/engine/bgp/bgp-core.js';
import { EventQueue } from '../../src/engine/event-queue.js';
import { Simulation } from '../../src/engine/simulation.js';
import { IpamState } from '../../src/model/ipam/ipam-state.js';
import { nodes, pool } from '../model/ipam/fixtures.js';

v8.setFlagsFromString('--allow-natives-syntax');
// Parsed after the flag is set, so V8's intrinsic is allowed here.
const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

function ipam(): IpamState {
  return new IpamState([pool({ name: 'p', cidr: '10.0.0.0/24' })], nodes(1), { strictAffinity: false, maxBlocksPerHost: 0 }, 1);
}

describe('time fields', () => {
  it('Simulation.now and EventQueue.time start at +0 and take a fractional time in the same shape', () => {
    const [a, b] = [new Simulation({ seed: 1 }), new Simulation({ seed: 1 })];
    expect(Object.is(a.now, 0)).toBe(true);
    a.now = 1.5;
    expect(sameShape(a, b)).toBe(true);
    const [q, r] = [new EventQueue(), new EventQueue()];
    expect(Object.is(q.time, 0)).toBe(true);
    q.time = 2.25;
    expect(sameShape(q, r)).toBe(true);
  });

  it('IpamState.now starts at +0 and takes a fractional time in the same shape', () => {
    const [a, b] = [ipam(), ipam()];
    expect(Object.is(a.now, 0)).toBe(true);
    a.now = 60_000.5;
    expect(sameShape(a, b)).toBe(true);
  });

  it('a ChangeState keeps its time, has no route change yet (-1), and records a fractional one in the same shape', () => {
    const [a, b] = [new ChangeState('start', 0), new ChangeState('node-down x', 120_000)];
    expect([Object.is(a.at, 0), a.last, a.count, b.at, b.label]).toEqual([true, -1, 0, 120_000, 'node-down x']);
    a.last = 2_001.37;
    expect(sameShape(a, b)).toBe(true);
    expect(sameShape(new ChangeState('at a fraction', 2_500.5), b)).toBe(true);
  });
});
