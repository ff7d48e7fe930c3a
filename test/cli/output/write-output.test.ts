// cli: atomic outputs — a file or a folder is replaced whole or not at all, and a planted symlink is replaced,
// never written through.
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, readlinkSync, lstatSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, writeFileAtomic, writeTreeAtomic } from '../../../src/cli/output/write-output.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'calisim-out-'));

describe('writeFileAtomic', () => {
  it('replaces a planted symlink instead of writing through it, and leaves no temporary file', () => {
    const d = scratch();
    writeFileSync(join(d, 'secret'), 'keep');
    symlinkSync(join(d, 'secret'), join(d, 'report.json'));
    writeFileAtomic(join(d, 'report.json'), '{}\n');
    expect(readFileSync(join(d, 'secret'), 'utf8')).toBe('keep');
    expect(lstatSync(join(d, 'report.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(d, 'report.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(d).sort()).toEqual(['report.json', 'secret']);
  });

  it('refuses a folder at the path with an OutputError', () => {
    const d = scratch();
    mkdirSync(join(d, 'x'));
    expect(() => writeFileAtomic(join(d, 'x'), 'a')).toThrow(OutputError);
  });

  it('refuses a parent that is a file', () => {
    const d = scratch();
    writeFileSync(join(d, 'f'), '');
    expect(() => writeFileAtomic(join(d, 'f', 'report.json'), 'a')).toThrow(/is not a folder/);
  });
});

describe('writeTreeAtomic', () => {
  it('refuses a non-empty folder without force, and replaces it whole with force', () => {
    const d = scratch();
    const out = join(d, 'm');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'user data');
    expect(() => writeTreeAtomic(out, [{ path: 'a/b.yaml', data: 'x' }])).toThrow(/--force/);
    expect(readdirSync(out)).toEqual(['mine.txt']);
    writeTreeAtomic(out, [{ path: 'a/b.yaml', data: 'x' }], { force: true });
    expect(readdirSync(out)).toEqual(['a']);
    expect(readFileSync(join(out, 'a', 'b.yaml'), 'utf8')).toBe('x');
    expect(readdirSync(d)).toEqual(['m']);
  });

  it('leaves the previous tree intact when writing fails half-way', () => {
    const d = scratch();
    const out = join(d, 'm');
    writeTreeAtomic(out, [{ path: 'old.yaml', data: 'old' }]);
    expect(() => writeTreeAtomic(out, [{ path: 'new.yaml', data: 'n' }, { path: '../escape.yaml', data: 'e' }], { force: true })).toThrow(/leaves the output folder/);
    expect(readdirSync(out)).toEqual(['old.yaml']);
    expect(readdirSync(d)).toEqual(['m']);
    expect(() => readlinkSync(join(d, 'escape.yaml'))).toThrow();
  });
});
