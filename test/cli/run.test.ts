import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('calisim run', () => {
  const out = mkdtempSync(join(tmpdir(), 'calisim-run-'));

  it('simulates the embedded default scenario and writes report.json', () => {
    const r = runCli(['run', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scenario giantnetes \(seed 42\), simulated 900s/);
    for (const t of ['mgmt', 'acme', 'globex', 'initech', 'umbrella']) expect(r.stdout).toContain(t);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.schema).toBe('calisim.run/v1');
    expect(report.clusters).toHaveLength(5);
    expect(report.timeline.map((t: { kind: string }) => t.kind)).toEqual(['node-down', 'policy-apply', 'scale', 'node-up', 'cert-rotate']);
    // The scale-up to 20 spark replicas happened and every pod got an address.
    const umbrella = report.clusters.find((c: { name: string }) => c.name === 'umbrella');
    expect(umbrella.pods).toEqual({ running: 20, pending: 0, withoutAddress: 0 });
  });

  it('is byte-identical for the same seed and differs for another seed', () => {
    const a = runCli(['run', '--quiet', '--out', join(out, 'a')]);
    runCli(['run', '--quiet', '--out', join(out, 'b')]);
    const c = runCli(['run', '--quiet', '--seed', '7', '--out', join(out, 'c')]);
    expect(a.code).toBe(0);
    const ra = readFileSync(join(out, 'a', 'report.json'), 'utf8');
    expect(readFileSync(join(out, 'b', 'report.json'), 'utf8')).toBe(ra);
    expect(c.code).toBe(0);
    expect(readFileSync(join(out, 'c', 'report.json'), 'utf8')).not.toBe(ra);
  });

  it('stops at --until and reports bad flags as usage errors (exit 2)', () => {
    const r = runCli(['run', '--until', '2m', '--format', 'json', '--out', join(out, 'u')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.endTime).toBe(120_000);
    expect(report.timeline).toHaveLength(1);
    const bad = runCli(['run', '--until', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--until soon: not a duration/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails (exit 1) when a verdict fails: certificates that outlive their rotation period', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calisim-pki-'));
    const scenario = (certTTL: string): string =>
      [
        'name: pki-gap',
        'horizon: 3h',
        'platform:',
        '  management:',
        '    name: mgmt',
        '    underlay: { physical: { cidr: 10.0.0.0/24 } }',
        '    nodes: { count: 2, name: "m{i}" }',
        `  pki: { caTTL: 100h, certTTL: ${certTTL}, rotationPeriod: 2h }`,
        'tenants: []',
        '',
      ].join('\n');
    writeFileSync(join(dir, 'ok.yaml'), scenario('3h'));
    writeFileSync(join(dir, 'gap.yaml'), scenario('1h'));
    expect(runCli(['run', join(dir, 'ok.yaml'), '--quiet', '--out', join(dir, 'o1')]).code).toBe(0);
    const r = runCli(['run', join(dir, 'gap.yaml'), '--out', join(dir, 'o2')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}no certificate expired/);
    const report = JSON.parse(readFileSync(join(dir, 'o2', 'report.json'), 'utf8'));
    // Every certificate is expired from 1h until the rotation at 2h.
    expect(report.certificates.windows.length).toBeGreaterThan(0);
    // (A component reading a mounted Secret sees the renewal up to a minute later: a `not-reloaded` window follows.)
    for (const w of report.certificates.windows.filter((x: { reason: string; to?: number }) => x.reason === 'expired' && x.to !== undefined)) expect([w.from, w.to]).toEqual([3_600_000, 7_200_000]);
  });
});

describe('calisim run --manifests', () => {
  const out = mkdtempSync(join(tmpdir(), 'calisim-run-manifests-'));
  /** Every file under `dir` (relative path → bytes). */
  const tree = (dir: string): Map<string, string> =>
    new Map(
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => statSync(join(dir, f)).isFile())
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );

  it('writes, from its one load and simulation, the files `calisim manifests` writes, and the same report and page as without', () => {
    const r = runCli(['run', '--out', join(out, 'with'), '--manifests']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote \S+report\.json, \S+calisim\.html and \d+ files under \S+manifests\n$/);
    expect(runCli(['run', '--out', join(out, 'without'), '--quiet']).code).toBe(0);
    expect(runCli(['manifests', 'scenarios/giantnetes.yaml', '-o', join(out, 'alone'), '--quiet']).code).toBe(0);
    const written = tree(join(out, 'with', 'manifests'));
    expect([...written.keys()]).toContain('acme/kustomization.yaml');
    expect(written).toEqual(tree(join(out, 'alone')));
    for (const f of ['report.json', 'calisim.html']) expect(readFileSync(join(out, 'with', f), 'utf8')).toBe(readFileSync(join(out, 'without', f), 'utf8'));
    // Run again: the folder it wrote is replaced, not refused.
    expect(runCli(['run', '--out', join(out, 'with'), '--manifests', '--quiet', '--no-viz']).code).toBe(0);
  });

  it('refuses a manifests folder holding other files before simulating, and --force without --manifests', () => {
    const foreign = join(out, 'foreign');
    mkdirSync(join(foreign, 'manifests'), { recursive: true });
    writeFileSync(join(foreign, 'manifests', 'notes.txt'), 'mine\n');
    const r = runCli(['run', '--out', foreign, '--manifests']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \S*foreign\/manifests: the folder exists and is not empty \(pass --force to replace it\)/);
    expect(existsSync(join(foreign, 'report.json'))).toBe(false);
    expect(readdirSync(join(foreign, 'manifests'))).toEqual(['notes.txt']);
    expect(runCli(['run', '--out', foreign, '--manifests', '--force', '--quiet', '--no-viz']).code).toBe(0);
    expect(readdirSync(join(foreign, 'manifests')).sort()).toEqual(['acme', 'globex', 'initech', 'mgmt', 'umbrella']);
    const bare = runCli(['run', '--out', join(out, 'bare'), '--force']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--force replaces the OUT\/manifests folder of --manifests/);
  });
});

