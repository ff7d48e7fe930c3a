// `calisim manifests -o json`: the "YAML by default, -o json" — the bare words json and yaml are the
// format (the set goes to out/manifests), any other -o is the folder (`-o ./json` for a folder named json),
// and a -o word that --format contradicts is a usage error.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SCENARIO = resolve('test/fixtures/loadbalancer/local-failover.yaml');
const cwd = mkdtempSync(join(tmpdir(), 'calisim-format-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const services = (dir: string, ext: string): string => readFileSync(join(cwd, dir, 'mgmt', 'kubernetes', `services.${ext}`), 'utf8');

describe('manifests -o json', () => {
  it('-o json writes JSON Lists to out/manifests', () => {
    const r = runCli(['manifests', SCENARIO, '-o', 'json', '--quiet'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(services('out/manifests', 'json'))).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(existsSync(join(cwd, 'json'))).toBe(false);
  });

  it('-o ./json writes YAML into a folder named json', () => {
    const r = runCli(['manifests', SCENARIO, '-o', './json', '--quiet'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(services('json', 'yaml')).toMatch(/^apiVersion: v1\nkind: Service\n/);
  });

  it('-o yaml writes YAML; with --format json it is a usage error (exit 2)', () => {
    const y = runCli(['manifests', SCENARIO, '-o', 'yaml', '--format', 'yaml', '--quiet'], cwd);
    expect(y.code, y.stderr).toBe(0);
    expect(services('out/manifests', 'yaml')).toMatch(/^apiVersion: v1\n/);
    const bad = runCli(['manifests', SCENARIO, '-o', 'yaml', '--format', 'json'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('-o yaml asks for yaml but --format says json; to write into a folder named yaml, use -o ./yaml');
  });
});
