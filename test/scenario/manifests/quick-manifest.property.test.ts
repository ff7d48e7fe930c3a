// Manifest files read JSON first (lazy-manifest-doc.ts, quick-manifest.ts, the quick Pod read and API checks) against
// the old computation, every document's tree read at once and normalised the full way: on generated manifest sets
// (clean objects, and objects with every problem the quick paths hand back — bad names and labels, unknown fields,
// wrong types, placeholders, bad pod addresses, missing or null metadata, a `-n` that disagrees, Lists) the parts,
// the diagnostics in order, and the places of records and fields are the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { normaliseManifests, type ClusterParts } from '../../../src/scenario/manifests/normalise-manifests.js';
import { readBlockYaml } from '../../../src/scenario/read/direct/block-yaml-reader.js';
import { LazyManifestDoc } from '../../../src/scenario/read/lazy-manifest-doc.js';
import { Loader } from '../../../src/scenario/read/loader.js';
import type { Manifest } from '../../../src/scenario/types.js';
import { quickReadJson } from '../../../src/scenario/schema/validate-quick-json.js';
import { quickRead } from '../../../src/scenario/schema/validate-quick.js';
import { metadataSchema } from '../../../src/scenario/manifests/manifest-record.js';
import { podBody } from '../../../src/scenario/manifests/workload-manifests.js';
import { apiObjectClean } from '../../../src/scenario/checks/api-server-checks.js';
import { toJson } from '../../../src/scenario/read/positioned.js';
import { itInParts } from '../../setup/property-parts.js';

type Obj = Record<string, unknown>;

