// cli: a question asked of a run whose BGP is simulated only if the answer reads it. The run is made with
// BGP deferred (all else is as in a full run: createPlatform draws BGP's seed either way, and nothing but
// BGP reads BGP's state); an answer that reads `run.bgp` there is abandoned and asked again of the model
// run with BGP from time 0 to the same time. A trace between clusters, or through a VIP to a NodePort,
// never reads a FIB: on a large platform it skips the BGP build and the session storm.
import { runPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import type { LoadedRun } from './load-run.js';

/** Thrown by the guarded run's `bgp`: the answer needs the routes. */
class NeedsBgp extends Error {}

/** The run as it is, except that reading its BGP throws (see `readsBgp`). */
export function withoutBgp(run: PlatformRun): PlatformRun {
  return Object.create(run, {
    bgp: {
      get() {
        throw new NeedsBgp('the answer reads BGP');
      },
    },
  }) as PlatformRun;
}

/** True for what `withoutBgp`'s run throws when its BGP is read. */
export function readsBgp(e: unknown): boolean {
  return e instanceof NeedsBgp;
}

/** `ask` of `loaded.run` (loaded with BGP deferred), or of the full run when `ask` reads BGP. */
export function askWithBgpOnDemand<T>(loaded: LoadedRun, ask: (run: PlatformRun) => T): T {
  try {
    return ask(withoutBgp(loaded.run));
  } catch (e) {
    if (!readsBgp(e)) throw e;
  }
  return ask(runPlatform(loaded.run.model, { until: loaded.until, ...(loaded.seed !== undefined ? { seed: loaded.seed } : {}) }));
}
