// test helper: how the netpol-analyzer examples are shared among the conformance test files (each file
// stays well under 20 s): the heavy example alone, the rest split by name.
export const HEAVY: readonly string[] = ['ipblockstest_4'];

/** First shard: names before `n` (the heavy one excluded). */
export function firstShard(example: string): boolean {
  return !HEAVY.includes(example) && example < 'n';
}

/** Second shard: names from `n` on (the heavy one excluded). */
export function secondShard(example: string): boolean {
  return !HEAVY.includes(example) && example >= 'n';
}
