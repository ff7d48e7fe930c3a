// viz: keeps the topology's labels apart — each label, in drawing order, takes the first vertical offset
// (0, one line up, one line down, two up, ...) at which its box overlaps no label already placed and no
// obstacle (the small marks: load balancers, the ingress controller, external peers); a label that finds no
// free offset within MAX_STEPS keeps its own place. Pure: boxes in, offsets out.

/** A label's box: left edge, top edge, width and height, in the drawing's units. */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const MAX_STEPS = 6;

/** The vertical offset of each box (in order: earlier boxes keep their place first). */
export function labelOffsets(boxes: readonly LabelBox[], obstacles: readonly LabelBox[] = []): number[] {
  const placed: LabelBox[] = [...obstacles];
  return boxes.map((b) => {
    const step = b.h + 1;
    for (let k = 0; k <= 2 * MAX_STEPS; k++) {
      // 0, -1, +1, -2, +2, ... lines.
      const dy = k === 0 ? 0 : (k % 2 === 1 ? -1 : 1) * Math.ceil(k / 2) * step;
      const moved = { x: b.x, y: b.y + dy, w: b.w, h: b.h };
      if (!placed.some((p) => overlaps(p, moved))) {
        placed.push(moved);
        return dy;
      }
    }
    placed.push(b);
    return 0;
  });
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Moves the SVG text elements of `labels` apart and off the `marks` (all rendered: their boxes are measured).
 * A mark's box is taken 2 units inside its edge, so a label drawn just above its own mark stays there.
 */
export function declutter(labels: readonly SVGTextElement[], marks: readonly SVGGraphicsElement[]): void {
  const box = (e: SVGGraphicsElement, inset: number): LabelBox => {
    const r = e.getBBox();
    return { x: r.x + inset, y: r.y + inset, w: Math.max(0, r.width - 2 * inset), h: Math.max(0, r.height - 2 * inset) };
  };
  labelOffsets(labels.map((t) => box(t, 0)), marks.map((m) => box(m, 2))).forEach((dy, i) => {
    if (dy === 0) return;
    const t = labels[i]!;
    t.setAttribute('y', String(Number(t.getAttribute('y')) + dy));
  });
}
