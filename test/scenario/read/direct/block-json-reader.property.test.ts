// The JSON reader against the tree reader it stands in for (readBlockYaml, the old computation): on generated texts
// it declines exactly when the tree reader does, each document's JSON is toJson of the tree (prototype-less maps, key
// order kept), and the tree read from a document's place is the tree read with the whole text, placed alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlockJson } from '../../../../src/scenario/read/direct/block-json-reader.js';
import { DocumentRereader, readBlockYaml } from '../../../../src/scenario/read/direct/block-yaml-reader.js';
import { toJson } from '../../../../src/scenario/read/positioned.js';
import { itInParts } from '../../../setup/property-parts.js';
import { blockScalarDocArb, blockYamlArb, yamlPrintedArb } from './block-yaml-arbitrary.js';
import { editedYamlTextArb, yamlTextArb } from '../yaml-text-arbitrary.js';

/** Values with their maps' prototypes and key order, for a comparison that sees both. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v === null || typeof v !== 'object') return v;
  return { proto: Object.getPrototypeOf(v) === null ? 'null' : 'object', entries: Object.entries(v).map(([k, x]) => [k, shape(x)]) };
}

function agrees(text: string, taken: { n: number }): void {
  const trees = readBlockYaml(text, 'in.yaml');
  const docs = readBlockJson(text, 'in.yaml');
  expect(docs === undefined, text).toBe(trees === undefined);
  if (docs === undefined || trees === undefined) return;
  taken.n++;
  expect(docs.map((d) => shape(d.json)), text).toEqual(trees.map((t) => shape(toJson(t))));
  const source = new DocumentRereader(text, 'in.yaml');
  // Backwards too: one reader serves a file's documents in any order.
  [...docs.keys()].reverse().forEach((i) => {
    const d = docs[i]!;
    expect(source.at(d.offset, d.line), text).toStrictEqual(trees[i]);
    expect(trees[i]?.src, text).toEqual({ file: 'in.yaml', line: d.line, col: 1 });
  });
}

describe('the JSON block reader gives toJson of the tree reader’s documents, and their places', () => {
  const generated = { n: 0 };
  itInParts('generated documents', 900, 3, () => fc.property(yamlTextArb, (text) => agrees(text, generated)));
  const edited = { n: 0 };
  itInParts('generated documents with edits', 900, 3, () => fc.property(editedYamlTextArb, (text) => agrees(text, edited)));
  const block = { n: 0 };
  itInParts('hand-made block documents', 1500, 3, () => fc.property(blockYamlArb, (text) => agrees(text, block)));
  const printed = { n: 0 };
  itInParts('documents printed by the yaml library', 900, 3, () => fc.property(yamlPrintedArb, (text) => agrees(text, printed)));
  const scalars = { n: 0 };
  itInParts('block scalars', 600, 2, () => fc.property(blockScalarDocArb, (text) => agrees(text, scalars)));
  it('took many generated texts (the comparison is not vacuous)', () => {
    expect(block.n).toBeGreaterThan(1500 * 0.2);
    expect(printed.n).toBeGreaterThan(900 * 0.5);
    expect(scalars.n).toBeGreaterThan(600 * 0.5);
  });

  it('declines a duplicate key, a merge key and __proto__ as the tree reader does', () => {
    for (const text of ['a: 1\na: 2\n', '<<: {a: 1}\n', '__proto__: 1\n', 'a:\n  b: 1\n  b: 2\n']) {
      expect(readBlockJson(text, 'in.yaml'), text).toBeUndefined();
      expect(readBlockYaml(text, 'in.yaml'), text).toBeUndefined();
    }
  });

  it('places each document at its first line, past markers and comments', () => {
    const text = '# head\n---\napiVersion: v1\nkind: Pod\n---\n\n- a\n- b\n';
    expect(readBlockJson(text, 'in.yaml')?.map((d) => [d.line, d.offset])).toEqual([[3, 11], [7, 41]]);
  });
});
