// compile: an inverted index over a universe of label maps (the policy compiler's identity classes) —
// key → bitset of members having it, key → value → sorted member indices — for compiling selectors.
import { createBitset, fillBits, wordCount } from '../../lib/containers/bitset.js';
import type { Labels } from '../../scenario/types.js';

/**
 * Hot data holder, built once per universe. Values are kept as posting lists (Int32Array of member
 * indices, ascending) rather than one bitset per value: keys like pod-template-hash have a value per member,
 * and dense bitsets for them would cost members² bits per key.
 */
export class LabelIndex {
  /** Number of members (bits of every compiled bitset). */
  readonly size: number;
  readonly words: number;
  /** Every member (bits 0..size-1). Shared: do not mutate. */
  readonly all: Int32Array;
  /** Shared empty bitset. Do not mutate. */
  readonly none: Int32Array;
  private readonly keyBits = new Map<string, Int32Array>();
  private readonly postings = new Map<string, Map<string, Int32Array>>();

  constructor(members: readonly Labels[]) {
    this.size = members.length;
    this.words = wordCount(this.size);
    this.all = createBitset(this.size);
    fillBits(this.all, this.size);
    this.none = createBitset(this.size);
    const lists = new Map<string, Map<string, number[]>>();
    members.forEach((labels, i) => {
      for (const key of Object.keys(labels)) {
        let bits = this.keyBits.get(key);
        if (bits === undefined) this.keyBits.set(key, (bits = createBitset(this.size)));
        bits[i >>> 5] |= 1 << (i & 31);
        let byValue = lists.get(key);
        if (byValue === undefined) lists.set(key, (byValue = new Map()));
        const value = labels[key] as string;
        const list = byValue.get(value);
        if (list === undefined) byValue.set(value, [i]);
        else list.push(i);
      }
    });
    for (const [key, byValue] of lists) {
      const m = new Map<string, Int32Array>();
      for (const [value, list] of byValue) m.set(value, Int32Array.from(list));
      this.postings.set(key, m);
    }
  }

  /** Members having `key` (shared, do not mutate), or undefined when no member has it. */
  membersWithKey(key: string): Int32Array | undefined {
    return this.keyBits.get(key);
  }

  /** Ascending indices of the members whose `key` equals `value`, or undefined. */
  membersWithValue(key: string, value: string): Int32Array | undefined {
    return this.postings.get(key)?.get(value);
  }

  /** Every value of `key` with its members (posting lists), or undefined when no member has the key. */
  valuesOf(key: string): ReadonlyMap<string, Int32Array> | undefined {
    return this.postings.get(key);
  }
}
