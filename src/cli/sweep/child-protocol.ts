// cli: the messages between a local sweep and its worker processes.
import type { Limits } from '../../lib/limits.js';
import type { PointOutcome } from '../../plan/sweep/point-result.js';

/** Run point `index` of the sweep file `file`. */
export interface ChildRequest {
  readonly file: string;
  readonly index: number;
}

/** A request as sent: with the limits of the process that forked the child (its --max-* options). */
export interface ChildMessage extends ChildRequest {
  readonly limits: Limits;
}

/** A finished point, or why it failed. */
export type ChildReply =
  | { readonly kind: 'done'; readonly index: number; readonly outcome: PointOutcome }
  | { readonly kind: 'error'; readonly index: number; readonly message: string };
