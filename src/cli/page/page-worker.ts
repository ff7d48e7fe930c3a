// cli: the entry of the page's worker thread (bundled as dist/cli-bundle/page-worker.js): computes the
// page's parts of the request it is given and posts them on its port, counting each message in the shared
// signal so the main thread, blocked at the page's cursor, wakes when one arrives.
import { workerData, type MessagePort } from 'node:worker_threads';
import { computePageParts, type PageMessage, type PageRequest } from './page-parts.js';

/** What the main thread gives the worker. */
export interface PageWorkerData {
  readonly request: PageRequest;
  readonly port: MessagePort;
  /** One counter: messages posted so far. */
  readonly signal: Int32Array;
}

const data = workerData as PageWorkerData | null;
if (data !== null) {
  const send = (m: PageMessage): void => {
    data.port.postMessage(m);
    Atomics.add(data.signal, 0, 1);
    Atomics.notify(data.signal, 0);
  };
  send({ kind: 'started' });
  try {
    computePageParts(data.request, send);
  } catch (e) {
    send({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
  data.port.close();
}
