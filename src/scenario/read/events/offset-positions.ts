// scenario: zero-based source offsets → 1-based line and column, as the `yaml` library's LineCounter gives them
// (lines split at "\n" only; an offset on a newline belongs to the line it ends). Line starts computed once per file.
import type { SourceRef } from '../../../lib/diagnostics.js';

export class OffsetPositions {
  private readonly starts: number[] = [0];
  /** The line of the last lookup: events come in source order, so the next one is usually at or after it. */
  private last = 0;

  constructor(
    text: string,
    private readonly file: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The position of `offset`. */
  at(offset: number): SourceRef {
    const line = this.lineIndex(offset);
    return { file: this.file, line: line + 1, col: offset - (this.starts[line] as number) + 1 };
  }

  /** The 0-based line holding `offset`. */
  lineIndex(offset: number): number {
    const starts = this.starts;
    let i = this.last;
    if ((starts[i] as number) > offset) i = this.search(offset);
    else while (i + 1 < starts.length && (starts[i + 1] as number) <= offset) i++;
    this.last = i;
    return i;
  }

  /** The offset where the 0-based line `index` starts. */
  lineStart(index: number): number {
    return this.starts[index] as number;
  }

  private search(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
