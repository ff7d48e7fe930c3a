// The fast YAML reader (js-yaml's events) against the `yaml` library path: known answers where the two core
// schemas could disagree, each input the fast reader must leave to the `yaml` path (with the diagnostics that
// path gives, unchanged), and every YAML file of scenarios/, test/ and the netpol-analyzer corpus read alike.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../../src/lib/diagnostics.js';
import type { PValue } from '../../../../src/scenario/read/positioned.js';
import { DEFAULT_LIMITS, parseYamlText } from '../../../../src/scenario/read/read-yaml.js';
import { readEventTrees } from '../../../../src/scenario/read/events/yaml-event-trees.js';
import { readWithYamlLibrary } from '../../../../src/scenario/read/yaml-library-trees.js';
import { CORPUS } from '../../../conformance/conformance-suite.js';

interface Read {
  readonly docs: PValue[] | undefined;
  readonly diagnostics: DiagnosticSink['items'];
}

function reference(text: string): Read {
  const sink = new DiagnosticSink();
  return { docs: readWithYamlLibrary(text, 'in.yaml', sink, DEFAULT_LIMITS), diagnostics: sink.items };
}

function full(text: string): Read {
  const sink = new DiagnosticSink();
  return { docs: parseYamlText(text, 'in.yaml', sink, DEFAULT_LIMITS), diagnostics: sink.items };
}

/** The fast reader takes `text` and gives the reference's trees; returns the first document's first value. */
function taken(text: string): PValue | undefined {
  const fast = readEventTrees(text, 'in.yaml');
  const ref = reference(text);
  expect(ref.diagnostics).toEqual([]);
  expect(fast).toBeDefined();
  expect(fast).toStrictEqual(ref.docs);
  const root = fast?.[0];
  return root?.kind === 'map' ? root.entries[0]?.value : root;
}

describe('plain scalars read as the yaml library reads them (YAML 1.2 core schema)', () => {
  const cases: [string, string | number | boolean | null][] = [
    ['yes', 'yes'], ['No', 'No'], ['on', 'on'], ['True', true], ['FALSE', false], ['~', null], ['Null', null],
    ['0o17', 15], ['017', 17], ['0x1F', 31], ['-0x1F', '-0x1F'], ['0b101', '0b101'], ['1_000', '1_000'], ['1:20', '1:20'],
    ['1e3', 1000], ['+1E-2', 0.01], ['.5', 0.5], ['5.', 5], ['1.10', 1.1], ['-0', -0], ['.inf', Infinity], ['-.Inf', -Infinity],
    ['.NaN', NaN], ['Infinity', 'Infinity'], ['12345678901234567890', 12345678901234567000], ['9007199254740993', 9007199254740992],
    ['10.0.0.0/16', '10.0.0.0/16'], ['é 😀', 'é 😀'],
  ];
  it.each(cases)('%s', (text, value) => {
    const v = taken(`k: ${text}\n`);
    expect(v?.kind === 'scalar' ? v.value : undefined).toStrictEqual(value);
    expect(v?.kind === 'scalar' ? v.raw : undefined).toBe(text);
  });

  it('keys are the text of their value (1.0 → "1"), quoted scalars keep no raw text', () => {
    const root = taken('1.0: a\n0x10: b\n~: c\n"q": \'r\'\n');
    expect(root?.kind === 'scalar' && root.raw === 'a').toBe(true);
    const fast = readEventTrees('1.0: a\n0x10: b\n~: c\n"q": \'r\'\n', 'in.yaml')?.[0];
    expect(fast?.kind === 'map' ? fast.entries.map((e) => e.key) : []).toEqual(['1', '16', '', 'q']);
    expect(fast?.kind === 'map' ? fast.entries[3]?.value : undefined).toStrictEqual({ kind: 'scalar', value: 'r', src: { file: 'in.yaml', line: 4, col: 6 } });
  });

  it('places quoted and block scalars at their quote or indicator, and empty values past the colon', () => {
    taken('a: "x\\ty"\nb: |-\n  one\n  two\nc: >\n  folded\n  text\nd:\ne:   # note\nf: {g: , h}\n');
    taken('s:\n- |+\n  kept\n\n- >-\n  x\nt: [ a , "b" ,]\n');
    taken('---\r\na: "1"\r\nb: |\r\n  crlf\r\n...\r\n');
    taken('a:\n  [\n  1, {b: 2},\n  ]\nc: {\n  d: "e"\n  }\n');
  });

  it('turns a bare placeholder in flow syntax back into its text, as the yaml path does', () => {
    const v = taken('ports: [{i+1}, {tenant}]\n');
    expect(v?.kind === 'seq' ? v.items.map((x) => (x.kind === 'scalar' ? x.value : x.kind)) : []).toEqual(['{i+1}', '{tenant}']);
  });
});

describe('inputs left to the yaml library path, with its diagnostics unchanged', () => {
  const cases: [string, string][] = [
    ['a syntax error', 'a: [1, 2\nb: c\n'],
    ['a tag', 'a: !!str 5\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'base: &b {x: 1}\nuse:\n  <<: *b\n'],
    ['a plain `<<` key', '<<: 1\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['keys equal as values (1 and 1.0)', '1: a\n1.0: b\n'],
    ['a `__proto__` key', '__proto__: {x: 1}\n'],
    ['a tab', 'a:\n\t- 1\n'],
    ['a number too large for a double', 'a: 1e400\nb: 1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['an unknown directive', '%a\n---\nb: 1\n'],
    ['an empty sequence item', '- \n- a\n'],
    ['an empty key', ': a\n'],
    ['a comment on a block scalar header', 'a: | # c |\n  x\n'],
    ['an indentation indicator', '>1-\n  line\n'],
    ['an indented first line', ' ---\n|\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['nesting past 400 levels', `${'['.repeat(450)}${']'.repeat(450)}\n`],
  ];
  it.each(cases)('%s', (_, text) => {
    expect(readEventTrees(text, 'in.yaml')).toBeUndefined();
    expect(full(text)).toStrictEqual(reference(text));
  });
});

/** Every .yaml / .yml file under `dir`, sorted. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
    });
}

/** Reads each file both ways; returns how many the fast reader took. */
function compareFiles(files: readonly string[]): number {
  let n = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const fast = readEventTrees(text, f);
    if (fast === undefined) continue;
    n++;
    const sink = new DiagnosticSink();
    const ref = readWithYamlLibrary(text, f, sink, DEFAULT_LIMITS);
    expect(sink.items, f).toEqual([]);
    expect(fast, f).toStrictEqual(ref);
  }
  return n;
}

describe('every YAML file of the repository and the corpus reads alike', () => {
  it('scenarios/ and test/: all taken by the fast reader', () => {
    const files = [...yamlFiles('scenarios'), ...yamlFiles('test')];
    expect(compareFiles(files)).toBe(files.length);
  });

  const root = `${CORPUS}/tests`;
  const enabled = existsSync(root) || process.env['CI'] !== undefined;
  if (!enabled) console.warn(`yaml-event-trees: ${root} is absent and CI is unset; skipping the corpus comparison`);
  const PARTS = 6;
  for (let part = 0; part < PARTS; part++) {
    it.skipIf(!enabled)(`the netpol-analyzer corpus (part ${part + 1}/${PARTS}): most taken`, () => {
      const files = yamlFiles(root).filter((_, i) => i % PARTS === part);
      expect(compareFiles(files)).toBeGreaterThan(files.length * 0.8);
    });
  }
});
