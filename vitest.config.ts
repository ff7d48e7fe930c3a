import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default (cores − 1) runs the suite in one process on a 2-core machine, while whole files wait on
    // real BIRD timers, Chromium or redis-server: at least three run at once.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
