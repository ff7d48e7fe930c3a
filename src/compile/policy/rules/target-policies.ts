// compile: for every target class and direction, the policies selecting it in Felix order (tier position,
// order, then the `name/namespace/kind` key; felix/calc/policy_sorter.go). Classes with the same list share
// one group and one array, so a policy selecting thousands of classes touches a few groups, not their lists.
import type { Direction } from '../../../model/policy/types.js';
import type { BitPool } from '../../../lib/containers/bit-pool.js';
import type { CPolicy } from './compile-rules.js';

/** Felix order of two compiled policies. */
export function comparePolicies(a: CPolicy, b: CPolicy): number {
  if (a.tierPos !== b.tierPos) return a.tierPos - b.tierPos;
  if (a.policy.order !== b.policy.order) return a.policy.order < b.policy.order ? -1 : 1;
  const ka = a.policy.sortKey;
  const kb = b.policy.sortKey;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Classes sharing one policy list (`mark`, `hits`, `to`: scratch of the update in progress). */
interface Group {
  readonly list: CPolicy[];
  size: number;
  mark: number;
  hits: number;
  to: Group | undefined;
}

function group(list: CPolicy[], size: number): Group {
  return { list, size, mark: 0, hits: 0, to: undefined };
}

/** One direction's groups: class → group; classes without one share `root` (no policy). */
class Groups {
  readonly of: Group[] = [];
  private readonly root = group([], Infinity);
  private stamp = 0;

  /**
   * The groups of `sorted` (policies in Felix order) added to classes that have none, as update() would
   * leave them one policy at a time, without a list per step: classes are partitioned by integer ids (a
   * policy moves the classes it selects from id g to g's child for that policy), so two classes end with
   * one id exactly when the same policies select them; then each id's list is built once.
   */
  fill(sorted: readonly CPolicy[], data: Int32Array, words: number): void {
    let ids = 1;
    const gid = new Int32Array(words * 32);
    let child: Int32Array = new Int32Array(64);
    let stamp: Int32Array = new Int32Array(64).fill(-1);
    for (let pi = 0; pi < sorted.length; pi++) {
      const slot = (sorted[pi] as CPolicy).targets;
      for (let w = 0; w < words; w++) {
        let word = data[slot + w] as number;
        while (word !== 0) {
          const low = word & -word;
          const c = w * 32 + 31 - Math.clz32(low);
          word ^= low;
          const g = gid[c] as number;
          if (stamp[g] !== pi) {
            if (ids >= child.length) [child, stamp] = [grown(child, 0), grown(stamp, -1)];
            stamp[g] = pi;
            child[g] = ids++;
          }
          gid[c] = child[g] as number;
        }
      }
    }
    // One group per id in use (0: no policy, the root), its list from the first class holding it.
    const groups: (Group | undefined)[] = [];
    const rep = new Int32Array(ids).fill(-1);
    for (let c = 0; c < gid.length; c++) {
      const g = gid[c] as number;
      if (g === 0) continue;
      let to = groups[g];
      if (!to) {
        groups[g] = to = group([], 0);
        rep[g] = c;
      }
      to.size++;
      this.of[c] = to;
    }
    for (const cp of sorted) {
      forEachTarget(data, cp.targets, words, (c) => {
        const g = gid[c] as number;
        if (rep[g] === c) (groups[g] as Group).list.push(cp);
      });
    }
  }

  get(c: number): Group {
    return this.of[c] ?? this.root;
  }

  /**
   * Applies `edit` to the list of every class of `classes`: a group wholly inside `classes` is edited in place,
   * a group partly inside is split (its members in `classes` move to an edited copy).
   */
  update(classes: readonly number[], edit: (list: CPolicy[]) => void): void {
    const stamp = ++this.stamp;
    for (let i = 0; i < classes.length; i++) {
      const g = this.get(classes[i] as number);
      if (g.mark !== stamp) {
        g.mark = stamp;
        g.hits = 0;
        g.to = undefined;
      }
      g.hits++;
    }
    for (let i = 0; i < classes.length; i++) {
      const c = classes[i] as number;
      const g = this.get(c);
      if (g.mark !== stamp) continue; // an edited copy made earlier in this loop
      if (g.to === undefined) {
        // Decided once per group, before any member moves: wholly covered → edit in place.
        if (g.hits === g.size) {
          edit(g.list);
          g.to = g;
        } else {
          g.to = group([...g.list], 0);
          edit(g.to.list);
        }
      }
      const to = g.to;
      if (to === g) continue;
      g.size--;
      to.size++;
      this.of[c] = to;
    }
  }
}

/** Per class and direction, the applicable policies in order (staged ones included: they show in trails). */
export class TargetPolicies {
  private readonly groups: Record<Direction, Groups> = { ingress: new Groups(), egress: new Groups() };

  /** Adds `cp` to the list of every class it selects; returns those classes. */
  add(cp: CPolicy, pool: BitPool): number[] {
    const classes = targetsOf(cp, pool);
    for (const dir of ['ingress', 'egress'] as const) {
      if (!cp.applies[dir]) continue;
      this.groups[dir].update(classes, (list) => {
        const last = list[list.length - 1];
        if (last === undefined || comparePolicies(last, cp) < 0) list.push(cp);
        else list.splice(insertionPoint(list, cp), 0, cp);
      });
    }
    return classes;
  }

  /** Adds every policy of `cps` (in any order) to classes that have no policy yet: add() of each, at once. */
  addAll(cps: readonly CPolicy[], pool: BitPool): void {
    const sorted = [...cps].sort(comparePolicies);
    for (const dir of ['ingress', 'egress'] as const) this.groups[dir].fill(sorted.filter((cp) => cp.applies[dir]), pool.data, pool.words);
  }

  /** Removes `cp` from every list; returns the classes it selected. */
  remove(cp: CPolicy, pool: BitPool): number[] {
    const classes = targetsOf(cp, pool);
    for (const dir of ['ingress', 'egress'] as const) {
      if (!cp.applies[dir]) continue;
      this.groups[dir].update(classes, (list) => {
        const i = list.indexOf(cp);
        if (i >= 0) list.splice(i, 1);
      });
    }
    return classes;
  }

  /** Class `to` was split off `from`: same policies. */
  onSplit(from: number, to: number): void {
    for (const dir of ['ingress', 'egress'] as const) {
      const g = this.groups[dir].of[from];
      if (!g) continue;
      g.size++;
      this.groups[dir].of[to] = g;
    }
  }

  /** The group of class `c` for `dir` (an identity token: classes of one group share their list). */
  groupOf(dir: Direction, c: number): object {
    return this.groups[dir].get(c);
  }

  /** The policies of class `c` for `dir`, in order (shared: do not mutate). */
  get(dir: Direction, c: number): readonly CPolicy[] {
    return this.groups[dir].get(c).list;
  }
}

/** The classes a policy selects, ascending. */
function targetsOf(cp: CPolicy, pool: BitPool): number[] {
  const out: number[] = [];
  forEachTarget(pool.data, cp.targets, pool.words, (c) => out.push(c));
  return out;
}

/** Calls `f` with every class of the set at `slot`, ascending. */
function forEachTarget(data: Int32Array, slot: number, words: number, f: (c: number) => void): void {
  for (let w = 0; w < words; w++) {
    let word = data[slot + w] as number;
    while (word !== 0) {
      const low = word & -word;
      f(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
}

/** `a` in an array twice as long, the rest filled with `fill`. */
function grown(a: Int32Array, fill: number): Int32Array {
  const b = new Int32Array(a.length * 2).fill(fill);
  b.set(a);
  return b;
}

/** Where `cp` goes in a list sorted by comparePolicies (binary search). */
export function insertionPoint(list: readonly CPolicy[], cp: CPolicy): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePolicies(list[mid] as CPolicy, cp) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
