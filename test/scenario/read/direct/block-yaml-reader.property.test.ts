// The direct block-YAML reader against the `yaml` library path, as a property: on generated texts, and on the same
// texts with characters inserted or deleted, it either declines (undefined) or gives exactly the reference's trees
// (values, kinds, positions, raw text) for an input the reference reads without a diagnostic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../../src/lib/diagnostics.js';
import { readBlockYaml } from '../../../../src/scenario/read/direct/block-yaml-reader.js';
import { DEFAULT_LIMITS } from '../../../../src/scenario/read/read-yaml.js';
import { readWithYamlLibrary } from '../../../../src/scenario/read/yaml-library-trees.js';
import { itInParts } from '../../../setup/property-parts.js';
import { blockScalarDocArb, blockYamlArb, yamlPrintedArb } from './block-yaml-arbitrary.js';
import { editedYamlTextArb, yamlTextArb } from '../yaml-text-arbitrary.js';

/** Runs the property over `text`; counts the texts the direct reader took. */
function agrees(text: string, taken: { n: number }): void {
  const direct = readBlockYaml(text, 'in.yaml');
  if (direct === undefined) return;
  taken.n++;
  const sink = new DiagnosticSink();
  const reference = readWithYamlLibrary(text, 'in.yaml', sink, DEFAULT_LIMITS);
  expect(sink.items, text).toEqual([]);
  expect(direct, text).toStrictEqual(reference);
}

describe('the direct block-YAML reader gives the yaml library path’s trees', () => {
  const generated = { n: 0 };
  itInParts('generated documents', 1500, 3, () => fc.property(yamlTextArb, (text) => agrees(text, generated)));
  const edited = { n: 0 };
  itInParts('generated documents with edits', 1500, 3, () => fc.property(editedYamlTextArb, (text) => agrees(text, edited)));
  const block = { n: 0 };
  itInParts('hand-made block documents', 3000, 3, () => fc.property(blockYamlArb, (text) => agrees(text, block)));
  const printed = { n: 0 };
  itInParts('documents printed by the yaml library', 1500, 3, () => fc.property(yamlPrintedArb, (text) => agrees(text, printed)));
  const scalars = { n: 0 };
  itInParts('block scalars (literal, folded, chomping, empty and more-indented lines)', 1500, 3, () => fc.property(blockScalarDocArb, (text) => agrees(text, scalars)));
  it('took many generated texts (the comparison is not vacuous)', () => {
    expect(generated.n).toBeGreaterThan(1500 * 0.02);
    expect(edited.n).toBeGreaterThan(1500 * 0.01);
    expect(block.n).toBeGreaterThan(3000 * 0.2);
    expect(scalars.n).toBeGreaterThan(1500 * 0.5);
    expect(printed.n).toBeGreaterThan(1500 * 0.5);
  });
});
