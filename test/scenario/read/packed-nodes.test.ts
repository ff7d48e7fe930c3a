// Trees whose positions are packed into their nodes (the direct block reader's) through the readers that rebuild
// nodes: each rebuilt node keeps its place (an object spread would drop the `src`/`keySrc` getters), and a packed
// node's place equals field for field the one the yaml library path gives.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/lib/diagnostics.js';
import { applyAssignments } from '../../../src/plan/sweep/apply-assignments.js';
import { mergeMaps } from '../../../src/scenario/expand-tenants.js';
import { readBlockYaml } from '../../../src/scenario/read/block-yaml-reader.js';
import { PackedMap } from '../../../src/scenario/read/packed-nodes.js';
import { entryOf, fieldOf, withValue, type PMap, type PScalar, type PSeq } from '../../../src/scenario/read/positioned.js';
import { DEFAULT_LIMITS } from '../../../src/scenario/read/read-yaml.js';
import { readWithYamlLibrary } from '../../../src/scenario/read/yaml-library-trees.js';
import { publicTrees } from './public-tree.js';

const text = 'a:\n  b: 1\n  c: [1]\nlist:\n  - x\n  - "y"\n';
const read = (): PMap => readBlockYaml(text, 'in.yaml')?.[0] as PMap;

describe('packed trees', () => {
  it('are what the direct reader builds, placed as the yaml library places them', () => {
    expect(read()).toBeInstanceOf(PackedMap);
    const ref = readWithYamlLibrary(text, 'in.yaml', new DiagnosticSink(), DEFAULT_LIMITS);
    expect(publicTrees([read()])).toStrictEqual(publicTrees(ref));
    expect(entryOf(read(), 'list')?.keySrc).toEqual({ file: 'in.yaml', line: 4, col: 1 });
  });

  it('keep their places through a template merge', () => {
    const over = readBlockYaml('a:\n  b: 2\n', 'over.yaml')?.[0] as PMap;
    const merged = mergeMaps(read(), over);
    expect(entryOf(merged, 'a')?.keySrc).toEqual({ file: 'over.yaml', line: 1, col: 1 });
    expect(entryOf(fieldOf(merged, 'a') as PMap, 'b')?.keySrc).toEqual({ file: 'over.yaml', line: 2, col: 3 });
  });

  it('keep their places through a sweep assignment into a list', () => {
    const value: PScalar = { kind: 'scalar', value: 'z', src: { file: 'sweep.yaml', line: 9, col: 9 } };
    const doc = applyAssignments(read(), [{ path: 'list[1]', value, src: value.src }], new DiagnosticSink()) as PMap;
    expect(fieldOf(doc, 'list')?.src).toEqual({ file: 'in.yaml', line: 5, col: 3 });
  });

  it('keep their place, raw text and kind when a scalar takes another value', () => {
    const x = (fieldOf(read(), 'list') as PSeq).items[0] as PScalar;
    expect(withValue(x, 'w')).toStrictEqual({ kind: 'scalar', value: 'w', src: { file: 'in.yaml', line: 5, col: 5 }, raw: 'x' });
  });
});
