// bench: B1 — the pod × pod policy matrix for TCP/80 (ingress and egress) of a seeded cluster of 10k pods,
// 100 namespaces and 2k policies (Kubernetes NetworkPolicy, Calico NetworkPolicy and GlobalNetworkPolicy in
// three tiers with order, Deny, Pass and Log), against the reference evaluator on a sample of pairs.
// Also home of the seeded cluster generator B2-B4 share.
import { compilePolicies } from '../src/compile/policy/compiled-policies.js';
import type { PolicyInput, PodInput } from '../src/model/endpoints/types.js';
import { buildPolicyModel } from '../src/model/policy/build-policy-model.js';
import type { PolicyModel } from '../src/model/policy/types.js';
import { Prng } from '../src/lib/random/prng.js';
import type { ContainerPort, JsonObject, JsonValue, Manifest, NamespaceSpec } from '../src/scenario/types.js';
import { evaluateReference } from '../src/model/policy/eval/evaluate-reference.js';
import { medianMs, rssMb, type Benchmark, type BenchResult } from './harness.js';

/** Size of a generated cluster. */
export interface ClusterSize {
  readonly pods: number;
  readonly namespaces: number;
  readonly policies: number;
  /** Distinct destination port ranges the rules draw from (0: a handful of fixed ports). */
  readonly portRanges: number;
}

export const B1_SIZE: ClusterSize = { pods: 10_000, namespaces: 100, policies: 2_000, portRanges: 0 };

const SRC = { file: 'bench.yaml', line: 1, col: 1 };
const ROLES = ['web', 'api', 'db', 'cache', 'worker', 'batch', 'gateway', 'metrics'] as const;
const NAMED: Readonly<Record<string, ContainerPort[]>> = {
  web: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  api: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
  db: [{ name: 'pg', containerPort: 5432, protocol: 'TCP' }],
  cache: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }],
  gateway: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
  metrics: [{ name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
};
const EXTERNAL = ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24', '52.94.0.0/16', '35.190.0.0/17', '104.16.0.0/13', '8.8.8.0/24', '1.1.1.0/24'];

function manifest(body: JsonObject, line: number): Manifest {
  const meta = body['metadata'] as JsonObject;
  const src = { ...SRC, line };
  return {
    apiVersion: String(body['apiVersion']),
    kind: String(body['kind']),
    name: String(meta['name']),
    ...(typeof meta['namespace'] === 'string' ? { namespace: meta['namespace'] } : {}),
    labels: {},
    annotations: {},
    body,
    src,
    locate: () => src,
  };
}

function pick<T>(r: Prng, xs: readonly T[]): T {
  return xs[r.int(xs.length)] as T;
}

/** A seeded cluster: namespaces with team/env labels, deployments of pods, policies of every kind. */
export function generateCluster(seed: number, size: ClusterSize): PolicyInput {
  const r = new Prng(seed);
  const namespaces: NamespaceSpec[] = [];
  const pods: PodInput[] = [];
  for (let n = 0; n < size.namespaces; n++) {
    const name = `ns-${n}`;
    namespaces.push({ name, labels: { team: `team-${n % 10}`, env: ['prod', 'staging', 'dev'][n % 3] as string }, declared: true, src: SRC });
  }
  for (let i = 0; i < size.pods; i++) {
    const n = i % size.namespaces;
    const d = r.int(ROLES.length);
    const role = ROLES[d] as string;
    const labels: Record<string, string> = { app: `app-${d}`, role, version: r.next() < 0.15 ? 'v2' : 'v1' };
    labels['pod-template-hash'] = `h${n}-${d}-${labels['version']}`;
    if (r.next() < 0.03) labels['statefulset.kubernetes.io/pod-name'] = `${role}-${i}`;
    if (r.next() < 0.01) labels['quarantine'] = 'true';
    const ip = 0x0a010000 + i;
    pods.push({
      name: `${role}-${i}`,
      namespace: `ns-${n}`,
      labels,
      serviceAccount: d % 2 === 0 ? `sa-${role}` : 'default',
      ports: NAMED[role] ?? [],
      ip: `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`,
      hostNetwork: false,
      src: SRC,
    });
  }
  const tiers: JsonObject[] = [
    { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100, defaultAction: 'Pass' } },
    { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'platform' }, spec: { order: 200, defaultAction: 'Deny' } },
  ];
  const ranges = Array.from({ length: size.portRanges }, () => {
    const lo = 1 + r.int(60000);
    return `${lo}:${lo + r.int(2000)}`;
  });
  const bodies: JsonObject[] = [...tiers];
  for (let i = 0; i < size.policies; i++) bodies.push(randomPolicy(r, `${i}`, size, ranges));
  return { namespaces, pods, services: [], manifests: bodies.map((b, i) => manifest(b, i + 1)) };
}

