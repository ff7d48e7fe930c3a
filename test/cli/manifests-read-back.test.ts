// `calisim manifests` then every command on the written folder, as a user reads it back: the set's root (one
// cluster per folder, in the platform's order) and a single cluster folder give the scenario's connection list,
// matrix and routes again; check agrees on every assertion the folder can express (not the expect section).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-read-back-'));
const set = join(dir, 'set');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const r = await runInProcess(['manifests', 'scenarios/giantnetes.yaml', '-o', set, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

/** The command's stdout on the scenario and on the read-back folder. */
async function both(args: readonly string[], folder = set): Promise<[string, string]> {
  const a = await runInProcess([args[0]!, 'scenarios/giantnetes.yaml', ...args.slice(1)]);
  const b = await runInProcess([args[0]!, folder, ...args.slice(1)]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  return [a.stdout, b.stdout];
}

describe('reading back a manifest set', () => {
  it('the root gives every cluster, in the platform order, with the same connection list', async () => {
    const [want, got] = await both(['reach', '--format', 'connlist']);
    expect(got).toBe(want);
    // The management cluster's tenant VMs come back from their KubeVirt VirtualMachines.
    expect(got).toMatch(/^# cluster mgmt\n/);
    expect(got).toContain('tenant-acme/acme-1[Pod]');
  });

  it('the same matrix and routes', async () => {
    const [m1, m2] = await both(['reach', '--matrix']);
    expect(m2).toBe(m1);
    const [r1, r2] = await both(['routes', '--format', 'json']);
    const nodes = (s: string): unknown => (JSON.parse(s) as { nodes: unknown }).nodes;
    expect(nodes(r2)).toEqual(nodes(r1));
  });

  // A manifest folder holds no expect section (reach/*, ipam-headroom/*), no timeline (bgp-convergence) and no
  // platform: the read-back does not know that mgmt manages the tenants and fronts their Ingresses
  // (ingress-route/*, ingress-conflict) behind its load balancers (lb-blackholes, lb-failover, lb-vip-routed: the AS3
  // declarations are not read back), so it also checks mgmt's isolation and route leaks like any cluster's.
  it('check agrees on every assertion the folder expresses', async () => {
    const [a, b] = await both(['check', '--format', 'json']);
    const status = (s: string): Map<string, string> =>
      new Map((JSON.parse(s) as { assertions: { id: string; status: string }[] }).assertions.map((x) => [x.id, x.status]));
    const want = status(a);
    const got = status(b);
    const shared = [...want.keys()].filter((id) => got.has(id));
    expect(shared.filter((id) => id.startsWith('isolation/'))).toHaveLength(12);
    expect(shared.filter((id) => id.startsWith('route-leak/'))).toHaveLength(12);
    expect(shared.length).toBeGreaterThan(40);
    const unexpressed = /^(reach\/|ipam-headroom\/|bgp-convergence$|ingress-route\/|ingress-conflict$|lb-blackholes$|lb-failover$|lb-vip-routed$)/;
    expect([...want.keys()].filter((id) => !got.has(id)).filter((id) => !unexpressed.test(id))).toEqual([]);
    expect([...got.keys()].filter((id) => !want.has(id)).filter((id) => !/mgmt/.test(id))).toEqual([]);
    for (const id of shared) expect(got.get(id), id).toBe(want.get(id));
  });

  it('one cluster folder reads back as that cluster', async () => {
    const r = await runInProcess(['reach', join(set, 'acme'), '--format', 'connlist']);
    expect(r.code, r.stderr).toBe(0);
    const [full] = await both(['reach', '--format', 'connlist']);
    const acme = full.split('# cluster ')[2]!.split('\n').slice(1).join('\n');
    expect(r.stdout).toBe(acme);
    expect(r.stderr).toContain('was written by calisim manifests');
  });
});
