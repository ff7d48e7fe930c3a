// verdict: the ServiceEntry `reach` and `check` give platformProbes — a probe to an externalIP or LoadBalancer
// IP judged past kube-proxy, from outside the platform or from a pod.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ClusterPolicies, Evaluate, ServiceEntry } from './platform-probes.js';
import { podToServiceAddress } from './pod-to-service-address.js';
import { serviceAddressProbe } from './service-address-probe.js';

/** The entry for a run and its clusters' policy models. */
export function serviceAddressEntry(run: PlatformRun, clusters: readonly ClusterPolicies[], evaluate: Evaluate): ServiceEntry {
  return (probe, from) => (from ? podToServiceAddress(run, clusters, probe, from, evaluate) : serviceAddressProbe(run, clusters, probe, evaluate));
}
