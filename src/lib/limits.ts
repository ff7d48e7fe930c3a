// lib: the hard limits that keep a hostile or absurd input from hanging or exhausting the machine — total
// input read, objects generated, simulated time and simulated events — set once per command from its flags.

export interface Limits {
  /** Bytes read from all input files of one command together (`--max-input-bytes`). */
  readonly maxInputBytes: number;
  /** Bytes of any one input file (`--max-file-bytes`). */
  readonly maxFileBytes: number;
  /** Objects (nodes and pods) a scenario may declare or generate (`--max-objects`). */
  readonly maxObjects: number;
  /** Latest simulated time: horizon, `--until`, `--at` (`--max-sim-time`, in ms). */
  readonly maxSimTime: number;
  /** Events one simulation may process (`--max-events`). */
  readonly maxEvents: number;
  /** Includes may leave the scenario's own folder tree (`--include-outside`). */
  readonly includeOutside: boolean;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 64 * 1024 * 1024,
  maxFileBytes: 32 * 1024 * 1024,
  maxObjects: 200_000,
  maxSimTime: 8_760 * 3_600_000,
  maxEvents: 5_000_000,
  includeOutside: false,
};

let current: Limits = DEFAULT_LIMITS;

/** The limits in force. */
export function limits(): Limits {
  return current;
}

/** Sets the limits of this command (unset ones take their defaults). */
export function setLimits(over: Partial<Limits>): void {
  current = { ...DEFAULT_LIMITS, ...over };
}

/** A limit was reached: the message names the limit and the flag that raises it (exit 2). */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}
