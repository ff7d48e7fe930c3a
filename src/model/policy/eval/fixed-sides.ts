// model: the explanations both evaluators give when no policy is consulted — an end that is no Calico
// endpoint, a Felix failsafe port of a host endpoint, traffic a pod sends to itself — and the reason of
// a drop when no profile allowed the packet. One wording, so the fast path equals the reference.
import type { PeerInfo } from './peer-info.js';
import type { SideExplanation, Verdict } from './types.js';

/** Why a side was denied after every tier passed and no profile allowed it. */
export const NO_PROFILE_REASON = 'no profile allowed the packet (drop if no profiles matched)';

/** The side of an end with no Calico endpoint (outside the cluster, or a hostNetwork pod without a HostEndpoint). */
export function notApplicableSide(target: PeerInfo): SideExplanation {
  const endpoint = target.label;
  const why = target.pod
    ? `${endpoint} is a hostNetwork pod without a HostEndpoint: no Calico policy applies`
    : `${endpoint} is not a Calico endpoint (outside the cluster): no policy applies on this side`;
  return { decided: 'not-applicable', action: 'allow', endpoint, reasons: [why], trail: [] };
}

/** The side of a host endpoint on one of Felix's failsafe ports (always open). */
export function failsafeSide(endpoint: string): SideExplanation {
  return { decided: 'profile', action: 'allow', endpoint, profile: 'felix-failsafe', reasons: ['Felix failsafe port (always open on host endpoints)'], trail: [] };
}

/** A pod's traffic to itself: it never leaves the pod, so nothing filters it. */
export function selfTrafficVerdict(src: string, dst: string): Verdict {
  const side = (endpoint: string): SideExplanation => ({ decided: 'not-applicable', action: 'allow', endpoint, reasons: ['traffic to itself never leaves the pod'], trail: [] });
  return { verdict: 'allow', egress: side(src), ingress: side(dst) };
}
