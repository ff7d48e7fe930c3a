// The page's matrix with tenants from one template sharing one computation (policy-input-key.ts,
// shared-matrix.ts) against the matrix computed cluster by cluster (the reference: the same clusters' policies
// without their inputs, so nothing is shared and the isolation check reads each model's endpoints): equal
// cells, probes, explanations, isolation walls and traces, on generated platforms whose tenants are equal or
// differ in one label, one port, one service account, one policy or one CIDR rule (changed in the run's state,
// so the changed parts keep the template's source positions), under a template CIDR rule that holds the pods
// of some tenants and not others; and a tenant's packets judged in its twin's model (traces, once for all
// its twins) only between its own endpoints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMatrix, DEFAULT_MATRIX_LIMITS } from '../../../src/emit/viz/build-matrix.js';
import { traceTable } from '../../../src/emit/viz/trace-table.js';
import { runPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import type { Packet } from '../../../src/model/policy/eval/types.js';
import type { ModelPod } from '../../../src/model/types.js';
import type { JsonObject } from '../../../src/scenario/types.js';
import { checkIsolation } from '../../../src/verdict/check/isolation.js';
import type { ClusterPolicies } from '../../../src/verdict/reach/platform-probes.js';
import { clusterInputOf } from '../../../src/verdict/state/cluster-input.js';
import { evaluateIn, linkTwins, twinOf } from '../../../src/verdict/state/cluster-twins.js';
import { fastEvaluate } from '../../../src/verdict/state/fast-evaluate.js';
import { sameKey } from '../../../src/verdict/state/policy-input-key.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-shared-matrix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Change = 'same' | 'label' | 'port' | 'account' | 'policy' | 'cidr';

/** The template's policies: web may reach api's grpc port, frontend db's; nobody may send to `net` (a CIDR rule). */
const policies = (net: string): JsonObject[] => [
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'api-from-web', namespace: 'api' },
    spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'web' } } }], ports: [{ port: 'grpc' }] }] },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'db-from-frontend', namespace: 'api' },
    spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'web' } }, podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 5432 }] }] },
  },
  {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'deny-net' },
    spec: { order: 10, selector: 'all()', types: ['Egress'], egress: [{ action: 'Deny', destination: { nets: [net] } }, { action: 'Pass' }] },
  },
  {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name: 'orders-account', namespace: 'api' },
    spec: { order: 20, selector: "app == 'orders'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { serviceAccounts: { names: ['orders'] } } }] },
  },
];

/** A platform of `tenants` tenants from one template (tenant i's pods in 10.i.0.0/16). */
function scenario(net: string, tenants: number, wall: boolean): JsonObject {
  const template: JsonObject = {
    placement: 'onprem',
    underlay: { flannel: { vni: '{i+100}', network: '10.{i+100}.0.0/16' } },
    nodes: { count: 2, name: '{tenant}-vm-{i}' },
    calico: { ipPools: [{ name: 'pods', cidr: '10.{i}.0.0/16', vxlanMode: 'Always', natOutgoing: true }] },
    namespaces: [
      { name: 'web', labels: { team: 'web' } },
      { name: 'api', labels: { team: 'api' } },
    ],
    workloads: [
      { name: 'frontend', namespace: 'web', replicas: 2, labels: { app: 'frontend' }, ports: [{ name: 'http', containerPort: 8080 }] },
      { name: 'orders', namespace: 'api', replicas: 2, labels: { app: 'orders' }, serviceAccount: 'orders', ports: [{ name: 'grpc', containerPort: 9000 }] },
      { name: 'db', namespace: 'api', kind: 'StatefulSet', replicas: 1, labels: { app: 'db' }, serviceAccount: 'orders', ports: [{ name: 'postgres', containerPort: 5432 }] },
    ],
    services: [{ name: 'orders', namespace: 'api', selector: { app: 'orders' }, ports: [{ port: 9000 }] }],
    policies: policies(net),
  };
  // With the wall, tenants' VMs reach each other only on TCP 9000, or from t02's pods (B's inner wall then
  // judges); without it, on everything.
  const wallPolicy: JsonObject = {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'wall' },
    spec: { order: 100, namespaceSelector: 'has(calisim.io/tenant)', types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [9000] } }, { action: 'Allow', source: { nets: ['10.2.0.0/16'] } }, { action: 'Deny' }] },
  };
  return {
    name: 'shared',
    seed: 3,
    horizon: '1m',
    platform: {
      management: {
        name: 'mgmt',
        underlay: { physical: { cidr: '10.0.0.0/24', mtu: 1500 } },
        nodes: { count: 2, name: 'host-{i}', ip: '10.0.0.{i+10}' },
        calico: { asNumber: 64500, ipPools: [{ name: 'mgmt-pods', cidr: '10.200.0.0/16', vxlanMode: 'Always', natOutgoing: true }] },
        policies: wall ? [wallPolicy] : [],
      },
    },
    templates: { tenant: template },
    tenantSets: [{ template: 'tenant', count: tenants, name: 't{i:02}' }],
  };
}

