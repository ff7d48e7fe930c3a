import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { V8_TUNING } from '../../../src/cli/boot/v8-tuning.js';

describe('V8 tuning of the CLI', () => {
  it('names flags this Node knows, with values of their type (a renamed or retyped flag would be refused)', () => {
    expect(V8_TUNING.length).toBeGreaterThan(0);
    for (const flag of V8_TUNING) {
      const r = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
      expect({ flag, code: r.status, stderr: r.stderr }).toEqual({ flag, code: 0, stderr: '' });
    }
    // The check itself refuses a flag V8 does not know.
    expect(spawnSync(process.execPath, ['--max-inlined-bytecode-size-cumulativ=200', '-e', '0'], { encoding: 'utf8' }).status).not.toBe(0);
  });

  it('sets only compiler heuristics, never a GC or heap-layout flag (those crash a running V8)', () => {
    for (const flag of V8_TUNING) expect(flag).toMatch(/^--(max-inlined-bytecode-size(-cumulative)?|interrupt-budget)=\d+$/);
  });
});
