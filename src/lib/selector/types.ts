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
    super(`invalid selector ${quoteSelector(selector, col)} at column ${col}: ${reason}`);
    this.name = 'SelectorParseError';
  }
}

const SHOWN = 60;

/** Up to 60 characters of a selector around column `col` (… marks what was cut) and `col` within them. */
export function selectorExcerpt(text: string, col: number): { readonly text: string; readonly col: number } {
  if (text.length <= SHOWN) return { text, col };
  const start = Math.max(0, Math.min(col - 1 - SHOWN / 2, text.length - SHOWN));
  const head = start > 0 ? '…' : '';
  const tail = start + SHOWN < text.length ? '…' : '';
  return { text: `${head}${text.slice(start, start + SHOWN)}${tail}`, col: col - start + head.length };
}

/** A selector quoted for a message: whole when short, else the part around column `col`. */
export function quoteSelector(text: string, col: number): string {
  return JSON.stringify(selectorExcerpt(text, col).text);
}
