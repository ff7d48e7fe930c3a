// model: how the reference evaluator copes with facts the input does not give (labels of an undeclared
// namespace, a pod without an IP): each open question is answered by an assumption, and every combination of
// answers is explored; a verdict that differs between combinations is `unknown`.

/** Answers open yes/no questions for one exploration run; the same question always gets the same answer. */
export class Assumptions {
  private pos = 0;
  private readonly memo = new Map<string, boolean>();
  /** Reasons of the questions asked, in order. */
  readonly reasons: string[] = [];
  constructor(private readonly choices: readonly boolean[]) {}

  /**
   * The answer to `known` when it is a boolean; otherwise the assumption for question `key` (`reason` says
   * why it is open). Unanswered questions default to false.
   */
  decide(known: boolean | undefined, key: string, reason: string): boolean {
    if (known !== undefined) return known;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const v = this.choices[this.pos] ?? false;
    this.pos++;
    this.memo.set(key, v);
    this.reasons.push(reason);
    return v;
  }

  /** Number of open questions answered in this run. */
  get asked(): number {
    return this.pos;
  }
}

/** One run's result with the assumptions it made. */
export interface Leaf<T> {
  readonly value: T;
  readonly choices: readonly boolean[];
  readonly reasons: readonly string[];
}

/**
 * Runs `run` under every combination of answers to the questions it asks (depth-first, all-false first), up to
 * `limit` runs. Returns the leaves and whether the exploration was complete.
 */
export function exploreAssumptions<T>(run: (a: Assumptions) => T, limit = 256): { leaves: Leaf<T>[]; complete: boolean } {
  const leaves: Leaf<T>[] = [];
  const stack: boolean[][] = [[]];
  while (stack.length > 0) {
    if (leaves.length >= limit) return { leaves, complete: false };
    const prefix = stack.pop() as boolean[];
    const a = new Assumptions(prefix);
    const value = run(a);
    const choices = [...prefix];
    while (choices.length < a.asked) choices.push(false);
    leaves.push({ value, choices, reasons: a.reasons });
    // Every question first answered `false` past the prefix opens a `true` branch.
    for (let i = a.asked - 1; i >= prefix.length; i--) stack.push([...choices.slice(0, i), true]);
  }
  return { leaves, complete: true };
}
