// The fast reader's duplicate-key test (a scan of a map's entries, a Set of its keys once it has 16): a repeated
// key anywhere in a large map leaves the text to the `yaml` path, which reports it; keys that only print alike
// (`1` and "1") are left to that path too, which keeps both.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../../src/lib/diagnostics.js';
import { toJson } from '../../../../src/scenario/read/positioned.js';
import { DEFAULT_LIMITS, parseYamlText } from '../../../../src/scenario/read/read-yaml.js';
import { readEventTrees } from '../../../../src/scenario/read/events/yaml-event-trees.js';
import { readWithYamlLibrary } from '../../../../src/scenario/read/yaml-library-trees.js';

const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `k${i}: ${i}`);

describe('duplicate keys in the fast reader', () => {
  it('reads a map of 40 distinct keys as the yaml library does', () => {
    const text = `${keys(40).join('\n')}\n`;
    const sink = new DiagnosticSink();
    expect(readEventTrees(text, 'in.yaml')).toStrictEqual(readWithYamlLibrary(text, 'in.yaml', sink, DEFAULT_LIMITS));
    expect(sink.items).toEqual([]);
  });

  for (const [first, again] of [[3, 20], [18, 25], [30, 39]] as const) {
    it(`leaves key k${first} repeated at entry ${again + 1} of a large map to the yaml path`, () => {
      const lines = keys(40);
      lines[again] = `k${first}: again`;
      const text = `${lines.join('\n')}\n`;
      expect(readEventTrees(text, 'in.yaml')).toBeUndefined();
      const sink = new DiagnosticSink();
      expect(parseYamlText(text, 'in.yaml', sink, DEFAULT_LIMITS)).toBeUndefined();
      expect(sink.items.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([`${again + 1}:1 YAML syntax error: Map keys must be unique`]);
    });
  }

  it('leaves keys that print alike to the yaml path, which keeps both', () => {
    const text = 'a:\n  1: one\n  "1": two\n';
    expect(readEventTrees(text, 'in.yaml')).toBeUndefined();
    const docs = parseYamlText(text, 'in.yaml', new DiagnosticSink(), DEFAULT_LIMITS);
    expect(docs?.[0]?.kind === 'map' && docs[0].entries[0]?.value.kind === 'map' ? docs[0].entries[0].value.entries.map((e) => e.key) : []).toEqual(['1', '1']);
    expect(docs?.map(toJson)).toEqual([{ a: { 1: 'two' } }]);
  });
});
