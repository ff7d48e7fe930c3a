import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/progress.js';

/** A terminal-like stream recording what cli-progress draws. */
function fakeTty(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = {
    isTTY,
    columns: 100,
    write: (s: string) => ((out += s), true),
    cursorTo: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe('progress on stderr', () => {
  it('draws the task and its step on a terminal once the delay has passed, and clears it at the end', () => {
    const t = fakeTty(true);
    const p = startProgress('run demo', false, t.stream, 0);
    p.step('t=90s node-down acme/acme-2');
    p.done();
    expect(t.text()).toContain('run demo | t=90s node-down acme/acme-2 | 0s');
  });

  it('draws nothing for a short task, when quiet, or when stderr is not a terminal', () => {
    for (const [tty, quiet, delay] of [[true, false, 60_000], [true, true, 0], [false, false, 0]] as const) {
      const t = fakeTty(tty);
      const p = startProgress('run demo', quiet, t.stream, delay);
      p.step('building the model');
      p.done();
      expect(t.text()).toBe('');
    }
  });
});
