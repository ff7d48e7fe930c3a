// An internal error (a bug, not bad input) exits 70 with one line asking for a report; --debug adds the stack.
import { describe, expect, it, vi } from 'vitest';
import { runMain } from './run-main.js';

vi.mock('../../src/scenario/load-scenario.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/scenario/load-scenario.js')>()),
  loadScenarios: () => {
    throw new TypeError('planted bug\nsecond line');
  },
}));

describe('an internal error', () => {
  it('exits 70 with one line and no stack', async () => {
    const r = await runMain(['validate', 'any.yaml']);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe('calisim: internal error: planted bug (a bug in calisim: please report it; --debug shows the stack)\n');
  });

  it('--debug shows the stack', async () => {
    const r = await runMain(['validate', 'any.yaml', '--debug']);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^calisim: internal error: planted bug .*\nTypeError: planted bug\nsecond line\n\s+at /);
  });
});
