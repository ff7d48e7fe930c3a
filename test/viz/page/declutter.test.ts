// The topology's label placement: no two placed labels overlap when a free offset exists, earlier labels keep
// their place, and a label already clear of the others is never moved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOffsets, type LabelBox } from '../../../viz/page/declutter.js';

const overlap = (a: LabelBox, b: LabelBox): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const moved = (boxes: readonly LabelBox[], dy: readonly number[]): LabelBox[] => boxes.map((b, i) => ({ ...b, y: b.y + dy[i]! }));

describe('labelOffsets', () => {
  it('moves the second of two labels on the same spot one line up, and leaves a clear third alone', () => {
    const boxes = [{ x: 0, y: 0, w: 80, h: 12 }, { x: 40, y: 0, w: 80, h: 12 }, { x: 300, y: 0, w: 50, h: 12 }];
    expect(labelOffsets(boxes)).toEqual([0, -13, 0]);
  });

  it('goes down when up is taken', () => {
    const boxes = [{ x: 0, y: 0, w: 50, h: 10 }, { x: 0, y: -11, w: 50, h: 10 }, { x: 0, y: 0, w: 50, h: 10 }];
    expect(labelOffsets(boxes)).toEqual([0, 0, 11]);
  });

  it('moves a label off an obstacle, and keeps it where the obstacle is clear', () => {
    expect(labelOffsets([{ x: 0, y: 0, w: 60, h: 12 }], [{ x: 50, y: 5, w: 20, h: 20 }])).toEqual([-13]);
    expect(labelOffsets([{ x: 0, y: 0, w: 60, h: 12 }], [{ x: 61, y: 5, w: 20, h: 20 }])).toEqual([0]);
  });

  it('leaves no overlap among a few labels anywhere, and keeps the first label in place', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: 0, max: 200 }), w: fc.integer({ min: 10, max: 120 }), h: fc.constant(12) });
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 6 }), (boxes) => {
        const dy = labelOffsets(boxes);
        expect(dy[0]).toBe(0);
        const out = moved(boxes, dy);
        // Six labels always find a free line within six steps either way.
        for (let i = 0; i < out.length; i++) for (let j = 0; j < i; j++) expect(overlap(out[i]!, out[j]!)).toBe(false);
        // A label clear of every earlier placed label stays where it was.
        boxes.forEach((b, i) => {
          if (!out.slice(0, i).some((p) => overlap(p, b))) expect(dy[i]).toBe(0);
        });
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});
