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
              expect([fast.time, fast.seq, fast.kind, fast.a, fast.b]).toEqual([r.time, r.seq, r.kind, r.a, r.b]);
              base = r.time;
            }
          }
          expect(fast.size).toBe(ref.size);
        });
        for (let r = ref.pop(); r; r = ref.pop()) {
          expect(fast.pop()).toBe(true);
          expect([fast.time, fast.seq, fast.kind, fast.a, fast.b]).toEqual([r.time, r.seq, r.kind, r.a, r.b]);
        }
        expect(fast.pop()).toBe(false);
      }),
      { numRuns: 2000 },
    );
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
