// engine: what the run remembers of each timeline event — when it happened, what it was, where the
// user wrote it, and the effects the handlers recorded (pods moved, routes changed, policies diffed).
import type { SourceRef } from '../../lib/diagnostics.js';

/** One processed timeline event and its effects, in words and figures. */
export interface TimelineRecord {
  readonly at: number;
  readonly kind: string;
  readonly target: string;
  readonly src?: SourceRef;
  readonly effects: string[];
}
