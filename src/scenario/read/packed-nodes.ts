// scenario: positioned tree nodes with their place packed into the node itself (file, line and column as fields)
// instead of a {file, line, col} object each — what the direct block reader builds. On B1's folder that is half
// of the 1.2 million objects the trees keep alive through a load; a SourceRef is made only when one is asked for
// (a diagnostic, a record's `src`), equal field for field to the one the node would have held.
//
// A node is still a PScalar, PMap or PSeq to every reader. One difference: `src` and `keySrc` are getters, which an
// object spread (`{ ...node }`) does not copy; a reader that rebuilds a node names the fields it keeps.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { PEntry, PMap, PScalar, PSeq, PValue } from './positioned.js';

export class PackedScalar implements PScalar {
  readonly kind = 'scalar';
  constructor(
    readonly value: string | number | boolean | null,
    /** The text as written for a plain scalar; undefined for a quoted or block scalar (PScalar's absent `raw`). */
    readonly raw: string | undefined,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {}

  get src(): SourceRef {
    return { file: this.file, line: this.line, col: this.col };
  }
}

export class PackedEntry implements PEntry {
  constructor(
    readonly key: string,
    readonly value: PValue,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {}

  get keySrc(): SourceRef {
    return { file: this.file, line: this.line, col: this.col };
  }
}

export class PackedMap implements PMap {
  readonly kind = 'map';
  constructor(
    readonly entries: readonly PEntry[],
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {}

  get src(): SourceRef {
    return { file: this.file, line: this.line, col: this.col };
  }
}

export class PackedSeq implements PSeq {
  readonly kind = 'seq';
  constructor(
    readonly items: readonly PValue[],
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {}

  get src(): SourceRef {
    return { file: this.file, line: this.line, col: this.col };
  }
}
