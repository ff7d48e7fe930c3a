// verdict: the isolation check's fast path — a target whose outer wall lets no packet through at any port
// and protocol (A's VM egress towards it, or its VM's ingress from A) is stopped there, read from the
// management model's port-sweep summary instead of judging every port interval and protocol. Only where the
// compiled decision is the class × class one (no class the reference decides, no Service address, distinct
// pods); anything else, and every target the wall may let through, is judged in full.
import { clusterIps } from '../../compile/policy/uncertain/overlay-uncertain.js';
import type { PolicyModel } from '../../model/policy/types.js';
import { compiledOf } from '../state/fast-evaluate.js';
import { portSweepSides } from '../state/port-sweep-summary.js';

/** Whether the outer wall stops every packet of one target (classes in the management model). */
export type OuterWallStops = (srcVm: number, dstIp: number, dstIpClass: number, wallIpClass: number, dstVm: number) => boolean;

/** The filter of one management model. */
export function outerWallFilter(model: PolicyModel): OuterWallStops {
  const cp = compiledOf(model);
  const { words, egressAny, ingressAny } = portSweepSides(model);
  // The reference-decided classes as one flag per class (read four times a call, ~10^5 calls a check).
  const uncertain = new Uint8Array(cp.classCount);
  for (const c of cp.uncertainClasses()) uncertain[c] = 1;
  const services = clusterIps(model);
  const bit = (m: Int32Array, row: number, b: number): number => (m[row * words + (b >>> 5)]! >>> (b & 31)) & 1;
  return (srcVm, dstIp, dstIpClass, wallIpClass, dstVm) => {
    if (uncertain[srcVm] === 1 || uncertain[dstIpClass] === 1 || uncertain[wallIpClass] === 1 || uncertain[dstVm] === 1) return false;
    // One class for both ends may be one pod (its traffic to itself is not judged by policy).
    if (srcVm === dstIpClass || wallIpClass === dstVm || services.has(dstIp >>> 0)) return false;
    return bit(egressAny, srcVm, dstIpClass) === 0 || bit(ingressAny, dstVm, wallIpClass) === 0;
  };
}
