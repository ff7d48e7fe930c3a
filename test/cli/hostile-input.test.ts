// Hostile inputs end quickly with a clear error (exit 2), never a hang, a crash or the contents of a file
// that is not YAML: devices, FIFOs and /proc files, prototype keys, and every limit with the flag raising it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-hostile-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const TENANT = 'tenants: [{ name: a, underlay: { physical: { cidr: 10.0.0.0/24 } }, nodes: { count: 2, name: "a-{i}" } }]\n';

describe('inputs that are not regular files', () => {
  const fifo = join(dir, 'fifo.yaml');
  execFileSync('mkfifo', [fifo]);

  it.each(['/dev/zero', '/dev/urandom', fifo])('%s as a scenario is refused at once', async (path) => {
    const r = await runMain(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: error: cannot read: not a regular file`);
  });

  it('/dev/zero as --probes is refused', async () => {
    const r = await runMain(['reach', file('ok.yaml', TENANT), '--probes', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero: error: cannot read probes: not a regular file');
  });

  it('/proc/self/environ is refused without a byte of it shown', async () => {
    process.env['CALISIM_CANARY'] = 'canary-secret-value';
    const r = await runMain(['validate', '/proc/self/environ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file is longer than its size says');
    expect(r.stderr).not.toContain('canary');
  });

  it('a file of colon-separated lines (like /etc/shadow) is reported without quoting its lines', async () => {
    const r = await runMain(['validate', file('shadow', 'root:$6$saltsalt$hashhashhashhash:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('hashhash');
    expect(r.stderr).not.toContain('daemon');
  });

  it('a probes file that is not JSON is reported without quoting it', async () => {
    const r = await runMain(['reach', file('ok2.yaml', TENANT), '--probes', file('p.json', 'root:x:0:0:secret-shell')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read probes: not valid JSON');
    expect(r.stderr).not.toContain('secret');
  });
});

describe('prototype keys', () => {
  const manifests = [
    'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }',
    'apiVersion: v1\nkind: Pod\nmetadata: { name: a, namespace: shop, labels: { app: a } }\nspec: { nodeName: n1 }\nstatus: { podIP: 10.0.0.5 }',
    'apiVersion: v1\nkind: Pod\nmetadata: { name: b, namespace: shop, labels: { app: b } }\nspec: { nodeName: n1 }\nstatus: { podIP: 10.0.0.6 }',
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: shop }\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  __proto__: { ingress: [{}] }',
  ].join('\n---\n');

  it('a deny-all NetworkPolicy with `__proto__: {ingress: [{}]}` is refused, never judged ALLOW', async () => {
    const r = await runMain(['reach', file('np.yaml', manifests), '--from', 'shop/a', '--to', 'shop/b', '--port', '80']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('ALLOW');
    expect(r.stderr).toContain('np.yaml:23:3: error: a `__proto__` key is not allowed');
  });

  it('--labels refuses __proto__, and `constructor` is only a label when given', async () => {
    const polluted = await runMain(['select', 'has(x)', '--labels', '{"__proto__": {"x": "1"}}', '--format', 'json']);
    expect(polluted.code).toBe(2);
    expect(polluted.stderr).toContain('--labels: a "__proto__" key is not allowed');
    const absent = await runMain(['select', 'has(constructor)', '--labels', '{}', '--format', 'json']);
    expect(JSON.parse(absent.stdout)).toEqual({ matches: false });
  });
});

describe('limits, each named with the flag that raises it', () => {
  it('horizon, --until and --at beyond the simulated-time limit', async () => {
    const far = file('far.yaml', `horizon: 100000h\n${TENANT}`);
    expect((await runMain(['validate', far])).stderr).toContain('horizon: 100000h is later than the latest simulated time allowed, 8760h (raise it with --max-sim-time)');
    const ok = file('ok3.yaml', TENANT);
    const until = await runMain(['run', ok, '--until', '1000000h', '--out', join(dir, 'o')]);
    expect(until.code).toBe(2);
    expect(until.stderr).toBe('calisim: --until 1000000h: 1000000h is later than the latest simulated time allowed, 8760h (raise it with --max-sim-time)\n');
    const at = await runMain(['routes', ok, '--at', '1000000h', '--format', 'json']);
    expect(at.code).toBe(2);
    expect((await runMain(['validate', far, '--max-sim-time', '200000h'])).code).toBe(0);
  });

  it('a generator product is refused before it is expanded', async () => {
    const big = file('big.yaml', 'tenantSets: [{ count: 10000, name: "t{i}", underlay: { physical: { cidr: 10.0.0.0/8 } }, nodes: { count: 100000, name: "n{i}" } }]\n');
    const t0 = performance.now();
    const r = await runMain(['validate', big]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tenantSets[0].count: 1000010000 more objects would pass the limit of 200000 nodes and pods (raise it with --max-objects N)');
  });

  it('zero padding wider than 20 digits is refused before a string is built', async () => {
    const r = await runMain(['validate', file('pad.yaml', 'tenants: [{ name: a, underlay: { physical: { cidr: 10.0.0.0/8 } }, nodes: { count: 3000, name: "n{i:999999}" } }]\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('placeholder {i:999999} pads wider than 20 digits');
  });

  it('replicas count towards the object limit', async () => {
    const text = `${TENANT.trimEnd().slice(0, -2)}, namespaces: [{ name: s }], workloads: [{ name: w, namespace: s, replicas: 100000 }, { name: v, namespace: s, replicas: 100000 }] }]\n`;
    const r = await runMain(['validate', file('rep.yaml', text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the scenario declares 200002 nodes and pods; the limit is 200000 (raise it with --max-objects N)');
  });

  it('a simulation past --max-events stops with a clear error', async () => {
    const r = await runMain(['run', file('ev.yaml', TENANT), '--max-events', '3', '--out', join(dir, 'o2')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^calisim: the simulation reached 3 events at \d+ ms of simulated time \(raise the limit with --max-events N\)\n$/);
  });

  it('one file past --max-file-bytes, and the flag raising the limit', async () => {
    const a = file('f1.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: { name: one }\n');
    const low = await runMain(['reach', a, '--matrix', '--max-file-bytes', '20']);
    expect(low.code).toBe(2);
    expect(low.stderr).toMatch(/f1\.yaml: error: file is 55 bytes; the limit is 20 bytes \(raise it with --max-file-bytes N\)\n/);
    const raised = await runMain(['reach', a, '--matrix', '--max-file-bytes', '55']);
    expect(raised.code, raised.stderr).toBe(0);
  });

  it('inputs together past --max-input-bytes', async () => {
    const a = file('m1.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: { name: one }\n');
    const b = file('m2.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: { name: two }\n');
    const r = await runMain(['reach', a, b, '--matrix', '--max-input-bytes', '80']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/m2\.yaml: error: file is 55 bytes; with the 55 bytes read before it the inputs pass the limit of 80 bytes \(raise it with --max-input-bytes N\)\n/);
  });
});
