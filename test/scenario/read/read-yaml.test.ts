// YAML reading: positions, multi-document files, merge keys, and refusal of alias bombs and absurd input.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/lib/diagnostics.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { locatorOf, toJson } from '../../../src/scenario/read/positioned.js';
import { DEFAULT_LIMITS, parseYamlText } from '../../../src/scenario/read/read-yaml.js';
import { diagnosticsOf, scenarioFile } from '../helpers.js';

const parse = (text: string, limits = DEFAULT_LIMITS): { docs: ReturnType<typeof parseYamlText>; sink: DiagnosticSink } => {
  const sink = new DiagnosticSink();
  return { docs: parseYamlText(text, 'in.yaml', sink, limits), sink };
};

/** The classic "billion laughs": 9 references per level, `levels` levels deep. */
function aliasBomb(levels: number): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (let i = 0; i < levels; i++) {
    const name = `l${i}`;
    text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    prev = name;
  }
  return text;
}

describe('parseYamlText', () => {
  it('keeps 1-based line and column of every value and key', () => {
    const { docs } = parse('a:\n  b: [1, two]\n  "c d": x\n');
    const root = docs?.[0];
    expect(root).toBeDefined();
    if (root === undefined) return;
    const at = locatorOf(root);
    expect(at('a.b[1]')).toEqual({ file: 'in.yaml', line: 2, col: 10 });
    expect(at('a["c d"]')).toEqual({ file: 'in.yaml', line: 3, col: 10 });
    expect(at('a.missing.deeper')).toEqual({ file: 'in.yaml', line: 2, col: 3 });
    expect(toJson(root)).toEqual({ a: { b: [1, 'two'], 'c d': 'x' } });
  });

  it('reports a merge key onto a scalar in a file with aliases at its place (it threw, an internal error, before)', () => {
    const { docs, sink } = parse('b: &x 1\nc: *x\n<<: 1\n');
    expect(docs).toBeUndefined();
    expect(sink.items.map((d) => [d.message, d.line, d.col])).toEqual([['a merge key (<<) must refer to a map', 3, 5]]);
  });

  it('reads multi-document streams, skipping empty documents', () => {
    const { docs } = parse('a: 1\n---\n---\n# only a comment\n---\nb: 2\n');
    expect(docs?.map(toJson)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('expands anchors, aliases and merge keys (explicit keys win)', () => {
    const { docs } = parse('base: &b { x: 1, y: 2 }\nuse: { <<: *b, y: 3 }\nlist: [*b]\n');
    expect(toJson(docs?.[0] ?? { kind: 'scalar', value: null, src: { file: '', line: 0, col: 0 } })).toEqual({
      base: { x: 1, y: 2 },
      use: { y: 3, x: 1 },
      list: [{ x: 1, y: 2 }],
    });
  });

  it('reports duplicate keys with their line', () => {
    const { docs, sink } = parse('a: 1\nb: 2\na: 3\n');
    expect(docs).toBeUndefined();
    expect(sink.items[0]).toMatchObject({ severity: 'error', line: 3, col: 1 });
    expect(sink.items[0]?.message).toMatch(/unique/);
  });

  it('refuses an alias bomb quickly', () => {
    const t0 = performance.now();
    const { docs, sink } = parse(aliasBomb(9));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(docs).toBeUndefined();
    expect(sink.items[0]?.message).toMatch(/alias/);
  });

  it('bounds the size aliases expand to, even under the alias-count guard', () => {
    const { docs, sink } = parse(aliasBomb(2), { ...DEFAULT_LIMITS, maxAliasNodes: 50 });
    expect(docs).toBeUndefined();
    expect(sink.items[0]?.message).toBe('YAML aliases expand to too many values');
  });

  it('refuses too many documents and too much text', () => {
    const many = parse('a: 1\n---\n'.repeat(20), { ...DEFAULT_LIMITS, maxDocuments: 10 });
    expect(many.sink.items[0]?.message).toBe('more than 10 YAML documents in one file');
    const big = parse('a: 1\n'.repeat(100), { ...DEFAULT_LIMITS, maxFileBytes: 64 });
    expect(big.sink.items[0]?.message).toMatch(/limit is 64/);
  });

  it('refuses too deep nesting without overflowing the stack', () => {
    const { docs, sink } = parse(`${'['.repeat(600)}${']'.repeat(600)}\n`);
    expect(docs).toBeUndefined();
    expect(sink.items[0]?.message).toMatch(/nested deeper/);
  });

  it('reads tab-indented lines inside flow collections as spaces, with a warning', () => {
    const { docs, sink } = parse('args:\n  [\n\t  "a",\n    "b",\n  ]\n');
    expect(docs?.map(toJson)).toEqual([{ args: ['a', 'b'] }]);
    expect(sink.items).toEqual([expect.objectContaining({ severity: 'warning', message: 'tabs used as indentation were read as spaces' })]);
  });
});

describe('limits through loadScenario', () => {
  it('refuses a file over 32 MiB before parsing it', () => {
    const file = scenarioFile('');
    writeFileSync(file, `name: big\ndescription: "${'x'.repeat(33 * 1024 * 1024)}"\n`);
    const t0 = performance.now();
    const [d] = diagnosticsOf(file);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d?.message).toMatch(/^file is \d+ bytes; the limit is 33554432 bytes \(raise it with --max-file-bytes N\)$/);
  });

  it('accepts smaller limits as options', () => {
    const file = scenarioFile('name: small\n');
    expect(() => loadScenario(file, { limits: { maxFileBytes: 4 } })).toThrow(/limit is 4 bytes/);
  });

  it('refuses an alias bomb in a scenario file', () => {
    expect(diagnosticsOf(scenarioFile(`name: bomb\ndescription: x\n${aliasBomb(9).replace(/^a:/, 'x-a:')}`))[0]?.message).toMatch(/alias/);
  });
});

describe('syntax-error hint on a long line', () => {
  it('answers in linear time (the placeholder hint looks only near the error)', () => {
    const t0 = performance.now();
    const { sink } = parse(`a: b: ${'x'.repeat(30_000)}\n`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(sink.items[0]?.message).toBe('YAML syntax error: Nested mappings are not allowed in compact mappings');
  });
});
