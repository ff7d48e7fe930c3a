import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const fx = 'test/fixtures/manifests';
const kustomized = `${fx}/kustomized`;
const entry = fileURLToPath(new URL('../../bin/calisim.js', import.meta.url));

describe('the command-line habits users bring', () => {
  it('reads manifests from standard input (-f -) into the namespace of -n', () => {
    const r = spawnSync(process.execPath, [entry, 'reach', '-f', '-', '-n', 'shop', '--from', 'shop/client-one', '--to', 'shop/nginx', '--port', '80'], {
      input: readFileSync(`${fx}/bare-pods/pods.yaml`, 'utf8'),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^shop\/client-one → shop\/nginx TCP 80: ALLOW/);
  });

  it('refuses a manifest whose namespace contradicts -n, as kubectl does', async () => {
    const r = await runInProcess(['validate', `${fx}/service-accounts`, '-n', 'shop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/accounts\.yaml:\d+:\d+: error: metadata\.namespace: namespace default does not match -n shop/);
  });

  it('prints objects as YAML with -o yaml', async () => {
    const r = await runInProcess(['select', "app == 'nginx'", `${fx}/bare-pods`, '-o', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^selector: app == "nginx"\nendpoints:\n {2}- cluster: bare-pods\n {4}namespace: default\n {4}name: nginx\n/);
    expect(r.stdout).toMatch(/\nwarnings: \[\]\n$/);
  });

  it('names workloads and Services as --from/--to, with did-you-mean for a typo', async () => {
    const w = await runInProcess(['reach', kustomized, '--from', 'default/deployment/frontend', '--to', 'deploy/default/web', '--port', '80']);
    expect(w.stdout).toMatch(/^default\/frontend-0 → default\/web-0 TCP 80: ALLOW/);
    const s = await runInProcess(['reach', `${fx}/bare-pods`, '--from', 'default/client-two', '--to', 'svc/default/nginx', '--port', '80']);
    expect(s.stdout).toMatch(/^default\/client-two → default\/nginx TCP 80: DENY/);
    const typo = await runInProcess(['reach', kustomized, '--from', 'default/deployment/frontnd', '--to', 'default/web-0', '--port', '80']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--from default\/deployment\/frontnd: no Deployment default\/frontnd \(did you mean `default\/deployment\/frontend`\?\)/);
    const pod = await runInProcess(['reach', `${fx}/bare-pods`, '--from', 'default/client-on', '--to', 'default/nginx', '--port', '80']);
    expect(pod.stderr).toMatch(/no pod default\/client-on \(did you mean `default\/client-one`\?\)/);
  });

  it('focuses a connlist on a workload and honours --port in the matrix, one JSON document', async () => {
    const cl = await runInProcess(['reach', kustomized, '--format', 'connlist', '--focus-workload', 'frontend']);
    expect(cl.stdout.split('\n').filter((l) => l !== '').every((l) => l.includes('frontend'))).toBe(true);
    expect(cl.stdout).toContain('default/frontend[Deployment] => default/web[Deployment] : TCP 80\n');
    const m = await runInProcess(['reach', kustomized, '--matrix', '--port', '81', '--format', 'json']);
    const doc = JSON.parse(m.stdout) as { port: number; matrix: Record<string, Record<string, string>> };
    expect(doc.port).toBe(81);
    expect(doc.matrix['default/frontend[Deployment]']).toEqual({});
    expect(doc.matrix['default/web[Deployment]']).toEqual({ 'default/frontend[Deployment]': 'TCP 81' });
  });

  it('gives the whole matrix of a platform as one JSON document, and text column headers', async () => {
    const r = await runInProcess(['reach', 'scenarios/giantnetes.yaml', '--matrix', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { clusters: { cluster: string }[] };
    expect(doc.clusters.length).toBeGreaterThan(1);
    const t = await runInProcess(['reach', kustomized, '--matrix']);
    expect(t.stdout).toContain('\n    12\nnamespace default:\n  1 \\P  default/frontend[Deployment]\n');
  });

  it('diff --exit-code exits 1 when connections change, 0 when none do', async () => {
    const changed = await runInProcess(['diff', `${fx}/bare-pods`, `${fx}/diff-new`, '--exit-code']);
    expect(changed.code).toBe(1);
    const same = await runInProcess(['diff', `${fx}/bare-pods`, `${fx}/bare-pods`, '--exit-code']);
    expect(same.code).toBe(0);
  });

  it('refuses a misspelt flag before anything runs, printing the error once', async () => {
    const r = await runInProcess(['check', `${fx}/bare-pods`, '--fromat', 'junit']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("calisim: Unknown argument: fromat\nRun 'calisim --help' for usage.\n");
  });

  it('--help texts name only options that exist', () => {
    // A child process: yargs prints help through console.log, which vitest captures.
    const r = spawnSync(process.execPath, [entry, 'routes', '--help'], { encoding: 'utf8' });
    expect(r.stdout).not.toContain('--settle');
    expect(r.stdout).toContain('-f, --filename');
  });

  it('refuses -o with a different --format (-o would win and --format be dropped), and takes the two when they agree', async () => {
    const both = await runInProcess(['validate', 'scenarios/giantnetes.yaml', '-o', 'yaml', '--format', 'json']);
    expect({ code: both.code, out: both.stdout }).toEqual({ code: 2, out: '' });
    expect(both.stderr).toMatch(/^calisim: -o yaml and --format json: give one/);
    const agree = await runInProcess(['validate', 'scenarios/giantnetes.yaml', '-o', 'json', '--format', 'json']);
    expect(agree.code).toBe(0);
    expect(JSON.parse(agree.stdout)).toMatchObject({ valid: true });
    // The default --format (text) is not typed: -o alone is no conflict.
    expect((await runInProcess(['validate', 'scenarios/giantnetes.yaml', '-o', 'yaml'])).stdout).toMatch(/^valid: true$/m);
  });

  it('takes a negative value after a long option as its value, so the option itself says what is wrong', async () => {
    // yargs alone read `-5m` as the short options -5 and -m: "Unknown arguments: 5, m".
    const at = await runInProcess(['routes', 'scenarios/giantnetes.yaml', '--at', '-5m']);
    expect({ code: at.code, out: at.stdout }).toEqual({ code: 2, out: '' });
    expect(at.stderr).toMatch(/^calisim: --at -5m: not a duration/);
    const port = await runInProcess(['reach', 'scenarios/giantnetes.yaml', '--from', 'acme/shop/frontend-0', '--to', 'acme/shop/api-0', '--port', '-1']);
    expect(port.stderr).toMatch(/^calisim: --port -1: must be 1\.\.65535/);
    // An option the command does not have is named as such.
    expect((await runInProcess(['plan', 'scenarios/giantnetes.yaml', '--at', '-1h'])).stderr).toMatch(/^calisim: Unknown argument: at$/m);
    // A value that is not negative is untouched.
    expect((await runInProcess(['routes', 'scenarios/giantnetes.yaml', '--at', '5m'])).code).toBe(0);
  });
});
