// The unknown fields found from what a kind's validator was learnt to read (by shape, `[]` for indices), in the walk
// that builds a manifest's body, equal those found by the reference (the same object validated through the
// recording proxy, read by real path) and those of the separate shape walk the body walk replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Service } from 'kubernetes-models/v1/Service';
import { emptySchemaFields, learn, unknownFields, type SchemaFields, type UnknownField } from '../../../src/scenario/checks/schema-fields.js';
import { makeManifest, type ShapeCheck } from '../../../src/scenario/manifests/manifest-record.js';
import { Loader } from '../../../src/scenario/read/loader.js';
import { joinPath, toJson, type PMap, type PValue } from '../../../src/scenario/read/positioned.js';
import { recordAccess } from '../../../src/scenario/record-access.js';
import type { JsonValue } from '../../../src/scenario/types.js';

const src = { file: 'mem.yaml', line: 1, col: 1 };
function positioned(v: JsonValue): PValue {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(positioned), src };
  if (v !== null && typeof v === 'object') return { kind: 'map', entries: Object.entries(v).map(([key, x]) => ({ key, keySrc: src, value: positioned(x) })), src } as PValue;
  return { kind: 'scalar', value: v, src } as PValue;
}

/** The unknown fields makeManifest's body walk finds with `fields` (undefined: a shape no clean run covered). */
function learntUnknownFields(fields: SchemaFields, doc: PValue): UnknownField[] | undefined {
  const check: ShapeCheck = { fields };
  const m = makeManifest(doc as PMap, '', 'v1', 'Pod', new Loader().manifestCtx, check);
  expect(m).toBeDefined();
  return check.unknown;
}

/** The separate walk the body walk replaced (schema-fields.ts before it was fused), kept as a reference. */
function separateWalk(f: SchemaFields, doc: PValue): UnknownField[] | undefined {
  const out: UnknownField[] = [];
  const walk = (v: PValue, shape: string, path: string): boolean => {
    if (v.kind === 'seq') return v.items.every((x, i) => walk(x, `${shape}[]`, joinPath(path, i)));
    if (v.kind !== 'map') return true;
    if (!f.covered.has(shape)) return false;
    const read = f.knownSets.get(shape);
    if (read === undefined) return true;
    for (const e of v.entries) {
      if (!read.has(e.key)) out.push({ parent: path, key: e.key, known: f.known.get(shape) ?? [] });
      else if (!walk(e.value, joinPath(shape, e.key), joinPath(path, e.key))) return false;
    }
    return true;
  };
  return walk(doc, '', '') ? out : undefined;
}

type Validate = (this: unknown) => void;
const validates: Record<string, Validate> = { Pod: Pod.prototype.validate, Deployment: Deployment.prototype.validate, Service: Service.prototype.validate };

/** The reference: one proxied run of this object alone. Also whether the schema accepted it. */
function reference(validate: Validate, doc: PValue): { unknown: ReturnType<typeof unknownFields>; run: ReturnType<typeof recordAccess>; clean: boolean } {
  const run = recordAccess(toJson(doc));
  let clean = true;
  try {
    validate.call(run.value);
  } catch {
    clean = false;
  }
  return { unknown: unknownFields(doc, run), run, clean };
}

const key = fc.constantFrom('name', 'image', 'ports', 'containerPort', 'protocol', 'labels', 'app', 'nodeName', 'replics', 'spek', 'selector', 'x', 'status', 'env', 'value');
const scalar = fc.oneof(fc.constantFrom('a', 'TCP', 'web'), fc.integer({ min: 1, max: 9000 }));
const leafy: fc.Arbitrary<JsonValue> = fc.oneof(scalar, fc.dictionary(key, scalar, { maxKeys: 3 }));
const port = fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: ['containerPort'] });
const extra = fc.dictionary(key, leafy, { maxKeys: 2 });
const container = fc.tuple(fc.array(fc.tuple(port, extra).map(([p, x]) => ({ ...x, ...p })), { maxLength: 3 }), extra).map(([ports, x]) => ({ ...x, name: 'c', image: 'app', ports }));
const podSpec = fc.tuple(fc.array(container, { minLength: 1, maxLength: 3 }), extra).map(([containers, x]) => ({ ...x, containers }));
const meta = fc.tuple(fc.dictionary(fc.constantFrom('app', 'tier', 'a.b/c'), fc.constantFrom('web', 'db'), { maxKeys: 2 }), extra).map(([labels, x]) => ({ ...x, name: 'n', labels }));
const doc: fc.Arbitrary<{ kind: string; body: JsonValue }> = fc.oneof(
  fc.tuple(meta, podSpec, extra).map(([metadata, spec, x]) => ({ kind: 'Pod', body: { ...x, apiVersion: 'v1', kind: 'Pod', metadata, spec } })),
  fc.tuple(meta, podSpec, extra).map(([metadata, spec, x]) => ({ kind: 'Deployment', body: { ...x, apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec } } } })),
  fc.tuple(meta, fc.array(fc.record({ port: fc.integer({ min: 1, max: 65535 }), targetPort: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant('http')) }), { maxLength: 3 }), extra).map(([metadata, ports, x]) => ({ kind: 'Service', body: { apiVersion: 'v1', kind: 'Service', metadata, spec: { ...x, ports } } })),
);

describe('unknown fields from learnt schema shapes', () => {
  it('equal the recorded reference for every object whose shape is covered (seeded, 300 sequences of objects)', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), (docs) => {
        const learnt = new Map<string, SchemaFields>();
        for (const d of docs) {
          const validate = validates[d.kind] as Validate;
          const fields = learnt.get(d.kind) ?? emptySchemaFields();
          learnt.set(d.kind, fields);
          const p = positioned(d.body);
          const ref = reference(validate, p);
          const fromLearnt = learntUnknownFields(fields, p);
          expect(fromLearnt).toEqual(separateWalk(fields, p));
          if (fromLearnt !== undefined && ref.clean) {
            compared++;
            expect(fromLearnt).toEqual(ref.unknown);
          }
          if (ref.clean) learn(fields, p, ref.run);
        }
      }),
      { seed: 1414, numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('names an unknown field deep in an array item by its real path, with the keys the schema declares there', () => {
    const fields = emptySchemaFields();
    const first = positioned({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] } });
    learn(fields, first, reference(Pod.prototype.validate, first).run);
    const second = positioned({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { containers: [{ name: 'c', image: 'i' }, { name: 'd', image: 'i', ports: [{ containerPort: 80 }, { containerPort: 81, hostPot: 1 }] }] } });
    const found = learntUnknownFields(fields, second) ?? [];
    expect(found.map((u) => joinPath(u.parent, u.key))).toEqual(['spec.containers[1].ports[1].hostPot']);
    expect(found[0]?.known).toContain('hostPort');
  });

  it('declines an object with a shape no clean run covered', () => {
    const fields = emptySchemaFields();
    const first = positioned({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'i' }] } });
    learn(fields, first, reference(Pod.prototype.validate, first).run);
    expect(learntUnknownFields(fields, positioned({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] } }))).toBeUndefined();
  });
});