/** Changes tenant `cluster` (the `i`-th) of the run as it stands: its pods' parts, or one of its policies. */
function change(run: PlatformRun, cluster: number, i: number, what: Change): void {
  // The changed parts are one object per workload, as the model's replicas share theirs.
  const patch = (workload: string, parts: Partial<ModelPod>): void => {
    for (const p of run.pods.pods) if (p.cluster === cluster && p.base.owner?.name === workload) (p as { base: ModelPod }).base = { ...p.base, ...parts };
  };
  const labels = { app: 'front' };
  const ports: ModelPod['ports'] = [{ name: 'grpc', containerPort: 9001, protocol: 'TCP' }];
  if (what === 'label') patch('frontend', { labels });
  if (what === 'port') patch('orders', { ports });
  if (what === 'account') patch('db', { serviceAccount: 'users' });
  if (what === 'policy' || what === 'cidr') {
    // The template's manifest with another body: same name, source and positions.
    const name = what === 'policy' ? 'api-from-web' : 'deny-net';
    const m = run.policies.of(cluster).find((x) => x.name === name)!;
    const body = structuredClone(m.body) as { spec: { ingress?: JsonObject[]; egress?: JsonObject[] } };
    if (what === 'policy') body.spec.ingress![0]!['ports'] = [{ port: 8080 }];
    else body.spec.egress![0]!['destination'] = { nets: [`10.${i}.0.0/24`] };
    run.policies.apply(cluster, [{ ...m, body: body as unknown as JsonObject }]);
  }
}

/** The clusters' policies as a caller without their inputs holds them: no twins, models read as they are. */
function unshared(clusters: readonly ClusterPolicies[]): ClusterPolicies[] {
  return clusters.map((c) => ({ name: c.name, pools: c.pools, get model() { return c.model; } }));
}

/** The matrix, the traces its probes asked for and the isolation check's results (addresses included). */
function pageFacts(run: PlatformRun, clusters: readonly ClusterPolicies[], probes: number): unknown {
  const table = traceTable(40);
  const matrix = buildMatrix(run, clusters, (f) => f, { ...DEFAULT_MATRIX_LIMITS, probes }, table.want);
  const tenants = run.model.clusters.filter((c) => c.kind === 'tenant').map((c) => c.name);
  const isolation = checkIsolation(run, clusters, tenants.flatMap((a) => tenants.filter((b) => b !== a).map((b) => [a, b] as const)));
  return { matrix, traces: table.trace(run, clusters, (f) => f), isolation };
}

/**
 * A cluster with a twin judges packets between its endpoints as its own model does, and a packet from or to
 * an address in its own model even when that address is a pod of its twin's.
 */
function expectTwinVerdicts(c: ClusterPolicies): void {
  const twin = twinOf(c);
  if (!twin) return;
  const own = c.model.endpoints.filter((e) => e.ip !== undefined).slice(0, 3);
  const theirs = twin.model.endpoints.filter((e) => e.ip !== undefined).slice(0, 2);
  const packets: Packet[] = [
    ...own.flatMap((a) => own.flatMap((b) => [6, 17].flatMap((protocol) => [9000, 5432, 8080].map((dstPort): Packet => ({ src: { endpoint: a.index }, dst: { endpoint: b.index }, protocol, dstPort }))))),
    ...theirs.map((t): Packet => ({ src: { ip: t.ip! }, dst: { endpoint: own[0]!.index }, protocol: 6, dstPort: 9000 })),
    ...theirs.map((t): Packet => ({ src: { endpoint: own[0]!.index }, dst: { ip: t.ip! }, protocol: 6, dstPort: 5432 })),
  ];
  for (const p of packets) expect(JSON.stringify(evaluateIn(c, p)), `${c.name} ${JSON.stringify(p)}`).toBe(JSON.stringify(fastEvaluate(c.model, p)));
}

describe('the matrix of tenants sharing one computation', () => {
  it('equals the matrix computed cluster by cluster', () => {
    let twins = 0;
    let distinct = 0;
    let run = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('10.1.0.0/16', '10.2.0.0/16', '10.0.0.0/8', '169.254.169.254/32', '10.3.0.0/17'),
        fc.array(fc.constantFrom<Change>('same', 'same', 'same', 'label', 'port', 'account', 'policy', 'cidr'), { minLength: 3, maxLength: 4 }),
        fc.boolean(),
        // The probe budget: every cell explained, or the budget running out (past the management cluster's
        // cells) inside a tenant whose matrix is kept, or at its end.
        fc.constantFrom(undefined, undefined, 3, 6),
        (net, changes, wall, extra) => {
          const file = join(dir, `s${run++}.yaml`);
          writeFileSync(file, JSON.stringify(scenario(net, changes.length, wall)));
          const platform = runPlatform(buildModel(loadScenario(file)), { until: 30_000 });
          platform.model.clusters.forEach((c) => c.kind === 'tenant' && change(platform, c.id, Number(c.name.slice(1)), changes[Number(c.name.slice(1)) - 1]!));
          const clusters = policyModelsOf(platform).clusters;
          linkTwins(clusters);
          const keys = clusters.map((c) => clusterInputOf(c)!.key());
          keys.forEach((k, i) => (keys.slice(0, i).some((e) => sameKey(e, k)) ? twins++ : distinct++));
          const first = buildMatrix(platform, unshared(clusters), (f) => f, DEFAULT_MATRIX_LIMITS, () => -1).clusters[0];
          const probes = extra === undefined ? DEFAULT_MATRIX_LIMITS.probes : Object.keys(first?.probes ?? {}).length + extra;
          expect(JSON.stringify(pageFacts(platform, clusters, probes))).toBe(JSON.stringify(pageFacts(platform, unshared(policyModelsOf(platform).clusters), probes)));
          for (const c of clusters) expectTwinVerdicts(c);
        },
      ),
      { numRuns: 12, seed: 140 },
    );
    // Both happen: tenants whose matrix is reused, and tenants that differ (a change, or the CIDR rule).
    expect(twins).toBeGreaterThan(3);
    expect(distinct).toBeGreaterThan(12);
  });
});
