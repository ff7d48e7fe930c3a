import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.js';
import { ReferenceQueue } from '../../src/engine/reference-queue.js';

type Op = { push: true; time: number; kind: number } | { push: false };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  // Few distinct times so that ties (ordered by sequence) are frequent.
  fc.record({ push: fc.constant(true as const), time: fc.integer({ min: 0, max: 20 }), kind: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ push: fc.constant(false as const) }),
);

describe('EventQueue', () => {
  // Every test pushes a distinct, increasing `a`, so equal (time, a) pairs mean the same (time, seq) order.
  it('delivers the same (time, seq, kind, args) order as the sorted-array reference', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const fast = new EventQueue(16);
        const ref = new ReferenceQueue();
        let base = 0;
        ops.forEach((op, i) => {
          if (op.push) {
            // Never schedule in the past of what was popped: the engine forbids it too.
            fast.push(base + op.time, op.kind, i, 1000 - i);
            ref.push(base + op.time, op.kind, i, 1000 - i);
          } else {
            const r = ref.pop();
            const ok = fast.pop();
            expect(ok).toBe(r !== undefined);
            if (r) {
              expect([fast.time, fast.kind, fast.a, fast.b]).toEqual([r.time, r.kind, r.a, r.b]);
              base = r.time;
            }
          }
          expect(fast.size).toBe(ref.size);
        });
        for (let r = ref.pop(); r; r = ref.pop()) {
          expect(fast.pop()).toBe(true);
          expect([fast.time, fast.kind, fast.a, fast.b]).toEqual([r.time, r.kind, r.a, r.b]);
        }
        expect(fast.pop()).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // Bursts of hundreds of events over spans from zero to wide, with pops in between, drive every part of
  // the ladder: rungs built from the far list, buckets split into deeper rungs, bottoms overflowing into
  // new rungs, equal-time runs, and pushes landing above, inside and below the current bucket.
  it('matches the reference through bursts, clusters and ties at scale', () => {
    const spanArb = fc.constantFrom(0, 1e-9, 0.001, 1, 1000, 1e6);
    const burstArb = fc.record({
      count: fc.integer({ min: 1, max: 700 }),
      offset: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2000, noNaN: true })),
      span: spanArb,
      ints: fc.boolean(),
      pops: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(fc.array(burstArb, { minLength: 1, maxLength: 12, size: 'max' }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (bursts, seed) => {
        const fast = new EventQueue(16);
        const ref = new ReferenceQueue();
        let x = seed;
        const rnd = (): number => {
          x = (Math.imul(x, 1103515245) + 12345) >>> 0;
          return x / 4294967296;
        };
        let now = 0;
        let id = 0;
        const popBoth = (): boolean => {
          const r = ref.pop();
          const ok = fast.pop();
          if (ok !== (r !== undefined)) throw new Error(`pop: fast ${ok}, reference ${r !== undefined}`);
          if (!r) return false;
          if (fast.time !== r.time || fast.kind !== r.kind || fast.a !== r.a) {
            throw new Error(`popped (${fast.time}, #${fast.a}), reference (${r.time}, #${r.a})`);
          }
          now = r.time;
          return true;
        };
        for (const b of bursts) {
          for (let i = 0; i < b.count; i++) {
            const d = b.offset + rnd() * b.span;
            const t = now + (b.ints ? Math.floor(d) : d);
            fast.push(t, i & 7, id, 0);
            ref.push(t, i & 7, id, 0);
            id++;
          }
          for (let i = 0; i < b.pops && popBoth(); i++) {
            // Some events schedule a follower close to now, as protocol handlers do.
            if (i % 3 === 0) {
              const t = now + (rnd() < 0.3 ? 0 : rnd() * b.span);
              fast.push(t, 1, id, 0);
              ref.push(t, 1, id, 0);
              id++;
            }
          }
          expect(fast.size).toBe(ref.size);
          if (ref.size > 0) expect(fast.peekTime()).toBe(ref.peek()?.time);
        }
        while (popBoth());
      }),
      { numRuns: 200 },
    );
  });

  // Times 2^-e crowd ever closer to 0: each rung splits off only a few of them, so the ladder reaches its
  // deepest level and sorts the rest there; repeated exponents check that the sort keeps ties in order.
  it('matches the reference when times crowd geometrically (deepest rung)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1074 }), { minLength: 600, maxLength: 1500 }), (exps) => {
        const fast = new EventQueue(16);
        const ref = new ReferenceQueue();
        exps.forEach((e, i) => {
          fast.push(2 ** -e, 0, i, 0);
          ref.push(2 ** -e, 0, i, 0);
        });
        for (let r = ref.pop(); r; r = ref.pop()) {
          fast.pop();
          if (fast.time !== r.time || fast.a !== r.a) throw new Error(`popped (${fast.time}, ${fast.a}), reference (${r.time}, ${r.a})`);
        }
        expect(fast.pop()).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('orders times too close together to divide into buckets (subnormal ranges)', () => {
    const fast = new EventQueue(16);
    const ref = new ReferenceQueue();
    const times = [1e-323, 5e-324, 0, 1.5e-323, 5e-324, 0, 1e-323];
    times.forEach((t, i) => {
      fast.push(t, 0, i, 0);
      ref.push(t, 0, i, 0);
    });
    // Later pushes land in the same (single) bucket as well as beyond it.
    fast.pop();
    ref.pop();
    for (const [i, t] of [5e-324, 2, 1e-323].entries()) {
      fast.push(t, 1, 100 + i, 0);
      ref.push(t, 1, 100 + i, 0);
    }
    const order: number[][] = [];
    for (let r = ref.pop(); r; r = ref.pop()) {
      expect(fast.pop()).toBe(true);
      order.push([fast.time, fast.a, r.time, r.a]);
    }
    for (const [ft, fa, rt, ra] of order) expect([ft, fa]).toEqual([rt, ra]);
    expect(fast.pop()).toBe(false);
  });

  it('refuses a time that is not finite', () => {
    const q = new EventQueue();
    expect(() => q.push(Infinity, 0, 0, 0)).toThrow(/not finite/);
    expect(() => q.push(NaN, 0, 0, 0)).toThrow(/not finite/);
  });

  it('keeps insertion order among equal times (FIFO ties)', () => {
    const q = new EventQueue();
    for (let i = 0; i < 100; i++) q.push(5, 0, i, 0);
    const seen: number[] = [];
    while (q.pop()) seen.push(q.a);
    expect(seen).toEqual([...Array(100).keys()]);
  });

  it('grows past its initial capacity without losing events', () => {
    const q = new EventQueue(16);
    for (let i = 0; i < 10_000; i++) q.push((i * 7919) % 1000, 1, i, 0);
    let last = -1;
    let n = 0;
    while (q.pop()) {
      expect(q.time).toBeGreaterThanOrEqual(last);
      last = q.time;
      n++;
    }
    expect(n).toBe(10_000);
  });
});
