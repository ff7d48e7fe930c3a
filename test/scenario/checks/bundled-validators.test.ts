// The validators bundled into dist/cli-bundle/k8s-validators.js (scripts/build-cli.mjs), which the compiled CLI
// loads instead of kubernetes-models' ~200 files per kind, judge every object as the package's own modules do:
// random objects of each bundled kind, built from the fields Kubernetes schemas name, give the same errors.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Validate = (this: unknown) => void;
type KindModule = Record<string, { prototype: { validate: Validate } }>;

const bundled = require(fileURLToPath(new URL('../../../dist/cli-bundle/k8s-validators.js', import.meta.url))) as Record<string, () => KindModule>;

function errorsOf(validate: Validate, value: unknown): unknown {
  try {
    validate.call(value);
    return [];
  } catch (e) {
    return (e as { errors?: unknown }).errors ?? String(e);
  }
}

const FIELDS = ['metadata', 'name', 'namespace', 'labels', 'spec', 'containers', 'image', 'ports', 'containerPort', 'protocol', 'port',
  'targetPort', 'selector', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values', 'replicas', 'template', 'podSelector',
  'ingress', 'egress', 'from', 'to', 'namespaceSelector', 'ipBlock', 'cidr', 'policyTypes', 'type', 'clusterIP', 'hostNetwork',
  'nodeName', 'rules', 'host', 'http', 'paths', 'path', 'backend', 'service', 'number', 'status', 'podCIDR', 'addresses', 'unknownField'];

const valueArb = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -2, max: 70000 }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('the bundled kubernetes-models validators', () => {
  for (const [id, load] of Object.entries(bundled)) {
    const [group, version, kind] = id.split('/') as [string, string, string];
    const own = require(`kubernetes-models/${group || 'v1'}${group ? `/${version}` : ''}/${kind}`) as KindModule;
    const mine = load();

    it(`${id}: the same errors as the package's module`, () => {
      expect(mine[kind]!.prototype.validate).not.toBe(own[kind]!.prototype.validate);
      const apiVersion = group ? `${group}/${version}` : version;
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...FIELDS), valueArb, { maxKeys: 5 }), (fields) => {
          const obj = { apiVersion, kind, metadata: { name: 'x' }, ...fields };
          expect(errorsOf(mine[kind]!.prototype.validate, obj)).toEqual(errorsOf(own[kind]!.prototype.validate, obj));
        }),
        { numRuns: 150, seed: 20261207 },
      );
    });
  }
});
