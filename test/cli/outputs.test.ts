// Outputs: a path that cannot be written is a clear error and exit 2; names never lead a file out of its
// folder; a second `manifests` replaces its own earlier output but no other folder; --seed is range-checked.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-outputs-'));
const scenario = join(dir, 'ok.yaml');
writeFileSync(scenario, 'tenants: [{ name: a, underlay: { physical: { cidr: 10.0.0.0/24 } }, nodes: { count: 1, name: "a-{i}" } }]\n');

describe('run --out that cannot be written', () => {
  writeFileSync(join(dir, 'a-file'), 'x');
  mkdirSync(join(dir, 'dir-out', 'report.json'), { recursive: true });

  it.each([
    [join(dir, 'a-file'), 'is not a folder'],
    ['/dev/null', '/dev/null is not a folder'],
    ['/proc', 'no such file or folder'],
    // Node's recursive mkdir loops forever on a missing folder under /proc: made one level at a time instead.
    ['/proc/calisim-out/sub', 'no such file or folder'],
    [join(dir, 'dir-out'), 'report.json: it is a folder'],
  ])('%s: exit 2, %s', async (out, reason) => {
    const r = await runMain(['run', scenario, '--quiet', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^calisim: cannot write .*\n$/);
    expect(r.stderr).toContain(reason);
  });
});

describe('manifests -o', () => {
  it('writes the cluster of a folder given as `<folder>/sub/..` inside the output folder, named after the folder', async () => {
    // A folder of manifests names its cluster after the folder the path resolves to (`..` once named it `..`).
    const folder = join(dir, 'dots');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n');
    const out = join(dir, 'nest', 'm');
    const r = await runMain(['manifests', `${folder}/sub/..`, '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'nest'))).toEqual(['m']);
    expect(readdirSync(out)).toEqual(['dots']);
  });

  it('replaces its own earlier output, refuses any other non-empty folder unless --force', async () => {
    const out = join(dir, 'm1');
    expect((await runMain(['manifests', scenario, '-o', out, '--quiet'])).code).toBe(0);
    expect((await runMain(['manifests', scenario, '-o', out, '--quiet'])).code).toBe(0);
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'keep.txt'), 'mine');
    const refused = await runMain(['manifests', scenario, '-o', other, '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the folder exists and is not empty (pass --force to replace it)');
    expect(readdirSync(other)).toEqual(['keep.txt']);
    expect((await runMain(['manifests', scenario, '-o', other, '--quiet', '--force'])).code).toBe(0);
    expect(readdirSync(other)).toEqual(['a']);
  });
});

describe('--seed', () => {
  it.each(['4294967296', '-1', '1.5'])('%s is refused', async (seed) => {
    const r = await runMain(['run', scenario, '--quiet', '--out', join(dir, 'o'), '--seed', seed]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be an integer in 0..4294967295');
  });
});
