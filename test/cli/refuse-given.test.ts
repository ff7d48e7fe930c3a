import { describe, expect, it } from 'vitest';
import { isGiven, recordDefaulted } from '../../src/cli/given-options.js';
import { refuseFormatConflict, refuseGiven } from '../../src/cli/refuse-given.js';

describe('refuseGiven', () => {
  it('counts an option as given only when typed: not its default, not false, not an empty list', () => {
    const args: Record<string, unknown> = { format: 'text', quiet: false, node: [], port: 80, protocol: 'TCP' };
    recordDefaulted(args, ['format', 'protocol']);
    expect(['format', 'quiet', 'node', 'port', 'protocol', 'absent'].filter((n) => isGiven(args, n))).toEqual(['port']);
    expect(() => refuseGiven(args, ['format', 'quiet', 'protocol'], 'why')).not.toThrow();
    expect(() => refuseGiven({ ...args, o: 'dir' }, ['o', 'port'], 'no folder')).toThrow(/^-o, --port: no folder; they do not apply$/);
  });

  it('refuses -o beside a different typed --format, not beside a defaulted or equal one', () => {
    const typed = { output: 'yaml', format: 'json' };
    expect(() => refuseFormatConflict(typed)).toThrow(/^-o yaml and --format json: give one/);
    const defaulted = { output: 'yaml', format: 'text' };
    recordDefaulted(defaulted, ['format']);
    expect(() => refuseFormatConflict(defaulted)).not.toThrow();
    expect(() => refuseFormatConflict({ output: 'json', format: 'json' })).not.toThrow();
  });
});
