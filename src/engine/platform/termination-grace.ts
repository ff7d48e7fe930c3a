// engine: how long a stopped pod runs on — its workload's terminationGracePeriodSeconds (PodSpec default 30 s).
// The one rule behind a terminating endpoint (verdict service-endpoints) and a terminating pod's address
// staying allocated in Calico IPAM until its sandbox is torn down (run-platform).
import type { Model } from '../../model/types.js';
import type { LivePod } from './pod-table.js';

/** PodSpec terminationGracePeriodSeconds' default (k8s.io/api core/v1 types.go DefaultTerminationGracePeriodSeconds). */
export const DEFAULT_GRACE_SECONDS = 30;

/** The ms a stopped pod keeps running (a bare pod of no workload: 0). */
export function terminationGraceMs(model: Model, pod: LivePod): number {
  return pod.workload >= 0 ? (model.workloads[pod.workload]!.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS) * 1000 : 0;
}
