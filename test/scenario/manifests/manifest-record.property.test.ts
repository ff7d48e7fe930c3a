// A manifest's body and its placeholder problems come from one walk: the body is toJson's value and the problems
// are those of the reference walk below (every scalar, in document order, its field path built eagerly).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeManifest } from '../../../src/scenario/manifests/manifest-record.js';
import { unresolvedMessage, unresolvedPlaceholder } from '../../../src/scenario/read/placeholders.js';
import { Loader } from '../../../src/scenario/read/loader.js';
import { joinPath, toJson, type PMap, type PValue } from '../../../src/scenario/read/positioned.js';

const src = { file: 'mem.yaml', line: 1, col: 1 };
const at = (i: number): typeof src => ({ ...src, line: 1 + i, col: 1 + (i % 7) });

/** The reference: what makeManifest reported before the walk was fused with toJson. */
function referenceProblems(v: PValue, path: string, out: string[]): void {
  if (v.kind === 'scalar') {
    const left = typeof v.value === 'string' ? unresolvedPlaceholder(v.value) : undefined;
    if (left !== undefined) out.push(`${v.src.line}:${v.src.col} ${path}: ${unresolvedMessage(left)}`);
  } else if (v.kind === 'seq') {
    v.items.forEach((x, i) => referenceProblems(x, `${path}[${i}]`, out));
  } else {
    for (const e of v.entries) referenceProblems(e.value, joinPath(path, e.key), out);
  }
}

const key = fc.constantFrom('spec', 'ports', 'name', 'a.b/c', 'x y', 'constructor', '__proto__', 'toString', '0', '10', 'image');
const scalar: fc.Arbitrary<PValue> = fc
  .tuple(fc.constantFrom<string | number | boolean | null>('web', '{i}', 'p-{i:05}', '{tenant}', 'x{', '{}', 3, null, true), fc.nat(40))
  .map(([value, line]) => ({ kind: 'scalar', value, src: at(line) }) as PValue);
const tree: fc.Arbitrary<PValue> = fc.letrec<{ v: PValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.tuple(fc.array(tie('v'), { maxLength: 3 }), fc.nat(40)).map(([items, line]) => ({ kind: 'seq', items, src: at(line) }) as PValue),
    fc
      .tuple(fc.array(fc.tuple(key, tie('v'), fc.nat(40)), { maxLength: 4 }), fc.nat(40))
      .map(([entries, line]) => ({ kind: 'map', entries: entries.map(([k, value, l]) => ({ key: k, keySrc: at(l), value })), src: at(line) }) as PValue),
  ),
})).v;

/** Values with their maps' prototypes (null: a key such as `constructor` is only the input's) and key order. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v === null || typeof v !== 'object') return v;
  return { proto: Object.getPrototypeOf(v) === null ? 'null' : 'object', entries: Object.entries(v).map(([k, x]) => [k, shape(x)]) };
}

const metadata: PValue = { kind: 'map', entries: [{ key: 'name', keySrc: src, value: { kind: 'scalar', value: 'web', src } }], src };

describe('makeManifest: body and placeholder problems', () => {
  it('the body is toJson of the object and the problems are the reference walk\'s, in order (seeded, 1500 objects)', () => {
    let problems = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, tree), { maxLength: 4 }), fc.constantFrom('', 'items[2]'), (fields, path) => {
        const doc: PMap = { kind: 'map', entries: [{ key: 'metadata', keySrc: src, value: metadata }, ...fields.map(([k, value]) => ({ key: k, keySrc: src, value }))], src };
        const loader = new Loader();
        const m = makeManifest(doc, path, 'v1', 'ConfigMap', loader.manifestCtx);
        const expected: string[] = [];
        referenceProblems(doc, path, expected);
        problems += expected.length;
        expect(loader.sink.items.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`)).toEqual(expected);
        expect(JSON.stringify(m?.body)).toBe(JSON.stringify(toJson(doc)));
        expect(shape(m?.body)).toEqual(shape(toJson(doc)));
      }),
      { seed: 1616, numRuns: 1500 },
    );
    expect(problems).toBeGreaterThan(300);
  });
});
