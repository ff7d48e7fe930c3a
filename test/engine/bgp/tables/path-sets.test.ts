import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { F_STALE, PathSets } from '../../../../src/engine/bgp/tables/path-sets.js';

type Model = Map<number, { attr: number; flags: number }>;

const opArb = fc.oneof(
  fc.record({ op: fc.constant('upsert' as const), from: fc.integer({ min: 0, max: 3 }), pid: fc.integer({ min: -1, max: 2 }), attr: fc.integer({ min: 0, max: 3 }), flags: fc.constantFrom(0, 2, 4) }),
  fc.record({ op: fc.constant('remove' as const), from: fc.integer({ min: 0, max: 3 }), pid: fc.integer({ min: -1, max: 2 }) }),
  fc.record({ op: fc.constantFrom('removeFrom' as const, 'markStale' as const, 'purgeStale' as const), from: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('compact' as const) }),
);

describe('hash-consed path sets', () => {
  it('every transition equals the same operation on a plain map, and equal contents share one id', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 25 }), { minLength: 1, maxLength: 4 }), (runs) => {
        const ps = new PathSets();
        const cells = runs.map(() => 0);
        const models: Model[] = runs.map(() => new Map());
        const len = Math.max(...runs.map((r) => r.length));
        for (let step = 0; step < len; step++) {
          runs.forEach((run, k) => {
            const o = run[step];
            if (o === undefined) return;
            const m = models[k] as Model;
            let s = cells[k] as number;
            if (o.op === 'upsert') {
              const slot = ps.slot(o.from, o.pid);
              s = ps.upsert(s, ps.elem(slot, o.attr, o.flags));
              m.set(slot, { attr: o.attr, flags: o.flags });
            } else if (o.op === 'remove') {
              const slot = ps.slot(o.from, o.pid);
              s = ps.remove(s, slot);
              m.delete(slot);
            } else if (o.op === 'compact') {
              const live = new Uint8Array(ps.setCount);
              for (const c of cells) live[c] = 1;
              live[s] = 1;
              const remap = ps.compact(live);
              cells.forEach((c, i) => (cells[i] = remap[c] as number));
              s = cells[k] as number;
            } else {
              for (const [slot, v] of [...m]) {
                if (ps.slotFrom[slot] !== o.from) continue;
                if (o.op === 'removeFrom') m.delete(slot);
                else if (o.op === 'markStale') m.set(slot, { attr: v.attr, flags: v.flags | F_STALE });
                else if ((v.flags & F_STALE) !== 0) m.delete(slot);
              }
              s = o.op === 'removeFrom' ? ps.removeFrom(s, o.from) : o.op === 'markStale' ? ps.markStale(s, o.from) : ps.purgeStale(s, o.from);
            }
            cells[k] = s;
            const got: [number, number, number][] = [];
            for (let i = 0; i < (ps.len[s] as number); i++) {
              const e = ps.pool[(ps.off[s] as number) + i] as number;
              got.push([ps.elemSlot[e] as number, ps.elemAttr[e] as number, ps.elemFlags[e] as number]);
            }
            const want = [...m].map(([slot, v]) => [slot, v.attr, v.flags]).sort((a, b) => (a[0] as number) - (b[0] as number));
            expect(got).toEqual(want);
          });
        }
        // Canonical ids: cells with equal content have equal ids.
        const key = (m: Model): string => JSON.stringify([...m].sort((a, b) => a[0] - b[0]));
        for (let a = 0; a < cells.length; a++) {
          for (let b = 0; b < cells.length; b++) {
            if (key(models[a] as Model) === key(models[b] as Model)) expect(cells[a]).toBe(cells[b]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
