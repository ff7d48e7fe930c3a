import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const bad = 'test/fixtures/manifests/invalid-policy';
const messages = ['unknown field "selectr"', 'unsupported value "Allowx"', 'invalid CIDR "10.0.0.0/33"'];

describe('every command loads through the one validation', () => {
  const commands: string[][] = [
    ['validate', bad],
    ['run', bad, '--out', 'out/test-one-validation', '--quiet'],
    ['check', bad],
    ['bgp', bad],
    ['routes', bad],
    ['manifests', bad, '-o', 'out/test-one-validation-manifests'],
    ['select', 'all()', bad],
    ['reach', bad, '--matrix'],
    ['trace', bad, '--from', 'x', '--to', 'y', '--port', '80'],
    ['diff', bad, '--delete', 'mgmt'],
  ];
  for (const args of commands) {
    it(`${args[0]} refuses what validate refuses, each problem once`, async () => {
      const r = await runInProcess(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      for (const m of messages) expect(r.stderr.split(m).length - 1).toBe(1);
      expect(r.stderr).toMatch(/calisim: 3 problems in the input\n$/);
    });
  }

  it('prints load warnings once on stderr and carries them in JSON outputs', async () => {
    const r = await runInProcess(['bgp', 'test/fixtures/manifests/kustomized', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { warnings: { message: string; file: string }[] };
    const w = doc.warnings.find((d) => d.message.includes('kubectl kustomize'));
    expect(w?.file).toBe('test/fixtures/manifests/kustomized/kustomization.yaml');
    expect(r.stderr.split('kubectl kustomize').length - 1).toBe(1);
    expect(doc.warnings.some((d) => d.message.includes('kind ConfigMap is not modelled'))).toBe(true);
  });
});
