// locateIn's two answers, on the trees of each reader (the block reader, js-yaml's events, the `yaml` library) for
// random objects written as block YAML, flow YAML and JSON: a field's key position is where its key is written, and
// its value position where its value starts; a path ending at an index has no key (its item's position, both ways).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, type SourceRef } from '../../../src/lib/diagnostics.js';
import { readBlockYaml } from '../../../src/scenario/read/direct/block-yaml-reader.js';
import { joinPath, locateIn, type PValue } from '../../../src/scenario/read/positioned.js';
import { DEFAULT_LIMITS } from '../../../src/scenario/read/read-yaml.js';
import { readEventTrees } from '../../../src/scenario/read/events/yaml-event-trees.js';
import { readWithYamlLibrary } from '../../../src/scenario/read/yaml-library-trees.js';

type Json = number | string | Json[] | { [k: string]: Json };

const KEYS = ['a', 'ingres', 'from', 'k-1', 'app.kubernetes.io/name', 'x y', 'port'];
const { tree } = fc.letrec<{ tree: Json; map: { [k: string]: Json } }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.nat(99), fc.constantFrom('v', 'TCP', 'b c'), tie('map'), fc.array(tie('tree'), { minLength: 1, maxLength: 3 })),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('tree'), { minKeys: 1, maxKeys: 4 }),
}));
const root = fc.dictionary(fc.constantFrom(...KEYS), tree, { minKeys: 1, maxKeys: 4 });

/** Every path of `v` below `base`, with the key it ends at (undefined for an index). */
function paths(v: Json, base: string): { path: string; key?: string; value: Json }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [{ path: joinPath(base, i), value: x }, ...paths(x, joinPath(base, i))]);
  if (typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [{ path: joinPath(base, k), key: k, value: x }, ...paths(x, joinPath(base, k))]);
}

const textAt = (lines: readonly string[], s: SourceRef): string => (lines[s.line - 1] ?? '').slice(s.col - 1);

const READERS: [string, (text: string) => PValue[] | undefined][] = [
  ['block reader', (t) => readBlockYaml(t, 'in.yaml')],
  ['js-yaml events', (t) => readEventTrees(t, 'in.yaml')],
  ['yaml library', (t) => readWithYamlLibrary(t, 'in.yaml', new DiagnosticSink(), DEFAULT_LIMITS)],
];

const WRITERS: [string, (v: Json) => string][] = [
  ['block YAML', (v) => stringify(v)],
  ['flow YAML', (v) => stringify(v, { collectionStyle: 'flow' })],
  ['JSON', (v) => JSON.stringify(v, null, 2)],
];

describe('locateIn with part "key"', () => {
  for (const [writer, write] of WRITERS) {
    // The block reader declines flow collections and JSON (the other readers take those texts).
    for (const [reader, read] of READERS.filter(([r]) => r !== 'block reader' || writer === 'block YAML')) {
      it(`places a key where it is written and a value where it starts (${writer}, ${reader})`, () => {
        let read0 = 0;
        fc.assert(
          fc.property(root, (v) => {
            const text = write(v);
            const doc = read(text)?.[0];
            if (doc === undefined) return;
            read0++;
            const lines = text.split('\n');
            for (const p of paths(v, '')) {
              const key = locateIn(doc, p.path, 'key');
              const value = locateIn(doc, p.path);
              if (p.key === undefined) {
                expect(key).toEqual(value);
                continue;
              }
              expect(textAt(lines, key).replace(/^["']/, '').startsWith(p.key), `${p.path} key at ${key.line}:${key.col}`).toBe(true);
              if (typeof p.value !== 'object') expect(textAt(lines, value).replace(/^["']/, '').startsWith(String(p.value)), `${p.path} value`).toBe(true);
              else expect(value, p.path).not.toEqual(key);
            }
          }),
          { numRuns: 150 },
        );
        expect(read0).toBeGreaterThan(100);
      });
    }
  }
});
