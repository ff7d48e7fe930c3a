// verdict: what the PKI's design says before anything runs — a renewal that comes after expiry (or no
// kubeadm upgrade before it), a CA rotation without overlap, a CA expiring inside the horizon, trust or
// certificates crossing tenants, certificates shared by components, client certificates in system:masters.
import type { SourceRef } from '../../lib/diagnostics.js';
import { ADMIN_COMPONENTS } from '../../model/pki/component-defaults.js';
import type { CertModel, PkiModel } from '../../model/pki/types.js';
import type { TimelineEventSpec } from '../../scenario/types.js';
import { simTime } from './sim-time.js';

/** The verdicts `check` reports about certificates. */
export type PkiVerdict = 'expires-before-renewal' | 'not-reloaded' | 'ca-rotation-overlap' | 'tenant-trust' | 'shared-certificate' | 'over-privileged' | 'ca-expiry' | 'consequences';

/** One offending certificate (or CA): where it is defined, the window, and why. */
export interface Finding {
  readonly verdict: PkiVerdict;
  readonly cluster: string;
  readonly certificate: string;
  readonly src: SourceRef;
  readonly from?: number;
  readonly to?: number;
  readonly detail: string;
}

/** Findings that follow from the model and the timeline's CA rotations alone. */
export function staticFindings(pki: PkiModel, events: readonly TimelineEventSpec[], horizon: number, mgmt: string): Finding[] {
  const out: Finding[] = [];
  for (const c of pki.certs) {
    const f = (verdict: PkiVerdict, detail: string, from?: number, to?: number): void => {
      out.push({ verdict, cluster: c.clusterName, certificate: c.name, src: c.src, detail, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
    };
    const late = renewalAfterExpiry(c, pki.clusters[c.cluster]!.upgradeEvery);
    if (late !== undefined) f('expires-before-renewal', `${c.clusterName}/${c.name} expires ${simTime(c.ttl)} after issuance, ${late.why}`, c.ttl, late.at);
    if (c.signedBy >= 0 && c.signedBy !== c.cluster) f('tenant-trust', `${c.clusterName}/${c.name} is signed by ${pki.clusters[c.signedBy]!.name}'s CA (${pki.clusters[c.signedBy]!.mount})`);
    for (const t of c.trusts) if (t !== c.cluster) f('tenant-trust', `${c.clusterName}/${c.name} trusts ${pki.clusters[t]!.name}'s CA`);
    if (c.sharedWith.length) f('shared-certificate', `${c.clusterName}/${c.name} is also presented by ${c.sharedWith.join(', ')}: one compromise exposes them all`);
    if (c.organisation.includes('system:masters') && !ADMIN_COMPONENTS.includes(c.component))
      f('over-privileged', `${c.clusterName}/${c.name} (${c.component}) carries O=system:masters, which bypasses RBAC; only the admin's break-glass credential should`);
  }
  for (const cl of pki.clusters) {
    const rotations = events.filter((e) => e.kind === 'cert-rotate' && e.component === 'ca' && (e.tenant ?? mgmt) === cl.name);
    for (const e of rotations)
      if (e.overlap !== undefined && e.overlap === 0)
        out.push({ verdict: 'ca-rotation-overlap', cluster: cl.name, certificate: 'ca', src: e.src, from: e.at, detail: `${cl.name}'s CA is rotated at t=${simTime(e.at)} with no overlap: the old CA is distrusted while certificates it signed are still presented` });
    const starts = [0, ...rotations.map((e) => e.at)];
    starts.forEach((t, k) => {
      const expiry = t + cl.caTTL;
      const next = starts[k + 1];
      if (expiry <= horizon && (next === undefined || next > expiry))
        out.push({ verdict: 'ca-expiry', cluster: cl.name, certificate: cl.mount, src: cl.src, from: expiry, ...(next !== undefined ? { to: next } : {}), detail: `${cl.mount}'s CA expires at t=${simTime(expiry)}, inside the horizon (${simTime(horizon)}), with no rotation before` });
    });
  }
  return out;
}

/** When the issuer's next renewal (or kubeadm's next upgrade) comes only after the certificate expired. */
function renewalAfterExpiry(c: CertModel, upgradeEvery: number | undefined): { at: number; why: string } | undefined {
  if (c.keyOnly || c.issuer === 'self-signed') return undefined;
  if (c.renewAfter !== undefined) return c.renewAfter > c.ttl ? { at: c.renewAfter, why: `before its renewal at ${simTime(c.renewAfter)} (${c.rule})` } : undefined;
  if (c.renewFraction !== undefined) return undefined;
  if (c.renewOnUpgrade) {
    if (upgradeEvery === undefined) return { at: Infinity, why: 'and no control-plane upgrade is scheduled to renew it (kubeadm renews only on upgrade)' };
    return upgradeEvery > c.ttl ? { at: upgradeEvery, why: `before the next control-plane upgrade at ${simTime(upgradeEvery)}` } : undefined;
  }
  return { at: Infinity, why: `and nothing renews it (${c.rule})` };
}
