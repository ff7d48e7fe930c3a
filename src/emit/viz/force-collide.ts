// emit/viz: settle-forces.ts's forceCollide — d3-force 3.0.1's collide (strength 1) over a d3-quadtree
// 3.0.2 rebuilt each pass on typed arrays: the tree's cover, splits, coincident points, radii, pruning and
// visit order as d3's, so each velocity change is d3's float.

/**
 * forceCollide (strength 1) over a quadtree rebuilt each pass. Quads: `child[4q + i]` is 0 (empty), q' + 1
 * (an inner quad) or -(p + 1) (a leaf whose first point is p: d3 reads only a leaf's first point).
 */
export class Collider {
  private child = new Int32Array(64);
  private quadR = new Float64Array(16);
  private quads = 0;
  private root = 0;
  private x0 = 0;
  private y0 = 0;
  private x1 = 0;
  private y1 = 0;
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  /** The visit's stack: (quad, x0, y0, x1, y1) per entry; a pre-order walk holds at most 4 per level. */
  private stack = new Float64Array(0);

  constructor(
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    private readonly vx: Float64Array,
    private readonly vy: Float64Array,
    private readonly radius: Float64Array,
    private readonly random: () => number,
  ) {
    this.px = new Float64Array(x.length);
    this.py = new Float64Array(x.length);
  }

  pass(): void {
    this.build();
    const { x, y, vx, vy } = this;
    for (let i = 0; i < x.length; i++) this.visit(i, x[i]! + vx[i]!, y[i]! + vy[i]!);
  }

