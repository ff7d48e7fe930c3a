// Edit distance (optimal string alignment) against a slow recursive reference, and the hint it gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../../src/scenario/schema/did-you-mean.js';

/** Straight from the definition: insert, delete, substitute, or swap two adjacent characters. */
function reference(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let v: number;
    if (i === 0) v = j;
    else if (j === 0) v = i;
    else {
      v = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d(i - 2, j - 2) + 1);
    }
    memo.set(key, v);
    return v;
  };
  return d(a.length, b.length);
}

describe('editDistance', () => {
  it('knows simple answers', () => {
    expect(editDistance('labels', 'lables')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('matches the reference (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)));
  });
});

describe('closest and didYouMean', () => {
  const fields = ['name', 'nodes', 'underlay', 'calico', 'namespaces', 'workloads', 'labels'];
  it('suggests plausible typos only', () => {
    expect(closest('nmae', fields)).toBe('name');
    expect(closest('Calico', fields)).toBe('calico');
    expect(closest('namespace', fields)).toBe('namespaces');
    expect(closest('xyz', fields)).toBeUndefined();
    expect(didYouMean('lables', fields)).toBe(' (did you mean `labels`?)');
    expect(didYouMean('qqqqqqq', fields)).toBe('');
  });
});
