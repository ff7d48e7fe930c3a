import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const bird = ['/usr/sbin/bird', '/usr/bin/bird'].find((p) => existsSync(p));
const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';

describe('calisim manifests', () => {
  const out = mkdtempSync(join(tmpdir(), 'calisim-manifests-'));
  const r = runCli(['manifests', 'scenarios/giantnetes.yaml', '-o', out, '--quiet']);

  it('writes a folder per cluster with Calico, BIRD, Kubernetes and flannel files', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['acme', 'globex', 'initech', 'mgmt', 'umbrella']);
    expect(readdirSync(join(out, 'acme')).sort()).toEqual(['bird', 'calico', 'flannel', 'install', 'kubernetes', 'kustomization.yaml', 'pki']);
    expect(readdirSync(join(out, 'acme', 'bird'))).toHaveLength(4);
    expect(JSON.parse(readFileSync(join(out, 'acme', 'flannel', 'net-conf.json'), 'utf8'))).toEqual({
      Network: '172.16.0.0/16',
      SubnetLen: 24,
      Backend: { Type: 'vxlan', VNI: 101, Port: 8472 },
    });
    // A node's BIRD config holds a blackhole per IPAM block it owns and a mesh session per other node.
    const cfg = readFileSync(join(out, 'acme', 'bird', 'acme-1.cfg'), 'utf8');
    expect(cfg).toMatch(/route 10\.10\.\d+\.\d+\/26 blackhole;/);
    expect(cfg.match(/^protocol bgp Mesh_/gm)).toHaveLength(3);
  });

  it('emits BIRD configurations that real BIRD 1.6 accepts (bird -p)', () => {
    if (!bird) {
      if (ci) throw new Error('bird is not installed: .ci/run must install Debian package bird');
      console.warn('skipping: BIRD not installed (apt-get install -y bird)');
      return;
    }
    let n = 0;
    for (const cluster of readdirSync(out)) {
      for (const f of readdirSync(join(out, cluster, 'bird'))) {
        execFileSync(bird, ['-p', '-c', join(out, cluster, 'bird', f)]);
        n++;
      }
    }
    expect(n).toBe(21);
  });

  it('round trip: the emitted Kubernetes manifests, read back, select the same endpoints', () => {
    const q = (files: string[]) =>
      JSON.parse(runCli(['select', "app == 'db'", ...files, '--format', 'json']).stdout).endpoints.map(
        (e: { namespace: string; name: string; labels: Record<string, string> }) => `${e.namespace}/${e.name} ${JSON.stringify(e.labels)}`,
      );
    const original = q(['scenarios/giantnetes.yaml']).filter((s: string) => s.includes('"projectcalico.org/namespace":"data"')).slice(0, 2);
    const readBack = q([join(out, 'acme', 'kubernetes')]);
    expect(readBack).toEqual(original);
  });

  it('replaces its own previous output, but refuses a folder of other files without --force', () => {
    expect(runCli(['manifests', 'scenarios/giantnetes.yaml', '-o', out, '--quiet']).code).toBe(0);
    const foreign = mkdtempSync(join(tmpdir(), 'calisim-foreign-'));
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const refused = runCli(['manifests', 'scenarios/giantnetes.yaml', '-o', foreign, '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not empty \(pass --force/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
    expect(runCli(['manifests', 'scenarios/giantnetes.yaml', '-o', foreign, '--quiet', '--force', '--cluster', 'acme']).code).toBe(0);
    expect(readdirSync(foreign)).toEqual(['acme']);
  });

  it('--diff T1 T2 prints the objects an operator applies between two instants', () => {
    const r = runCli(['manifests', 'scenarios/giantnetes.yaml', '--diff', '0s', '6m']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# create: globex projectcalico.org\/NetworkPolicy data\/frontend-to-db$/m);
    expect(r.stdout).toMatch(/^# change: umbrella apps\/Deployment analytics\/spark$/m);
    expect(r.stdout).toMatch(/replicas: 20/);
  });

  it('refuses --at, --force, --quiet and an -o folder with --diff (it prints, writes nothing), and keeps -o json there', () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(args);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    const diff = ['manifests', 'scenarios/giantnetes.yaml', '--diff', '0', '5m'];
    refused([...diff, '--at', '1m'], /^calisim: --at: --diff prints the objects between its two instants and writes no folder; it does not apply/);
    refused([...diff, '--force', '--quiet'], /^calisim: --force, --quiet: --diff prints/);
    refused([...diff, '-o', join(out, 'elsewhere')], /^calisim: -o .*elsewhere: --diff prints the objects between its two instants and writes no folder/);
    expect(existsSync(join(out, 'elsewhere'))).toBe(false);
    const json = runCli([...diff, '-o', 'json']);
    expect(json.code).toBe(0);
    expect(json.stdout).toMatch(/^# change: /m);
  });
});
