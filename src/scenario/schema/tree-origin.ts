// scenario: the origin of a record validated from a positioned tree — its field path, and its fields located in
// that tree when a problem is reported (nothing is computed per record but this one object).
import type { SourceRef } from '../../lib/diagnostics.js';
import { locateIn, type PValue } from '../read/positioned.js';
import type { Origin } from '../provenance.js';

export class TreeOrigin implements Origin {
  constructor(
    readonly path: string,
    private readonly node: PValue,
    readonly fromManifest: boolean,
  ) {}

  locate(field?: string): SourceRef {
    return field === undefined ? this.node.src : locateIn(this.node, field);
  }
}
