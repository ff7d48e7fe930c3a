// The fast YAML emitter against the `yaml` library's stringify, the reference, byte for byte: known answers for
// the strings YAML 1.2 would read as something else, generated JSON-like values full of nasty strings
// (fast-check, seeded), and the cases it leaves to `yaml` (anchors, multi-line and control-character strings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { emitYaml, fastYaml } from '../../src/lib/yaml-emit.js';

const reference = (v: unknown): string => stringify(v, { lineWidth: 0, sortMapEntries: false });

/** Strings whose plain form would be read back as null, a boolean, a number, a comment, a sequence item... */
const NASTY = [
  '', ' ', 'yes', 'no', 'on', 'off', 'y', 'n', 'true', 'True', 'TRUE', 'tRue', 'false', 'null', 'Null', 'NULL', 'nUll', '~', '0', '-0', '+1', '007', '0x1', '0xFf', '0xg',
  '0o17', '0o8', '1e3', '1E+3', '-1e-3', '.5', '1.', '1.5', '+.5e1', '1e', '1e21', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN', 'Infinity', ':', 'a:', 'a: b',
  'a:b', '- a', '-a', '-', '?', '? a', '?a', '#', 'a #b', 'a#b', '#a', '&a', '*a', '!a', '|', '>', "'", '"', "it's", 'say "hi"', `'"`, '%x', '@x', '`x', ',', '[', ']',
  '{', '}', 'a,b', 'a]', 'a}', 'a ', ' a', '\ta', 'a\t', 'a\tb', '---', '--- a', '...', '.. .', '<<', '=', '\\', 'a\\b', 'é', '日本', '😀', '\u2028', '\u00a0',
  'a'.repeat(200), `${'word '.repeat(40)}end`, 'registry.k8s.io/pause:3.9', '10.0.0.0/16', '192.168.1.1', 'all()', "app == 'web'", 'has(role) && role in {"a", "b"}',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '1', '9', '.', '-', '+', 'e', 'x', 'o', ':', '#', ' ', '\t', '"', "'", '?', ',', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '~', '/', '\\') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('array'), tie('object')),
  scalar: fc.oneof(
    nastyString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -0, 1e21, 1e-7, 123456789012345680000, Number.MAX_SAFE_INTEGER + 2, 0.1, -1.5e300, Infinity, -Infinity, NaN),
    fc.boolean(),
    fc.constant(null),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(nastyString, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
}));

describe('emitYaml', () => {
  it('writes every nasty string as `yaml` does, as a value, a key and a sequence item', () => {
    for (const s of NASTY) {
      const doc = { [s]: s, list: [s, [s], { [s]: [s] }] };
      expect(emitYaml(doc), JSON.stringify(s)).toBe(reference(doc));
    }
  });

  it('quotes what YAML 1.2 would read as another type and leaves YAML 1.1 words plain (known answers)', () => {
    expect(fastYaml({ a: 'yes', b: '0x1', c: '1e3', d: ':', e: '- a', f: '#', g: '"hi"', h: "'hi'", i: '', j: 1e21, k: -0, l: [], m: {} })).toBe(
      ['a: yes', 'b: "0x1"', 'c: "1e3"', 'd: ":"', 'e: "- a"', 'f: "#"', `g: '"hi"'`, `h: "'hi'"`, 'i: ""', 'j: 1e+21', 'k: -0', 'l: []', 'm: {}', ''].join('\n'),
    );
    expect(fastYaml([[1, [2]], { a: { b: [] } }, []])).toBe('- - 1\n  - - 2\n- a:\n    b: []\n- []\n');
  });

  it('matches `yaml` on generated JSON-like values (fast-check), most of them through the fast path', () => {
    let fast = 0;
    fc.assert(
      fc.property(jsonLike.value, (v) => {
        const want = reference(v);
        const got = fastYaml(v);
        if (got !== undefined) {
          fast++;
          expect(got).toBe(want);
        }
        expect(emitYaml(v)).toBe(want);
      }),
      { numRuns: 3000, seed: 20261207 },
    );
    // Scalars at the root, anchors, multi-line and control-character strings go to `yaml`; collections mostly not.
    expect(fast).toBeGreaterThan(800);
  });

  it('takes the fast path for plain one-line values and leaves anchors, multi-line and escaped strings to `yaml`', () => {
    const shared = { app: 'web' };
    const cases: [unknown, boolean][] = [
      [{ a: shared, b: { c: shared } }, false],
      [{ a: [], b: [] }, true],
      [{ a: 'one\ntwo' }, false],
      [{ a: 'bell\u0007' }, false],
      [{ ['k'.repeat(1100)]: 1 }, false],
      [{ '--- a': 1 }, false],
      [[undefined], false],
      [{ a: undefined, b: 1 }, true],
      [Object.assign(Object.create(null) as object, { spec: Object.assign(Object.create(null) as object, { ['__proto__']: 'x', order: 1 }) }), true],
      [{ when: new Date(0) }, false],
      ['scalar', false],
      [{ metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 'web' } }, spec: { ports: [{ port: 80, protocol: 'TCP' }] } }, true],
      // Documents of many collections (the emitter's list of those seen turns into a set): a collection met again
      // early, across the change and late is still an alias for `yaml` to write.
      [{ items: Array.from({ length: 80 }, (_, i) => ({ i })) }, true],
      [{ items: [shared, ...Array.from({ length: 80 }, (_, i) => ({ i })), shared] }, false],
      [{ items: [...Array.from({ length: 31 }, (_, i) => ({ i })), shared, {}, shared] }, false],
      [{ items: [...Array.from({ length: 60 }, (_, i) => ({ i })), shared, shared] }, false],
    ];
    for (const [v, fast] of cases) {
      expect(fastYaml(v) !== undefined, JSON.stringify(v)).toBe(fast);
      expect(emitYaml(v)).toBe(reference(v));
    }
  });
});
