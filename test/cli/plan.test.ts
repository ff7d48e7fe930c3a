// `calisim plan` end to end on the default scenario: every limit has a source, the figures the engine
// measures are marked measured, known answers for its 6-node mesh, and the first binding limit per axis.
import { describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/plan/types.js';
import { runCli } from './run-cli.js';

describe('calisim plan', () => {
  it('names every limit with its use and source, and which binds first', () => {
    const r = runCli(['plan', 'scenarios/giantnetes.yaml', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanReport;
    expect(plan.schema).toBe('calisim.plan/v1');
    for (const l of plan.limits) expect(l.source.title.length).toBeGreaterThan(0);
    const byId = new Map(plan.limits.map((l) => [l.id, l]));
    // acme has 6 nodes in a full mesh: 15 sessions, 5 per node (measured), 3 Typha replicas.
    expect(byId.get('calico-mesh-sessions')).toMatchObject({ value: 4950, use: 15 });
    expect(byId.get('calico-sessions-per-node')).toMatchObject({ use: 5, measured: true });
    expect(byId.get('calico-typha-replicas')).toMatchObject({ value: 20, use: 3 });
    expect(byId.get('k8s-nodes')).toMatchObject({ value: 5000, use: 6 });
    expect(plan.axes.find((a) => a.axis === 'nodesPerTenant')).toMatchObject({ current: 6, bindsAt: 101, limit: 'calico-mesh-sessions' });
    expect(plan.exceeded).toEqual([]);
  });

  it('renders text with sources and the binding axes', () => {
    const r = runCli(['plan', 'scenarios/giantnetes.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('https://kubernetes.io/docs/setup/best-practices/cluster-large/');
    expect(r.stdout).toContain('nodes per tenant 6 → 101: full-mesh BGP sessions');
    expect(r.stdout).toMatch(/Tightest now: /);
  });

  it('counts pending pods against pods per node: 510 pods asked of 4 nodes of maxPods 110 exceed it', () => {
    const r = runCli(['plan', 'test/fixtures/plan/pending.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanReport;
    // The scheduler stops at 110 per node (440 placed, 70 pending): the demand is ceil(510 / 4) = 128.
    expect(plan.limits.find((l) => l.id === 'k8s-pods-per-node')).toMatchObject({ value: 110, use: 128, headroom: -18 });
    expect(plan.exceeded).toEqual(['k8s-pods-per-node']);
    expect(plan.axes.find((a) => a.axis === 'podsPerNode')).toMatchObject({ limit: 'k8s-pods-per-node' });
  });

  it('refuses a bad --cores', () => {
    const r = runCli(['plan', 'scenarios/giantnetes.yaml', '--cores', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cores must be a positive integer');
  });
});