  /** quadtree(nodes, x + vx, y + vy): extent covered, points added in order, then each quad's radius. */
  private build(): void {
    const { x, y, vx, vy, px, py } = this;
    const n = x.length;
    let x0 = Infinity;
    let y0 = x0;
    let x1 = -x0;
    let y1 = x1;
    for (let i = 0; i < n; i++) {
      const a = (px[i] = x[i]! + vx[i]!);
      const b = (py[i] = y[i]! + vy[i]!);
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
    this.quads = 0;
    this.root = 0;
    if (n === 0) return;
    // cover(x0, y0) on an empty tree, then cover(x1, y1): doubling a unit square from its corner.
    const cx0 = Math.floor(x0);
    const cy0 = Math.floor(y0);
    let z = 1;
    let cx1 = cx0 + 1;
    let cy1 = cy0 + 1;
    while (cx0 > x1 || x1 >= cx1 || cy0 > y1 || y1 >= cy1) {
      z *= 2;
      cx1 = cx0 + z;
      cy1 = cy0 + z;
    }
    this.x0 = cx0;
    this.y0 = cy0;
    this.x1 = cx1;
    this.y1 = cy1;
    for (let i = 0; i < n; i++) this.add(i);
    // Inner quads are created after their parents: from the last, each radius is its children's max.
    for (let q = this.quads - 1; q >= 0; q--) {
      let r = 0;
      for (let k = 0; k < 4; k++) {
        const c = this.child[4 * q + k]!;
        const cr = c > 0 ? this.quadR[c - 1]! : c < 0 ? this.radius[-c - 1]! : 0;
        if (c !== 0 && cr > r) r = cr;
      }
      this.quadR[q] = r;
    }
  }

  private newQuad(): number {
    if (4 * (this.quads + 1) > this.child.length) {
      const c = new Int32Array(this.child.length * 2);
      c.set(this.child);
      this.child = c;
      const r = new Float64Array(this.quadR.length * 2);
      r.set(this.quadR);
      this.quadR = r;
    }
    this.child.fill(0, 4 * this.quads, 4 * this.quads + 4);
    return ++this.quads;
  }

  /** d3-quadtree's add(): descend to the point's quadrant; split a leaf until old and new points part. */
  private add(p: number): void {
    const px = this.px[p]!;
    const py = this.py[p]!;
    const leaf = -(p + 1);
    if (this.root === 0) {
      this.root = leaf;
      return;
    }
    let { x0, y0, x1, y1 } = this;
    let node = this.root;
    let parent = 0;
    let i = 0;
    while (node > 0) {
      const xm = (x0 + x1) / 2;
      const ym = (y0 + y1) / 2;
      const right = px >= xm;
      const bottom = py >= ym;
      if (right) x0 = xm;
      else x1 = xm;
      if (bottom) y0 = ym;
      else y1 = ym;
      parent = node;
      i = ((bottom ? 1 : 0) << 1) | (right ? 1 : 0);
      node = this.child[4 * (parent - 1) + i]!;
      if (node === 0) {
        this.child[4 * (parent - 1) + i] = leaf;
        return;
      }
    }
    const q = -node - 1;
    const xp = this.px[q]!;
    const yp = this.py[q]!;
    // Coincident: the new point heads the leaf (d3's leaf.next chain, of which collide reads the head).
    if (px === xp && py === yp) {
      if (parent > 0) this.child[4 * (parent - 1) + i] = leaf;
      else this.root = leaf;
      return;
    }
    let j: number;
    do {
      const inner = this.newQuad();
      if (parent > 0) this.child[4 * (parent - 1) + i] = inner;
      else this.root = inner;
      parent = inner;
      const xm = (x0 + x1) / 2;
      const ym = (y0 + y1) / 2;
      const right = px >= xm;
      const bottom = py >= ym;
      if (right) x0 = xm;
      else x1 = xm;
      if (bottom) y0 = ym;
      else y1 = ym;
      i = ((bottom ? 1 : 0) << 1) | (right ? 1 : 0);
      j = ((yp >= ym ? 1 : 0) << 1) | (xp >= xm ? 1 : 0);
    } while (i === j);
    this.child[4 * (parent - 1) + j] = node;
    this.child[4 * (parent - 1) + i] = leaf;
  }

  /**
   * tree.visit(apply) for node `i` at (xi, yi): pre-order, quadrants 0-3, pruned by the radius bound. A
   * leaf of a point at or before `i` is not pushed: apply does nothing there.
   */
  private visit(i: number, xi: number, yi: number): void {
    const { x, y, vx, vy, radius, child, quadR } = this;
    const ri = radius[i]!;
    const ri2 = ri * ri;
    const need = 5 * (this.quads + 2) * 4;
    if (this.stack.length < need) this.stack = new Float64Array(need);
    const s = this.stack;
    let top = 0;
    const root = this.root;
    if (root > 0 || root < -(i + 1)) {
      s[0] = root;
      s[1] = this.x0;
      s[2] = this.y0;
      s[3] = this.x1;
      s[4] = this.y1;
      top = 5;
    }
    const dead = -(i + 1);
    while (top > 0) {
      top -= 5;
      const node = s[top]!;
      if (node < 0) {
        const j = -node - 1;
        let rj = radius[j]!;
        let r = ri + rj;
        let dx = xi - x[j]! - vx[j]!;
        let dy = yi - y[j]! - vy[j]!;
        let l = dx * dx + dy * dy;
        if (l < r * r) {
          if (dx === 0) (dx = (this.random() - 0.5) * 1e-6), (l += dx * dx);
          if (dy === 0) (dy = (this.random() - 0.5) * 1e-6), (l += dy * dy);
          l = (r - (l = Math.sqrt(l))) / l;
          vx[i] += (dx *= l) * (r = (rj *= rj) / (ri2 + rj));
          vy[i] += (dy *= l) * r;
          vx[j] -= dx * (r = 1 - r);
          vy[j] -= dy * r;
        }
        continue;
      }
      const x0 = s[top + 1]!;
      const y0 = s[top + 2]!;
      const x1 = s[top + 3]!;
      const y1 = s[top + 4]!;
      const r = ri + quadR[node - 1]!;
      if (x0 > xi + r || x1 < xi - r || y0 > yi + r || y1 < yi - r) continue;
      const xm = (x0 + x1) / 2;
      const ym = (y0 + y1) / 2;
      const base = 4 * (node - 1);
      // Pushed 3, 2, 1, 0: popped 0 first, as d3's visit.
      const c3 = child[base + 3]!;
      if (c3 > 0 || c3 < dead) (s[top] = c3), (s[top + 1] = xm), (s[top + 2] = ym), (s[top + 3] = x1), (s[top + 4] = y1), (top += 5);
      const c2 = child[base + 2]!;
      if (c2 > 0 || c2 < dead) (s[top] = c2), (s[top + 1] = x0), (s[top + 2] = ym), (s[top + 3] = xm), (s[top + 4] = y1), (top += 5);
      const c1 = child[base + 1]!;
      if (c1 > 0 || c1 < dead) (s[top] = c1), (s[top + 1] = xm), (s[top + 2] = y0), (s[top + 3] = x1), (s[top + 4] = ym), (top += 5);
      const c0 = child[base]!;
      if (c0 > 0 || c0 < dead) (s[top] = c0), (s[top + 1] = x0), (s[top + 2] = y0), (s[top + 3] = xm), (s[top + 4] = ym), (top += 5);
    }
  }
}