/**
 * One random policy manifest as the generator makes them (60% NetworkPolicy `knp-<id>`, 25% Calico
 * NetworkPolicy `np-<id>`, 15% GlobalNetworkPolicy `gnp-<id>`); `kind` forces one of the three.
 */
export function randomPolicy(r: Prng, id: string, size: ClusterSize, ranges: readonly string[], kind?: 'knp' | 'np' | 'gnp'): JsonObject {
  const ns = `ns-${r.int(size.namespaces)}`;
  const x = kind === 'knp' ? 0 : kind === 'np' ? 0.7 : kind === 'gnp' ? 0.9 : r.next();
  return x < 0.6 ? k8sPolicy(r, `knp-${id}`, ns, ranges) : x < 0.85 ? calicoPolicy(r, `np-${id}`, ns, ranges) : globalPolicy(r, `gnp-${id}`, ranges);
}

/** A Manifest around a generated body. */
export function benchManifest(body: JsonObject, line: number): Manifest {
  return manifest(body, line);
}

function portOf(r: Prng, ranges: readonly string[]): JsonValue {
  if (ranges.length > 0 && r.next() < 0.7) return pick(r, ranges);
  return pick(r, [80, 443, 8080, 'http', 'metrics', 5432, '8000:8100']);
}

function k8sPolicy(r: Prng, name: string, ns: string, ranges: readonly string[]): JsonObject {
  const app = `app-${r.int(ROLES.length)}`;
  const kind = r.next();
  const k8sPort = (): JsonObject => {
    const p = portOf(r, ranges);
    if (typeof p === 'string' && p.includes(':')) {
      const [lo, hi] = p.split(':').map(Number) as [number, number];
      return { protocol: 'TCP', port: lo, endPort: hi };
    }
    return { protocol: 'TCP', port: p };
  };
  let spec: JsonObject;
  if (kind < 0.15) spec = { podSelector: {}, policyTypes: ['Ingress'] };
  else if (kind < 0.25) spec = { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ns-0' } } }], ports: [{ protocol: 'UDP', port: 53 }] }] };
  else {
    const peers: JsonObject[] = [];
    const nPeers = 1 + r.int(3);
    for (let p = 0; p < nPeers; p++) {
      const y = r.next();
      if (y < 0.45) peers.push({ podSelector: { matchLabels: { app: `app-${r.int(ROLES.length)}` } } });
      else if (y < 0.75) peers.push({ namespaceSelector: { matchLabels: { team: `team-${r.int(10)}` } }, ...(r.next() < 0.5 ? { podSelector: { matchLabels: { role: pick(r, ROLES) } } } : {}) });
      else peers.push({ ipBlock: { cidr: pick(r, EXTERNAL) } });
    }
    spec = { podSelector: { matchLabels: { app } }, policyTypes: ['Ingress'], ingress: [{ from: peers, ports: [k8sPort(), ...(r.next() < 0.3 ? [k8sPort()] : [])] }] };
    if (r.next() < 0.3) {
      spec['policyTypes'] = ['Ingress', 'Egress'];
      spec['egress'] = [{ to: [{ podSelector: { matchLabels: { role: pick(r, ROLES) } } }], ports: [k8sPort()] }, { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }];
    }
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

function calicoRule(r: Prng, ranges: readonly string[]): JsonObject {
  const action = pick(r, ['Allow', 'Allow', 'Allow', 'Deny', 'Deny', 'Pass', 'Log']);
  const source: JsonObject = {};
  const y = r.next();
  if (y < 0.4) source['selector'] = `role == '${pick(r, ROLES)}'`;
  else if (y < 0.6) source['namespaceSelector'] = `team == 'team-${r.int(10)}'`;
  else if (y < 0.75) source['nets'] = [pick(r, EXTERNAL)];
  else if (y < 0.85) source['notSelector'] = "quarantine == 'true'";
  const rule: JsonObject = { action, source };
  if (r.next() < 0.7) {
    rule['protocol'] = 'TCP';
    rule['destination'] = { ports: [portOf(r, ranges)] };
  }
  return rule;
}

function calicoPolicy(r: Prng, name: string, ns: string, ranges: readonly string[]): JsonObject {
  const tier = pick(r, ['security', 'platform', 'default', 'default']);
  const rules = Array.from({ length: 1 + r.int(4) }, () => calicoRule(r, ranges));
  if (tier === 'platform') rules.push({ action: 'Pass' });
  const egress = r.next() < 0.3 ? [calicoRule(r, ranges), { action: 'Pass' }] : [];
  return {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns },
    spec: {
      tier,
      ...(r.next() < 0.8 ? { order: pick(r, [10, 100, 500, 1000]) } : {}),
      selector: r.next() < 0.3 ? 'all()' : `app == 'app-${r.int(ROLES.length)}'`,
      ingress: rules,
      ...(egress.length > 0 ? { egress, types: ['Ingress', 'Egress'] } : {}),
    },
  };
}

function globalPolicy(r: Prng, name: string, ranges: readonly string[]): JsonObject {
  const tier = pick(r, ['security', 'security', 'platform']);
  const rules: JsonObject[] = [];
  if (r.next() < 0.5) rules.push({ action: 'Deny', source: { selector: "quarantine == 'true'" } });
  if (r.next() < 0.4) rules.push({ action: 'Deny', source: { nets: [pick(r, EXTERNAL)] } });
  rules.push(calicoRule(r, ranges));
  rules.push({ action: 'Pass' });
  const sel = r.next();
  return {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name },
    spec: {
      tier,
      order: pick(r, [1, 50, 100, 200]),
      ...(sel < 0.5 ? { namespaceSelector: `env == '${pick(r, ['prod', 'staging', 'dev'])}'` } : sel < 0.8 ? { selector: `role == '${pick(r, ROLES)}'` } : {}),
      ingress: rules,
      ...(r.next() < 0.3 ? { egress: [{ action: 'Deny', destination: { nets: [pick(r, EXTERNAL)] } }, { action: 'Pass' }], types: ['Ingress', 'Egress'] } : {}),
    },
  };
}

/** The B1 model (cached per process: several benchmarks share it). */
let b1Model: PolicyModel | undefined;
export function b1Model_(): PolicyModel {
  b1Model ??= buildPolicyModel(generateCluster(1, B1_SIZE)).model;
  return b1Model;
}

/** Mean time of the reference evaluator per pair, on `samples` seeded random pod pairs (ms). */
export function referenceMsPerPair(model: PolicyModel, samples: number, port = 80): number {
  const r = new Prng(7);
  const n = model.endpoints.length;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < samples; i++) evaluateReference(model, { src: { endpoint: r.int(n) }, dst: { endpoint: r.int(n) }, protocol: 6, dstPort: port });
  return Number(process.hrtime.bigint() - t0) / 1e6 / samples;
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B1',
    title: 'policy matrix, 10k pods x 2k policies, TCP/80',
    async run(): Promise<BenchResult[]> {
      const model = b1Model_();
      let mx = compilePolicies(model).matrix({ protocol: 6, dstPort: 80 });
      // Compile, both directions of every class row, and the class x class allow bits (E AND transpose(I)).
      const ms = medianMs(() => {
        mx = compilePolicies(model).matrix({ protocol: 6, dstPort: 80 });
        if (mx.allow.length === 0) throw new Error('empty matrix');
      }, 5, 2);
      // Read with the matrix still held (it is used after the reading).
      const rss = await rssMb();
      const classes = mx.classCount;
      const allowed = mx.countAllowedPodPairs();
      const n = model.endpoints.length;
      const refPair = referenceMsPerPair(model, 2000);
      const refTotal = refPair * n * n;
      const note = `${n} pods in ${classes} classes, ${model.policies.length} policies, ${allowed} allowed pod pairs; reference ${refPair.toFixed(3)} ms/pair on 2000 sampled pairs, extrapolated to ${(refTotal / 1000).toFixed(0)} s for all ${n * n} pairs`;
      return [
        { id: 'B1', metric: 'full matrix TCP/80', value: ms / 1000, unit: 's', ratio: refTotal / ms, ratioTo: 'reference evaluator (extrapolated)', floor: 0.5, goal: 0.15, note },
        { id: 'B1', metric: 'RSS after matrix', value: rss, unit: 'MB', floor: 300 },
      ];
    },
  },
];
