import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { V8_TUNING, childExecArgv } from '../../../src/cli/boot/v8-tuning.js';

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

  it('passes the flags to the point workers of a local sweep (forked with them), unless CALISIM_V8_DEFAULTS=1', () => {
    expect(childExecArgv({})).toEqual([...process.execArgv, ...V8_TUNING]);
    expect(childExecArgv({ CALISIM_V8_DEFAULTS: '1' })).toEqual(process.execArgv);
    // Node starts a child with them (each a flag it accepts on its command line) and hands them to the child's code.
    const r = spawnSync(process.execPath, [...childExecArgv({}), '-e', "process.stdout.write(process.execArgv.join(' '))"], { encoding: 'utf8' });
    expect(r.stdout.split(' ')).toEqual(expect.arrayContaining([...V8_TUNING]));
  });
});
