// model: when each issuer renews a certificate — Giant Swarm's cert-operator (TTL minus threshold, never the
// service-account key), cert-manager (renewBefore, else a third of the lifetime before expiry), kubeadm (only
// on a control-plane upgrade), the kubelet (its own client certificate at 70–90% of its life).
import type { PkiComponent } from '../../scenario/schema/pki-schema.js';
import type { CertIssuer } from './types.js';

const HOUR = 3_600_000;
/** cert-operator's expiration threshold as the platform configures it (2160h = 90 days). */
export const CERT_OPERATOR_THRESHOLD = 2_160 * HOUR;

export interface RenewalRule {
  readonly renewAfter?: number;
  readonly renewFraction?: readonly [number, number];
  readonly renewOnUpgrade: boolean;
  readonly rule: string;
}

export interface RenewalInput {
  readonly issuer: CertIssuer;
  readonly component: PkiComponent;
  readonly ttl: number;
  /** cert-operator's threshold, or cert-manager's renewBefore, when written. */
  readonly before?: number;
  /** The platform's scheduled re-issue (`pki.rotationPeriod`), applied by cert-operator. */
  readonly rotationPeriod: number;
}

const h = (ms: number): string => `${+(ms / HOUR).toFixed(3)}h`;

/** The renewal rule of one certificate. */
export function renewalRule(x: RenewalInput): RenewalRule {
  switch (x.issuer) {
    case 'cert-operator': {
      // giantswarm/cert-operator service/controller/resources/vaultcrt/update.go shouldCertBeRenewed: never the
      // service-account certificate; otherwise renew once updateTimestamp + TTL - threshold has passed.
      if (x.component === 'service-account') return { renewOnUpgrade: false, rule: 'cert-operator never renews the service-account key (vaultcrt/update.go)' };
      const threshold = x.before ?? (x.ttl > CERT_OPERATOR_THRESHOLD ? CERT_OPERATOR_THRESHOLD : undefined);
      const byThreshold = threshold === undefined ? Infinity : x.ttl - threshold;
      const renewAfter = Math.min(byThreshold, x.rotationPeriod);
      const why = renewAfter === byThreshold ? `TTL ${h(x.ttl)} minus threshold ${h(threshold!)}` : `the platform's rotation period ${h(x.rotationPeriod)}`;
      return { renewAfter, renewOnUpgrade: false, rule: `cert-operator renews ${h(renewAfter)} after issuance (${why}; vaultcrt/update.go)` };
    }
    case 'cert-manager': {
      // cert-manager pkg/util/pki/renewaltime.go: renewal at notAfter - renewBefore; without renewBefore
      // (or with one not shorter than the duration) a third of the duration before expiry.
      const before = x.before !== undefined && x.before < x.ttl ? x.before : x.ttl / 3;
      return { renewAfter: x.ttl - before, renewOnUpgrade: false, rule: `cert-manager renews ${h(before)} before expiry (${x.before !== undefined ? 'renewBefore' : 'two thirds of the duration'}; pkg/util/pki/renewaltime.go)` };
    }
    case 'kubeadm':
      return { renewOnUpgrade: true, rule: 'kubeadm renews leaf certificates only on a control-plane upgrade (kubeadm-certs docs: "automatic certificate renewal")' };
    case 'kubelet':
      // kubelet pkg/kubelet/certificate/certificate_manager.go nextRotationDeadline: 70-90% of the lifetime, jittered.
      return { renewFraction: [0.7, 0.9], renewOnUpgrade: false, rule: 'the kubelet rotates its client certificate at a random 70-90% of its lifetime (certificate_manager.go)' };
    case 'self-signed':
      return { renewOnUpgrade: false, rule: 'self-signed by the kubelet at start; never renewed while it runs' };
  }
}
