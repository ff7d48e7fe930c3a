// cli: what the page's second thread computes — the same input loaded again (same files, `-n`, standard
// input's text, limits), its model run with BGP deferred to the page's cursor, then the cursor part (the
// matrix and what reads only pods and policies) and the seeded layout, each sent as soon as it is ready.
// Silent: it prints nothing (the main thread reports every problem of the input).
import { cursorTime } from '../../emit/viz/build-viz-data.js';
import { cursorPart, type CursorPart } from '../../emit/viz/cursor-part.js';
import { layoutPlatform, type PlatformLayout } from '../../emit/viz/layout-platform.js';
import { runStateKey } from '../../emit/viz/run-state-key.js';
import { advancePlatform, createPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import { limits, setLimits, type Limits } from '../../lib/limits.js';
import { buildModel } from '../../model/build-model.js';
import { loadScenarios } from '../../scenario/load-scenario.js';
import { displayPath } from '../display-path.js';
import type { InputOptions } from '../load-input.js';

/** The page's input and options as the command has them (plain data: it crosses threads). */
export interface PageRequest {
  readonly files: readonly string[];
  readonly namespace?: string;
  readonly stdin?: string;
  /** The seed given on the command line (default: the scenario's). */
  readonly seed?: number;
  /** Where the command's run ends (`--until`; default: the scenario's horizon). */
  readonly until?: number;
  /** The cursor (`--at`; default 30 s). */
  readonly at?: number;
  readonly limits: Limits;
}

/** The request of a command reading `files` with `input` (withStdin's), under the limits in force. */
export function pageRequest(files: readonly string[], input: InputOptions, run: { readonly seed?: number; readonly until?: number; readonly at?: number }): PageRequest {
  return { files, namespace: input.namespace, stdin: input.stdin, seed: run.seed, until: run.until, at: run.at, limits: limits() };
}

/** A message from the page's thread: started, a part (the cursor's with its run's state key), or failed. */
export type PageMessage =
  | { readonly kind: 'started' }
  | { readonly kind: 'cursor'; readonly key: string; readonly part: CursorPart }
  | { readonly kind: 'layout'; readonly layout: PlatformLayout }
  | { readonly kind: 'failed'; readonly message: string };

/** The worker's cursor part when its run's state is `run`'s now (runStateKey), else undefined. */
export function agreedPart(message: { readonly key: string; readonly part: CursorPart } | undefined, run: PlatformRun): CursorPart | undefined {
  return message !== undefined && message.key === runStateKey(run) ? message.part : undefined;
}

/** Computes the page's parts of `request`, sending each one when it is ready (throws what loading throws). */
export function computePageParts(request: PageRequest, send: (m: PageMessage) => void): void {
  setLimits(request.limits);
  const scenario = loadScenarios(request.files, {
    ...(request.stdin !== undefined ? { stdin: request.stdin } : {}),
    ...(request.namespace !== undefined ? { namespace: request.namespace } : {}),
  });
  const model = buildModel(scenario);
  const seed = request.seed ?? scenario.seed;
  // Pods, addresses and policies of a run with BGP deferred are the full run's (run-platform.ts: the
  // deferred run draws BGP's seed all the same); the main thread checks that with runStateKey.
  const run = createPlatform(model, { seed, deferBgp: true });
  advancePlatform(run, cursorTime(request.at, request.until ?? scenario.horizon));
  const { part } = cursorPart(run, { display: displayPath });
  send({ kind: 'cursor', key: runStateKey(run), part });
  send({ kind: 'layout', layout: layoutPlatform(model, seed) });
}
