// engine: the live pods of every cluster — created from the model's initial placement, then by scale
// events and evictions; each with its node, address (from IPAM, or given) and phase. A hot data holder.
import type { ModelPod } from '../../model/types.js';

/** Pod phase as far as networking cares. */
export type PodPhase = 'running' | 'pending' | 'terminated';

/** One pod's live record (ids are dense and never reused). */
export interface LivePod {
  readonly id: number;
  readonly name: string;
  readonly namespace: string;
  readonly cluster: number;
  readonly workload: number;
  readonly base: ModelPod;
  node: number;
  /** uint32 address, or -1 without one. */
  ip: number;
  phase: PodPhase;
  /** Why a pod has no address (IPAM failure) or is pending. */
  reason?: string;
  readonly createdAt: number;
  terminatedAt?: number;
  /** The address it had when it was stopped (its endpoint stays terminating for its grace period). */
  lastIp?: number;
  /** When its address went back to IPAM (after its grace period, or when its down node came back). */
  releasedAt?: number;
}

/** Whether a record with a fractional creation time was made (see PodTable.add). */
let seeded = false;

function livePod(id: number, base: ModelPod, name: string, node: number, now: number): LivePod {
  return {
    id,
    name,
    namespace: base.namespace,
    cluster: base.cluster,
    workload: base.workload,
    base,
    node,
    ip: -1,
    phase: node >= 0 ? 'running' : 'pending',
    createdAt: now,
  };
}

/** All pods ever created in a run, in creation order. */
export class PodTable {
  readonly pods: LivePod[] = [];
  /** Per cluster, bumped whenever a pod of it starts or stops (verdict caches key on it). */
  private readonly versions = new Map<number, number>();

  /** Version of a cluster's pod set. */
  version(cluster: number): number {
    return this.versions.get(cluster) ?? 0;
  }

  /** Marks a pod terminated: it no longer runs as a live pod, but keeps the address it had as `lastIp`. */
  terminate(p: LivePod, now: number): void {
    p.lastIp = p.ip;
    p.ip = -1;
    p.phase = 'terminated';
    p.terminatedAt = now;
    this.bump(p.cluster);
  }

  private bump(cluster: number): void {
    this.versions.set(cluster, this.version(cluster) + 1);
  }

  add(base: ModelPod, name: string, node: number, now: number): LivePod {
    if (!seeded) {
      // The first record V8 sees fixes its fields' representation. The initial pods start at t = 0 (a small
      // integer): a pod started later at a fractional time would widen createdAt to a double, deprecating the
      // shape, and every earlier pod would then be migrated one by one on its next read (22,000 on
      // scenarios/large.yaml: ~0.2 s inside the run). One throwaway record with a fractional time first
      // makes the field a double from the start.
      seeded = true;
      livePod(-1, base, name, node, 0.5);
    }
    const p = livePod(this.pods.length, base, name, node, now);
    this.pods.push(p);
    this.bump(p.cluster);
    return p;
  }

  /** Running pods of a cluster. */
  running(cluster: number): LivePod[] {
    return this.pods.filter((p) => p.cluster === cluster && p.phase === 'running');
  }

  /** Live (not terminated) pods of a workload, in creation order. */
  ofWorkload(workload: number): LivePod[] {
    return this.pods.filter((p) => p.workload === workload && p.phase !== 'terminated');
  }
}
