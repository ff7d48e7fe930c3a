// scenario: the signal of the direct YAML reader (block-yaml-reader.ts) that an input is outside its subset: thrown
// from wherever it is noticed, caught once at the top, and the whole file is then read the older way.

/** Thrown (as DECLINED) when the direct reader cannot promise the `yaml` library path's exact trees. */
export class Declined {}

export const DECLINED = new Declined();
