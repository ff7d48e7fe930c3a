// scenario: a document of a manifest file read as JSON (block-json-reader.ts), standing for its positioned tree:
// the tree is read from the document's place in the text the first time `node` is asked for (a diagnostic, a
// locator, a reader the quick paths leave it to), so a clean file of 10,000 Pods never builds its 1.2 million nodes.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { RawRef } from '../schema/schema.js';
import type { JsonValue } from '../types.js';
import type { DocumentRereader } from './direct/block-yaml-reader.js';
import type { PValue } from './positioned.js';

export class LazyManifestDoc implements RawRef {
  readonly path = '';
  private tree: PValue | undefined = undefined;

  constructor(
    /** toJson of the document's tree. */
    readonly json: JsonValue,
    private readonly source: DocumentRereader,
    private readonly offset: number,
    private readonly line: number,
    readonly scanned: boolean,
  ) {}

  /** The document's tree, as readBlockYaml gives it (read once, on first use). */
  get node(): PValue {
    this.tree ??= this.source.at(this.offset, this.line);
    return this.tree;
  }

  /** The tree's `src`: a document is a block collection at the start of its first line. */
  get src(): SourceRef {
    return { file: this.source.file, line: this.line, col: 1 };
  }
}
