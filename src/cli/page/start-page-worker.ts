// cli: the page's second thread, started when a command that writes the page starts — it loads the same
// input and computes the page's model-only parts (page-parts.ts) while this thread loads, builds the engine
// and simulates. At the cursor and at the end this thread takes what it needs, waiting for it if need be.
// A worker that cannot start, fails, is late or answers for another state gives nothing: the page then
// computes that part here, the same bytes either way.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { PageParts } from '../../emit/viz/build-viz-data.js';
import type { CursorPart } from '../../emit/viz/cursor-part.js';
import type { PlatformLayout } from '../../emit/viz/layout-platform.js';
import { agreedPart, type PageMessage, type PageRequest } from './page-parts.js';
import type { PageWorkerData } from './page-worker.js';

/** The page's parts from the worker; `stop` ends the worker (a command calls it however it ends). */
export interface PageWorker extends PageParts {
  stop(): void;
}

/** Nothing from elsewhere: every part is computed in the command's own thread. */
export const IN_THREAD: PageWorker = { cursor: () => undefined, layout: () => undefined, stop: () => undefined };

/** The worker's entry: the bundled one (`npm run build`), the same path from src/cli/page and dist/cli/page. */
const ENTRY = new URL('../../../dist/cli-bundle/page-worker.js', import.meta.url);
/** A worker not heard from this long after it was started is taken as failed to start. */
const START_MS = 10_000;
/** Longest wait for one part once the worker runs. */
const PART_MS = 120_000;

/**
 * Starts the worker on `request`; in-thread when its entry is missing or this code runs from its sources
 * (vitest: a worker cannot load TypeScript).
 */
export function startPageWorker(request: PageRequest): PageWorker {
  if (import.meta.url.endsWith('.ts') || !existsSync(fileURLToPath(ENTRY))) return IN_THREAD;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const data: PageWorkerData = { request, port: port2, signal };
  let worker: Worker;
  try {
    worker = new Worker(ENTRY, { workerData: data, transferList: [port2], stdout: true, stderr: true });
  } catch {
    return IN_THREAD;
  }
  // Never what keeps the process alive; its errors arrive as a failure (or its silence as lateness).
  worker.unref();
  worker.on('error', () => undefined);
  const startedAt = Date.now();
  let started = false;
  let failed = false;
  let cursor: { key: string; part: CursorPart } | undefined;
  let layout: PlatformLayout | undefined;
  const stop = (): void => {
    failed = true;
    port1.close();
    void worker.terminate();
  };
  const take = (m: PageMessage): void => {
    if (m.kind === 'started') started = true;
    else if (m.kind === 'cursor') cursor = m;
    else if (m.kind === 'layout') layout = m.layout;
    else failed = true;
  };
  /** Takes messages until `ready()` or the worker failed or is late (blocking this thread meanwhile). */
  const waitFor = (ready: () => boolean): void => {
    const since = Date.now();
    while (!failed && !ready()) {
      const seen = Atomics.load(signal, 0);
      for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) take(m.message as PageMessage);
      if (failed || ready()) break;
      const now = Date.now();
      if ((!started && now - startedAt > START_MS) || now - since > PART_MS) {
        stop();
        break;
      }
      Atomics.wait(signal, 0, seen, 50);
    }
  };
  return {
    cursor(run) {
      waitFor(() => cursor !== undefined);
      return agreedPart(cursor, run);
    },
    layout() {
      waitFor(() => layout !== undefined);
      const got = layout;
      stop();
      return got;
    },
    stop,
  };
}
