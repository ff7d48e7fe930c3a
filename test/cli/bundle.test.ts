// The bundled CLI (dist/cli-bundle/, which bin/calisim.js runs): every module that finds a file next to
// itself through import.meta.url still finds it from the bundle, whatever the working directory — the
// default scenario, package.json's version (check's SARIF, yargs' --version), the sweep child's script.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const elsewhere = mkdtempSync(join(tmpdir(), 'calisim-bundle-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('the bundled CLI, run from another directory', () => {
  it('is what bin/calisim.js runs', () => {
    expect(readFileSync(join(root, 'bin', 'calisim.js'), 'utf8')).toContain("'../dist/cli-bundle/calisim.js'");
  });

  it('prints the package version', () => {
    const r = runCli(['--version'], elsewhere);
    expect(r.stdout.trim()).toBe(version);
  });

  it('runs the default scenario', () => {
    const r = runCli(['run', '--no-viz', '--out', join(elsewhere, 'out')], elsewhere);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^calisim run: scenario giantnetes /);
  });

  it("names its version in check's SARIF", () => {
    const r = runCli(['check', join(root, 'scenarios', 'giantnetes.yaml'), '--format', 'sarif'], elsewhere);
    const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { semanticVersion: string } } }[] };
    expect(sarif.runs[0]!.tool.driver.semanticVersion).toBe(version);
  });

  it("finds the sweep child's script and the sweep page", () => {
    const r = runCli(['sweep', join(root, 'test', 'fixtures', 'sweep', 'tiny.yaml'), '--jobs', '1', '--quiet', '--out', join(elsewhere, 'sweep')], elsewhere);
    expect(r.code).toBe(0);
    expect(readFileSync(join(elsewhere, 'sweep', 'report.html'), 'utf8')).toContain('id="sweep-data"');
  });
});
