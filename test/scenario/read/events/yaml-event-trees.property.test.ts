// The fast YAML reader (js-yaml's events) against the `yaml` library path, as a property: on generated texts,
// and on the same texts with characters inserted or deleted, the fast reader either declines (undefined) or gives
// exactly the reference's trees (values, kinds, positions, raw text) for an input the reference reads cleanly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../../src/lib/diagnostics.js';
import { DEFAULT_LIMITS } from '../../../../src/scenario/read/read-yaml.js';
import { readEventTrees } from '../../../../src/scenario/read/events/yaml-event-trees.js';
import { readWithYamlLibrary } from '../../../../src/scenario/read/yaml-library-trees.js';
import { itInParts } from '../../../setup/property-parts.js';
import { editedYamlTextArb, yamlTextArb } from '../yaml-text-arbitrary.js';

/** Runs the property over `text`; counts the texts the fast reader took. */
function agrees(text: string, taken: { n: number }): void {
  const fast = readEventTrees(text, 'in.yaml');
  if (fast === undefined) return;
  taken.n++;
  const sink = new DiagnosticSink();
  const reference = readWithYamlLibrary(text, 'in.yaml', sink, DEFAULT_LIMITS);
  expect(sink.items, text).toEqual([]);
  expect(fast, text).toStrictEqual(reference);
}

describe('the fast YAML reader gives the yaml library path’s trees', () => {
  const generated = { n: 0 };
  itInParts('generated documents', 1200, 3, () => fc.property(yamlTextArb, (text) => agrees(text, generated)));
  const edited = { n: 0 };
  itInParts('generated documents with edits', 1200, 3, () => fc.property(editedYamlTextArb, (text) => agrees(text, edited)));
  it('took most generated texts (the comparison is not vacuous)', () => {
    expect(generated.n).toBeGreaterThan(1200 * 0.5);
    expect(edited.n).toBeGreaterThan(1200 * 0.1);
  });
});