describe('calisim validate', () => {
  it('accepts the default scenario and rejects a broken one with file:line:col and no stack trace', () => {
    expect(runCli(['validate', 'scenarios/giantnetes.yaml']).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'calisim-val-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['name: bad', 'tenants:', '  - name: t', '    nodez: []', '    underlay: { physical: { cidr: 10.0.0.0/33 } }', ''].join('\n'));
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:5: error: tenants\[0\]\.nodez: .*did you mean `nodes`/);
    expect(r.stderr).toMatch(/bad\.yaml:5:\d+: error: tenants\[0\]\.underlay\.physical\.cidr: 10\.0\.0\.0\/33 is not a CIDR/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line of a YAML syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calisim-syn-'));
    const file = join(dir, 'syn.yaml');
    writeFileSync(file, 'name: x\ntenants:\n  - name: [unclosed\n');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syn\.yaml:\d+:\d+: error:/);
  });

  it('refuses --format and -o with --quiet (which prints nothing), and keeps --quiet alone and the default format', () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(args);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    const dir = mkdtempSync(join(tmpdir(), 'calisim-run-quiet-'));
    refused(['run', '--quiet', '--format', 'json', '--out', dir], /^calisim: --format: --quiet prints nothing \(report\.json is written all the same\); it does not apply/);
    refused(['run', '--quiet', '-o', 'yaml', '--out', dir], /^calisim: --output: --quiet prints nothing/);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
    const quiet = runCli(['run', '--quiet', '--no-viz', '--out', dir]);
    expect({ code: quiet.code, out: quiet.stdout }).toEqual({ code: 0, out: '' });
    expect(existsSync(join(dir, 'report.json'))).toBe(true);
  });
});
