// engine: the slow twin of EventQueue — a sorted array of event objects, written straight from the
// definition "earliest time first, insertion order among equal times". Used by property tests and
// as the ratio anchor of benchmarks B8/B9.

/** One event of the reference queue. */
export interface ReferenceEvent {
  readonly time: number;
  readonly seq: number;
  readonly kind: number;
  readonly a: number;
  readonly b: number;
}

/** Sorted-array priority queue with the same contract as EventQueue. */
export class ReferenceQueue {
  private readonly items: ReferenceEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, kind: number, a: number, b: number): number {
    const seq = this.nextSeq++;
    const ev = { time, seq, kind, a, b };
    // Binary search for the first element that must come after ev.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid] as ReferenceEvent;
      if (m.time < time || (m.time === time && m.seq < seq)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, ev);
    return seq;
  }

  /** The earliest event without removing it. */
  peek(): ReferenceEvent | undefined {
    return this.items[0];
  }

  pop(): ReferenceEvent | undefined {
    return this.items.shift();
  }
}
