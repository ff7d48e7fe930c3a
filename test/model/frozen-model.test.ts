// No stage writes to the model, nor to the scenario it points to: with the model frozen through (the recursive
// freeze buildModel did until it froze only its own records), the commands print what the golden outputs hold,
// and nothing throws on a frozen object (ES modules are strict: a write to a frozen object is a TypeError).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runMain } from '../cli/run-main.js';

vi.mock('../../src/model/build-model.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/build-model.js')>();
  return { ...real, buildModel: (...args: Parameters<typeof real.buildModel>) => frozenThrough(real.buildModel(...args)) };
});

/** Freezes plain objects and arrays recursively, through records already frozen (maps and typed arrays are left as they are). */
function frozenThrough<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) frozenThrough(v, seen);
  return value;
}

const fx = 'test/fixtures/identity';
const out = mkdtempSync(join(tmpdir(), 'calisim-frozen-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const golden = (dir: string, name: string): string => readFileSync(`${fx}/golden/${dir}/${name}.out`, 'utf8');

const cases: { dir: string; name: string; args: string[] }[] = [
  { dir: 'giantnetes', name: 'validate', args: ['validate', 'scenarios/giantnetes.yaml', '--format', 'json'] },
  { dir: 'giantnetes', name: 'run', args: ['run', 'scenarios/giantnetes.yaml', '--format', 'json', '--out', out] },
  { dir: 'giantnetes', name: 'check', args: ['check', 'scenarios/giantnetes.yaml', '--format', 'json'] },
  { dir: 'giantnetes', name: 'trace', args: ['trace', 'scenarios/giantnetes.yaml', '--from', 'acme/shop/frontend-0', '--to', 'acme/shop/api-0', '--protocol', 'TCP', '--port', '9000', '--format', 'json'] },
  { dir: 'giantnetes', name: 'diff-wall', args: ['diff', 'scenarios/giantnetes.yaml', '--apply', `${fx}/giantnetes-globex-from-acme.yaml`, '--cluster', 'mgmt', '--format', 'json'] },
  { dir: 'giantnetes', name: 'connlist', args: ['reach', 'scenarios/giantnetes.yaml', '--format', 'connlist'] },
  { dir: 'large-reduced', name: 'reach-pair', args: ['reach', `${fx}/large-reduced.yaml`, '--from', 't01/web/frontend-0', '--to', 't01/api/orders-0', '--port', '9000'] },
  { dir: 'large-reduced', name: 'check', args: ['check', `${fx}/large-reduced.yaml`, '--format', 'json'] },
];

describe('the commands on a model frozen through', () => {
  for (const c of cases) {
    it(`${c.dir} ${c.name}`, async () => {
      const r = await runMain(c.args);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(golden(c.dir, c.name));
    });
  }
});
