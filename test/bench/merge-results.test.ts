// A run of some benchmarks replaces only their figures in bench/results.json (bench/merge-results.ts).
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../bench/harness.js';
import { mergeResults } from '../../bench/merge-results.js';

const fig = (id: string, metric: string, value: number): BenchResult => ({ id, metric, value, unit: 's' });

describe('mergeResults', () => {
  const previous = [fig('B1', 'matrix', 1), fig('B1', 'rss', 2), fig('B5', 'wall', 3), fig('B12', 'run', 4), fig('B12R', 'render', 5), fig('B21', 'run', 6)];

  it('replaces the figures of the ids run, in place, and keeps every other figure', () => {
    const fresh = [fig('B5', 'wall', 30), fig('B5', 'rss', 31)];
    expect(mergeResults(previous, fresh, ['B5'])).toEqual([
      fig('B1', 'matrix', 1), fig('B1', 'rss', 2), fig('B5', 'wall', 30), fig('B5', 'rss', 31), fig('B12', 'run', 4), fig('B12R', 'render', 5), fig('B21', 'run', 6),
    ]);
  });

  it('replaces every id a benchmark reports (B12 reports B12R and B13 too) and appends ids new to the file', () => {
    const fresh = [fig('B12', 'run', 40), fig('B13', 'layout', 41), fig('B12R', 'render', 42)];
    expect(mergeResults(previous, fresh, ['B12'])).toEqual([
      fig('B1', 'matrix', 1), fig('B1', 'rss', 2), fig('B5', 'wall', 3), fig('B12', 'run', 40), fig('B12R', 'render', 42), fig('B21', 'run', 6), fig('B13', 'layout', 41),
    ]);
  });

  it('drops the earlier figures of an id run that reported none this time', () => {
    expect(mergeResults(previous, [], ['B21'])).toEqual(previous.slice(0, 5));
  });

  it('is the fresh run alone when there was no previous file', () => {
    const fresh = [fig('B8', 'events', 7)];
    expect(mergeResults([], fresh, ['B8'])).toEqual(fresh);
  });
});