/** Mostly `clean`, now and then `bad`: most objects are clean, as in real sets, and most sets hold a problem. */
function mostly<T>(clean: readonly T[], bad: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...clean) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
}
const nameArb = mostly(['web-1', 'db', 'a.b'], ['Bad_Name', '9svc', 'x{i}', 'a'.repeat(70)]);
const labelsArb = fc.dictionary(
  mostly(['app', 'role', 'app.kubernetes.io/name', '123', 'tier'], ['bad key!']),
  mostly<unknown>(['web', 'db', null, ''], ['bad value!', 2, '{tenant}']),
  { maxKeys: 3 },
);
const metaArb: fc.Arbitrary<Obj> = fc.record(
  { name: nameArb, namespace: mostly(['ns-1', 'default'], ['Bad_NS']), labels: labelsArb, annotations: fc.dictionary(fc.constantFrom('a', 'b'), mostly<unknown>(['x'], [1])) },
  { requiredKeys: ['name'] },
);
/** `arb`'s objects, now and then with a field their schema does not know. */
function withUnknown(arb: fc.Arbitrary<Obj>, key: string): fc.Arbitrary<Obj> {
  return fc.tuple(arb, mostly([false], [true])).map(([o, extra]) => (extra ? { ...o, [key]: 1 } : o));
}
const portArb = withUnknown(
  fc.record({ name: fc.constantFrom('http', 'dns'), containerPort: mostly<unknown>([80, 8080], ['80', 70000]), protocol: mostly(['TCP', 'UDP'], ['XTP']) }, { requiredKeys: ['containerPort'] }),
  'prots',
);
const podArb: fc.Arbitrary<Obj> = fc.record(
  {
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Pod'),
    metadata: fc.oneof({ weight: 12, arbitrary: metaArb.chain((m) => fc.record({ ownerReferences: fc.constantFrom(undefined, [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }]) }).map((o) => (o.ownerReferences === undefined ? m : { ...m, ...o }))) }, { weight: 1, arbitrary: fc.constant(null) }),
    spec: withUnknown(fc.record(
      {
        nodeName: fc.constantFrom('node-1', 'node-2'),
        serviceAccountName: fc.constantFrom('sa', 'default'),
        containers: fc.array(fc.record({ name: fc.constant('main'), image: mostly(['app'], ['app-{i}']), ports: fc.array(portArb, { maxLength: 2 }) }, { requiredKeys: ['name'] }), { maxLength: 2 }),
        hostNetwork: mostly<unknown>([false], ['yes']),
      },
      { requiredKeys: [] },
    ), 'imagePullSecretz'),
    status: fc.record({ podIP: mostly(['10.1.0.4', '10.1.0.5'], ['abc', 'fd00::1']) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['apiVersion', 'kind'] },
);
const policyArb: fc.Arbitrary<Obj> = fc.oneof(
  metaArb.map((metadata) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] } })),
  metaArb.map((metadata) => ({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata, spec: { selector: "app == 'web'", ingress: [{ action: 'Allow', source: { selector: "x == '{tenant}'" } }] } })),
  metaArb.map((metadata) => ({ apiVersion: 'v1', kind: 'Namespace', metadata })),
  metaArb.map((metadata) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata })),
  metaArb.map((metadata) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { a: 'b' } })),
  metaArb.map((metadata) => ({ apiVersion: 'v1', kind: 'Service', metadata, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } })),
  metaArb.map((metadata) => ({ apiVersion: 'v1', kind: 'Node', metadata, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.9' }] } })),
  metaArb.map((metadata) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { replicas: 2, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'm', ports: [{ containerPort: 80 }] }] } } } })),
  metaArb.map((metadata) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { ...metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-1', uid: 'u' }] }, spec: { replicas: 1 } })),
  metaArb.map((metadata) => ({ apiVersion: 'v1', kind: 'Node', metadata, status: { allocatable: { pods: '50', cpu: '2' }, capacity: { pods: 'x' } } })),
  fc.constant({ apiVersion: 'v1', kind: 'Pod' }),
  fc.constant({ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p', namespace: 'ns-1' } }] }),
  fc.constant({ kind: 'Pod', metadata: { name: 'no-api-version' } }),
);
const setArb = fc.array(fc.oneof({ weight: 3, arbitrary: podArb }, { weight: 2, arbitrary: policyArb }), { minLength: 1, maxLength: 8 });

/** The parts as JSON (a Manifest's locator left out), the diagnostics in order, and places of records and fields. */
function outcome(parts: ClusterParts, loader: Loader): unknown {
  const records: object[] = [...parts.pods, ...parts.policies, ...parts.ignored, ...parts.namespaces, ...parts.nodes, ...parts.services];
  const places = records.map((r) => ['nodeName', 'podIP', 'labels.app', 'name', 'spec.selector', undefined].map((f) => loader.prov.at(r, f)));
  const locates = parts.policies.map((m: Manifest) => ['spec', 'metadata.labels.app', 'spec.ingress[0].action', 'nowhere.at.all'].map((f) => m.locate(f)));
  return { parts: JSON.parse(JSON.stringify(parts)) as unknown, diagnostics: loader.sink.items, places, locates };
}

function reference(text: string, file: string, namespace: string | undefined): unknown {
  const loader = new Loader({}, namespace === undefined ? {} : { namespace });
  const raw = (readBlockYaml(text, file) ?? []).map((node) => ({ node, path: '', scanned: true }));
  return outcome(normaliseManifests(raw, loader.manifestCtx, loader.ignored), loader);
}

/** The JSON-first read of `dir`, and how many of its documents were placed without reading their trees. */
function quick(dir: string, namespace: string | undefined): { out: unknown; quick: number } {
  const loader = new Loader({}, { jsonFirstChars: 0, ...(namespace === undefined ? {} : { namespace }) });
  const raw = loader.readManifests(dir);
  const parts = normaliseManifests(raw, loader.manifestCtx, loader.ignored);
  const treeless = raw.filter((r) => r instanceof LazyManifestDoc && (r as unknown as { tree?: unknown }).tree === undefined).length;
  const out = outcome(parts, loader);
  return { out, quick: treeless };
}

describe('manifest files read JSON first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calisim-quick-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seen = { quick: 0, problems: 0 };
  itInParts('normalise as their trees do: parts, diagnostics and places', 240, 4, () =>
    fc.property(setArb, fc.constantFrom(undefined, 'ns-1'), fc.boolean(), (objects, namespace, referenceFirst) => {
      const file = join(dir, 'set.yaml');
      const text = objects.map((o) => stringify(o)).join('---\n');
      writeFileSync(file, text);
      // The kinds' learnt fields are shared by the two reads: either may learn a shape first.
      const ref = referenceFirst ? reference(text, file, namespace) : undefined;
      const got = quick(dir, namespace);
      expect(got.out).toEqual(ref ?? reference(text, file, namespace));
      seen.quick += got.quick;
      seen.problems += (got.out as { diagnostics: unknown[] }).diagnostics.length;
    }),
  );
  it('placed many documents without their trees, and met many problems (the comparison is not vacuous)', () => {
    expect(seen.quick, JSON.stringify(seen)).toBeGreaterThan(100);
    expect(seen.problems).toBeGreaterThan(240);
  });

  it('reads Pod bodies and metadata quickly exactly where quickRead does (seeded, 400 objects)', () => {
    fc.assert(
      fc.property(podArb, (pod) => {
        const tree = readBlockYaml(stringify(pod), 'p.yaml')?.[0];
        if (tree === undefined) return;
        const json = toJson(tree);
        expect(quickReadJson(podBody, json)).toEqual(quickRead(podBody, tree));
        const meta = tree.kind === 'map' ? tree.entries.find((e) => e.key === 'metadata')?.value : undefined;
        if (meta !== undefined) expect(quickReadJson(metadataSchema, toJson(meta))).toEqual(quickRead(metadataSchema, meta));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves the API server checks to checkApiObject for a body whose walk found unknown fields or met an uncovered shape', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
    expect(apiObjectClean(pod, 'v1', 'Pod', [])).toBe(true);
    expect(apiObjectClean(pod, 'v1', 'Pod', undefined)).toBe(false);
    expect(apiObjectClean(pod, 'v1', 'Pod', [{ parent: 'spec', key: 'prots', known: ['ports'] }])).toBe(false);
    expect(apiObjectClean({ ...pod, metadata: { name: 'Bad_Name' } }, 'v1', 'Pod', [])).toBe(false);
    expect(apiObjectClean({ ...pod, spec: { containers: 'x' } }, 'v1', 'Pod', [])).toBe(false);
    expect(apiObjectClean(pod, 'v2', 'Pod', [])).toBe(false);
    expect(apiObjectClean(pod, 'projectcalico.org/v3', 'Anything', undefined)).toBe(true);
  });
});

describe('a file named on the command line', () => {
  it('from JSON_FIRST_CHARS on (here 0) is read JSON first, from disk or standard input, its documents’ trees those of the tree reader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calisim-input-'));
    try {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n---\n# a comment\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n';
      const file = join(dir, 'in.yaml');
      writeFileSync(file, text);
      const fromDisk = new Loader({}, { jsonFirstChars: 0 });
      const fromStdin = new Loader({}, { stdin: text, jsonFirstChars: 0 });
      const disk = fromDisk.inputDocs(file) ?? [];
      const stdin = fromStdin.inputDocs('-') ?? [];
      expect(disk.every((r) => r instanceof LazyManifestDoc)).toBe(true);
      expect(disk.map((r) => r.node)).toStrictEqual(readBlockYaml(text, file));
      expect(stdin.map((r) => r.node)).toStrictEqual(readBlockYaml(text, '<stdin>'));
      expect([fromDisk.files, fromStdin.files]).toEqual([[file], ['-']]);
      expect(new Loader().inputDocs(join(dir, 'missing.yaml'))).toBeUndefined();
      // A small file is read into trees at once, as before.
      expect(new Loader().inputDocs(file)?.some((r) => r instanceof LazyManifestDoc)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
