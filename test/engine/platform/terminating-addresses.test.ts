// A terminating pod keeps its address: Calico IPAM releases it on the CNI plugin's DEL, which the kubelet
// runs when it tears the pod's sandbox down after the containers exit (terminationGracePeriodSeconds), so no
// new pod can get it in between; on a node that is down no kubelet runs, and the address is held until the
// node is back.
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../../src/cli/load/load-run.js';
import { formatIpv4 } from '../../../src/lib/ipv4.js';
import type { PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { edgeRun, editedScenario } from '../../verdict/trace/edge-fixtures.js';

const FIXTURE = 'test/fixtures/edge/held-addresses.yaml';
const address = (ip: number): string => (ip < 0 ? '-' : formatIpv4(ip));
const web = (run: PlatformRun): string[] =>
  run.pods.pods.filter((p) => p.namespace === 'web').map((p) => `${p.name} ${p.phase} ${address(p.phase === 'terminated' ? p.lastIp! : p.ip)}${p.releasedAt !== undefined ? ' released' : ''}`);

describe('terminating pods hold their addresses for their grace period', () => {
  it('a pod started while two terminate finds the pool exhausted, though two pods only run', () => {
    const { run } = loadRun([FIXTURE], '62s');
    expect(web(run)).toEqual(['web-0 running 10.200.0.0', 'web-1 running 10.200.0.1', 'web-2 terminated 10.200.0.2', 'web-3 terminated 10.200.0.3', 'web-2 running -']);
    expect(run.pods.pods.at(-1)!.reason).toBe('no IP address: exhausted');
    expect(run.timeline[0]!.effects).toEqual(['web/web: 4 → 2 replicas (2 stopped, terminating for 30 s, addresses held until then)']);
    expect(run.timeline[1]!.effects).toEqual(['web/web: 2 → 3 replicas, 1 without an IP address']);
  });

  it('releases them when the grace period ends, and the next pod gets one', () => {
    const { run } = loadRun([FIXTURE], '96s');
    expect(web(run).slice(2)).toEqual(['web-2 terminated 10.200.0.2 released', 'web-3 terminated 10.200.0.3 released', 'web-2 running -', 'web-3 running 10.200.0.3']);
    expect(run.pods.pods.filter((p) => p.releasedAt !== undefined).map((p) => p.releasedAt)).toEqual([90_000, 90_000]);
  });
});

describe('pods evicted from a down node', () => {
  // acme-2 goes down silently at 90 s; its Deployment pods are evicted 300 s later and started elsewhere; it
  // comes back at 500 s instead of 6 m.
  const file = editedScenario('held-on-down-node', [['{ at: 6m, kind: node-up, node: acme/acme-2 }', '{ at: 500s, kind: node-up, node: acme/acme-2 }']]);
  const evicted = (run: PlatformRun) => run.pods.pods.filter((p) => p.phase === 'terminated' && run.model.nodes[p.node]!.name === 'acme/acme-2');

  it('hold their addresses while the node is down, past the grace period, and release them when it is back', () => {
    const down = edgeRun(file, '470s').run;
    expect(evicted(down).length).toBeGreaterThan(0);
    for (const p of evicted(down)) expect(p.releasedAt).toBeUndefined();
    const back = edgeRun(file, '501s').run;
    expect(evicted(back).map((p) => p.releasedAt)).toEqual(evicted(down).map(() => 500_000));
  });
});
