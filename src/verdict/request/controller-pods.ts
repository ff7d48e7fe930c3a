// verdict: the ingress-nginx controller pods of the run at its current time — the platform's controller
// Deployment in the management cluster, running on a node that is up.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';

/** Running controller pods on up nodes, in creation order (empty without a platform). */
export function controllerPods(run: PlatformRun): LivePod[] {
  const ing = run.model.scenario.platform?.ingress;
  if (!ing || run.model.management < 0) return [];
  return run.pods.pods.filter(
    (p) => p.phase === 'running' && p.cluster === run.model.management && p.namespace === ing.namespace && p.base.owner?.name === ing.name && p.ip >= 0 && run.nodeUp[p.node] === 1,
  );
}
