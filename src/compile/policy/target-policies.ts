// compile: for every target class and direction, the policies selecting it in Felix order (tier position,
// order, then the `name/namespace/kind` key) — the evaluation order of felix/calc/policy_sorter.go.
import type { Direction } from '../../model/policy/types.js';
import type { BitPool } from './bit-pool.js';
import type { CPolicy } from './compile-rules.js';

/** Felix order of two compiled policies. */
export function comparePolicies(a: CPolicy, b: CPolicy): number {
  if (a.tierPos !== b.tierPos) return a.tierPos - b.tierPos;
  if (a.policy.order !== b.policy.order) return a.policy.order < b.policy.order ? -1 : 1;
  const ka = a.policy.sortKey;
  const kb = b.policy.sortKey;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Per class and direction, the applicable policies in order (staged ones included: they show in trails). */
export class TargetPolicies {
  readonly lists: Record<Direction, CPolicy[][]> = { ingress: [], egress: [] };

  /** Adds `cp` to the list of every class it selects; returns those classes. */
  add(cp: CPolicy, pool: BitPool): number[] {
    const classes = this.targetsOf(cp, pool);
    for (const dir of ['ingress', 'egress'] as const) {
      if (!cp.applies[dir]) continue;
      const lists = this.lists[dir];
      for (const c of classes) {
        let list = lists[c];
        if (!list) lists[c] = list = [];
        const last = list[list.length - 1];
        if (last === undefined || comparePolicies(last, cp) < 0) list.push(cp);
        else list.splice(insertionPoint(list, cp), 0, cp);
      }
    }
    return classes;
  }

  /** Removes `cp` from every list; returns the classes it selected. */
  remove(cp: CPolicy, pool: BitPool): number[] {
    const classes = this.targetsOf(cp, pool);
    for (const dir of ['ingress', 'egress'] as const) {
      if (!cp.applies[dir]) continue;
      for (const c of classes) {
        const list = this.lists[dir][c];
        const i = list ? list.indexOf(cp) : -1;
        if (list && i >= 0) list.splice(i, 1);
      }
    }
    return classes;
  }

  /** Class `to` was split off `from`: same policies. */
  onSplit(from: number, to: number): void {
    for (const dir of ['ingress', 'egress'] as const) this.lists[dir][to] = [...(this.lists[dir][from] ?? [])];
  }

  get(dir: Direction, c: number): readonly CPolicy[] {
    return this.lists[dir][c] ?? NONE;
  }

  private targetsOf(cp: CPolicy, pool: BitPool): number[] {
    const out: number[] = [];
    const d = pool.data;
    for (let w = 0; w < pool.words; w++) {
      let word = d[cp.targets + w] as number;
      while (word !== 0) {
        const low = word & -word;
        out.push(w * 32 + 31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out;
  }
}

const NONE: readonly CPolicy[] = [];

function insertionPoint(list: readonly CPolicy[], cp: CPolicy): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePolicies(list[mid] as CPolicy, cp) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
