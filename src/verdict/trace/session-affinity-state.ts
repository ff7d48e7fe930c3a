// verdict: the ClientIP affinity table kube-proxy keeps while a run is queried — on only for a command that
// follows connections in time order (`request` with per-request times); elsewhere each connection stands
// alone and is placed by a hash of the client address.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { ClientIpAffinity } from '../../model/edge/client-ip-affinity.js';

const tables = new WeakMap<PlatformRun, ClientIpAffinity>();

/** Keeps kube-proxy's affinity entries across the connections traced on `run` from now on. */
export function trackSessionAffinity(run: PlatformRun): void {
  if (!tables.has(run)) tables.set(run, new ClientIpAffinity());
}

/** The run's affinity table, when tracked. */
export function sessionAffinityOf(run: PlatformRun): ClientIpAffinity | undefined {
  return tables.get(run);
}
