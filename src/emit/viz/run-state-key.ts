// emit/viz: a run's state as the page's cursor part reads it (time, each cluster's policies in force and
// every pod's phase, node and address) into one digest: two runs of the same model with equal keys give the
// same cursor part, so a part computed on another thread's copy of the run is used only when the keys agree.
import { createHash } from 'node:crypto';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { manifestKey } from '../../engine/platform/policy-store.js';

/** The digest of what cursorPart reads from `run` now (sha256, base64). */
export function runStateKey(run: PlatformRun): string {
  const hash = createHash('sha256');
  hash.update(`t ${run.sim.now}\n`);
  run.model.clusters.forEach((_, ci) => {
    const manifests = run.policies.of(ci).map((m) => `${manifestKey(m)}@${m.src.file}:${m.src.line}:${m.src.col}`);
    hash.update(`c ${ci} ${run.policies.versionOf(ci)} ${run.pods.version(ci)} ${manifests.join(' ')}\n`);
  });
  const pods: string[] = [];
  for (const p of run.pods.pods) pods.push(`${p.id} ${p.cluster} ${p.workload} ${p.namespace}/${p.name} ${p.phase} ${p.node} ${p.ip}`);
  hash.update(pods.join('\n'));
  return hash.digest('base64');
}
