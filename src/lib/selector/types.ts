// lib: the contract of a parsed Calico selector. The parser lives beside this file; everything that
// matches labels (policies, pools' nodeSelector, BGPPeer selectors) goes through this interface.
import type { Labels } from '../labels.js';

/** A parsed, validated Calico selector. */
export interface Selector {
  /** True when the label map satisfies the selector (Calico's missing-label rules). */
  matches(labels: Labels): boolean;
  /** Calico's canonical rendering (`Selector.String()` in libcalico-go). */
  toString(): string;
  /** The AST, for the compiler. */
  readonly ast: SelectorNode;
}

/** Selector AST; `not` collapses runs of `!` to parity. */
export type SelectorNode =
  | { readonly op: 'all' }
  | { readonly op: 'global' }
  | { readonly op: 'has'; readonly key: string }
  | { readonly op: '=='; readonly key: string; readonly value: string }
  | { readonly op: '!='; readonly key: string; readonly value: string }
  | { readonly op: 'in'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'not in'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'contains'; readonly key: string; readonly value: string }
  | { readonly op: 'starts with'; readonly key: string; readonly value: string }
  | { readonly op: 'ends with'; readonly key: string; readonly value: string }
  | { readonly op: 'not'; readonly arg: SelectorNode }
  | { readonly op: 'and'; readonly args: readonly SelectorNode[] }
  | { readonly op: 'or'; readonly args: readonly SelectorNode[] };

/** A selector that failed to parse: `col` is the 1-based column of the offending character. */
export class SelectorParseError extends Error {
  constructor(
    readonly selector: string,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`invalid selector ${JSON.stringify(selector)} at column ${col}: ${reason}`);
    this.name = 'SelectorParseError';
  }
}
