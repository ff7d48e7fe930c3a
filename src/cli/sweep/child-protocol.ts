// cli: the messages between a local sweep and its worker processes.
import type { PointOutcome } from '../../plan/sweep/point-result.js';

/** Run point `index` of the sweep file `file`. */
export interface ChildRequest {
  readonly file: string;
  readonly index: number;
}

/** A finished point, or why it failed. */
export type ChildReply =
  | { readonly kind: 'done'; readonly index: number; readonly outcome: PointOutcome }
  | { readonly kind: 'error'; readonly index: number; readonly message: string };
