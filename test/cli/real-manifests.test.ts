import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const fx = 'test/fixtures/manifests';

describe('manifests as users have them', async () => {
  it('schedules bare Pods (no spec.nodeName) and keeps a given status.podIP', async () => {
    const ok = await runInProcess(['reach', `${fx}/bare-pods`, '--from', 'default/client-one', '--to', 'default/nginx', '--port', '80']);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^default\/client-one → default\/nginx TCP 80: ALLOW/);
    const denied = await runInProcess(['reach', `${fx}/bare-pods`, '--from', 'default/client-two', '--to', 'default/nginx', '--port', '80']);
    expect(denied.stdout).toMatch(/TCP 80: DENY/);
    const t = await runInProcess(['trace', `${fx}/bare-pods`, '--from', 'bare-pods/default/client-one', '--to', 'bare-pods/default/nginx', '--port', '80', '--format', 'json']);
    expect(JSON.parse(t.stdout)).toMatchObject({ dstIp: '192.168.7.9' });
  });

  it("gives pods their ServiceAccount's labels as pcsa.* labels (serviceAccounts.selector)", async () => {
    const intern = await runInProcess(['reach', `${fx}/service-accounts`, '--from', 'default/intern-pod', '--to', 'default/db', '--port', '5432']);
    expect(intern.stdout).toMatch(/TCP 5432: DENY/);
    expect(intern.stderr).not.toMatch(/ServiceAccount is not modelled/);
    const staff = await runInProcess(['reach', `${fx}/service-accounts`, '--from', 'default/staff-pod', '--to', 'default/db', '--port', '5432']);
    expect(staff.stdout).toMatch(/TCP 5432: ALLOW/);
  });

  it("takes the node network from the Node objects' addresses (a kind cluster on 172.18.0.0/16)", async () => {
    const r = await runInProcess(['routes', `${fx}/kind-dump`, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const t = await runInProcess(['trace', `${fx}/kind-dump`, '--from', 'kind-dump/kind-worker', '--to', 'kind-dump/kind-control-plane', '--protocol', 'ICMP', '--format', 'json']);
    expect(JSON.parse(t.stdout)).toMatchObject({ srcIp: '172.18.0.2', dstIp: '172.18.0.3' });
  });

  it('diffs two manifest folders as one cluster before and after', async () => {
    const r = await runInProcess(['diff', `${fx}/bare-pods`, `${fx}/diff-new`, '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.summary.newlyAllowed).toBe(3);
    expect(d.changes[0]).toMatchObject({ from: { workload: 'client-two' }, to: { workload: 'nginx' }, change: 'newly-allowed' });
  });
});
