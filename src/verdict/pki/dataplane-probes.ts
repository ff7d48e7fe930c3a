// verdict: probe results with the certificate consequences applied — a pod whose node has no programmed
// dataplane (Felix lost Typha before the pod or the node started) neither sends nor receives, whatever the
// policies say, so the probe is denied and says why.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ProbeResult } from '../policy/probes.js';
import { resolveEnd } from '../trace/resolve-end.js';

/** A probe result, with the dataplane problem that overrides it. */
export type DataplaneProbeResult = ProbeResult & { readonly dataplane?: string };

/** Applies the nodes' dataplane state to probe results (unchanged when every end is programmed). */
export function withDataplane(run: PlatformRun, results: readonly ProbeResult[]): DataplaneProbeResult[] {
  return results.map((r) => {
    for (const text of [r.from, r.to]) {
      const end = resolveEnd(run, text);
      if (typeof end === 'string' || end.pod === undefined) continue;
      const lost = run.pki.effects.dataplaneOf(end.node, end.pod.createdAt);
      if (lost !== undefined) return { ...r, verdict: 'deny', dataplane: lost };
    }
    return r;
  });
}
