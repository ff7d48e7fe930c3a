import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const fx = 'test/fixtures/manifests';

describe('smaller defects seen on real input', () => {
  it('shows a ReplicationController as [ReplicationController], not [ReplicaSet]', async () => {
    const r = await runInProcess(['reach', `${fx}/bare-pods`, '--format', 'connlist']);
    expect(r.stdout).toContain('default/client-one[Pod] => default/nginx-rc[ReplicationController] : All Connections\n');
    expect(r.stdout).not.toContain('[ReplicaSet]');
  });

  it('counts a pod without an address as not running', async () => {
    const out = mkdtempSync(join(tmpdir(), 'calisim-pods-'));
    const r = await runInProcess(['run', `${fx}/small-pool`, '--out', out, '--until', '10s']);
    expect(r.stdout).toContain('pods 8 running, 2 without IP');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { clusters: { pods: unknown }[] };
    expect(report.clusters[0]!.pods).toEqual({ running: 8, pending: 0, withoutAddress: 2 });
  });

});
