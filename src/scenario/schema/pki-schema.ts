// scenario: schema of `platform.pki` — lifetimes (caTTL, certTTL, rotationPeriod, as before), the layout
// and issuer per platform or per cluster, renewal thresholds, kubeadm's upgrade cadence, and certificates
// added or overridden; the bad-input rules a renewal schedule must obey.
import { errorAt, type Ctx } from '../provenance.js';
import { def, duration, list, many, obj, oneOf, opt, req, str, type At, type Rec } from './schema.js';

const HOUR = 3_600_000;

/** Every component a certificate can be issued for (Giant Swarm, kubeadm, Calico, ingress). */
export const PKI_COMPONENTS = [
  // Giant Swarm (giantswarm/certs pkg/certs/cert.go)
  'api', 'internal-api', 'etcd', 'etcd-member', 'service-account', 'worker', 'calico-etcd-client', 'flanneld-etcd-client',
  'app-operator-api', 'cluster-operator-api', 'node-operator', 'prometheus', 'prometheus-etcd-client',
  // kubeadm (kubernetes.io/docs/setup/best-practices/certificates)
  'apiserver', 'apiserver-kubelet-client', 'apiserver-etcd-client', 'etcd-server', 'etcd-peer', 'etcd-healthcheck-client',
  'front-proxy-client', 'apiserver-loopback', 'admin', 'super-admin', 'controller-manager', 'scheduler', 'kubelet-client', 'kubelet-serving',
  // Calico (Typha/Felix mutual TLS, kube-controllers)
  'typha-server', 'felix-client', 'calico-kube-controllers',
  // ingress controller TLS secrets, one per Ingress host
  'ingress-tls',
] as const;
export type PkiComponent = (typeof PKI_COMPONENTS)[number];

/** Names a `cert-rotate` event accepted before the inventory existed, and what they stand for now. */
export const LEGACY_COMPONENTS: Readonly<Record<string, readonly PkiComponent[]>> = {
  'calico-node': ['felix-client'],
  kubelet: ['kubelet-client', 'worker'],
  'kube-apiserver': ['api', 'apiserver'],
  'calico-typha': ['typha-server'],
  'ingress-nginx': ['ingress-tls'],
};

export const PKI_LAYOUTS = ['giantswarm', 'kubeadm'] as const;
export const PKI_ISSUERS = ['cert-operator', 'kubeadm', 'cert-manager'] as const;
/** The steps of a CA rotation (cert-rotate component `ca`), in their default order. */
export const CA_STEPS = ['trust-new', 'reissue', 'distrust-old'] as const;

/**
 * cert-operator reconciles every CertConfig on its resync period (operatorkit's default, 5 minutes): a
 * certificate whose TTL minus threshold is shorter than that is due again at every reconcile.
 */
export const RENEWAL_LOOP_FLOOR = 5 * 60_000;
/** cert-manager's webhook: duration at least 1h, renewBefore at least 5m (pkg/apis/certmanager const.go). */
export const CERT_MANAGER_MIN_DURATION = HOUR;
export const CERT_MANAGER_MIN_RENEW_BEFORE = 5 * 60_000;

/** A renewal schedule that cannot work: a threshold at or beyond the TTL, or renewals closer than the issuer's reconcile. */
export function checkRenewal(o: Rec, at: At, ctx: Ctx, ttlField: string, thresholdField: string, ttlDefault?: number): void {
  const ttl = (o[ttlField] as number | undefined) ?? ttlDefault;
  const threshold = o[thresholdField] as number | undefined;
  if (ttl === undefined || threshold === undefined) return;
  if (threshold >= ttl) errorAt(ctx, at(thresholdField), `the TTL (${ttl / HOUR}h) is not longer than its renewal threshold (${threshold / HOUR}h): the certificate would be due for renewal as soon as it is issued`);
  else if (ttl - threshold < RENEWAL_LOOP_FLOOR) errorAt(ctx, at(thresholdField), `TTL minus threshold is ${(ttl - threshold) / 1000}s, shorter than the issuer's 5m reconcile: every reconcile renews it again (a renewal loop)`);
}

const certificateSchema = obj(
  {
    name: req(str()),
    cluster: opt(str()),
    component: req(oneOf(PKI_COMPONENTS)),
    node: opt(str()),
    ttl: opt(duration),
    renewBefore: opt(duration),
    issuer: opt(oneOf(PKI_ISSUERS)),
    /** Which cluster's CA signs it (default its own): another tenant's is a cross-tenant trust. */
    signedBy: opt(str()),
    /** Clusters whose CA this component trusts besides its own. */
    trusts: opt(list(str())),
    organisation: opt(list(str())),
    sans: opt(list(str())),
    reload: opt(oneOf(['on-change', 'on-restart'])),
    /** Further components presenting the same certificate (a shared certificate). */
    sharedWith: opt(list(oneOf(PKI_COMPONENTS))),
  },
  { check: (o, at, ctx) => checkRenewal(o, at, ctx, 'ttl', 'renewBefore') },
);

const clusterPkiSchema = obj(
  {
    cluster: req(str()),
    layout: opt(oneOf(PKI_LAYOUTS)),
    issuer: opt(oneOf(PKI_ISSUERS)),
    renewThreshold: opt(duration),
    upgradeEvery: opt(duration),
  },
  {},
);

/** Lifetimes must be positive; a certificate outliving its CA, or rotated after it expired, is suspicious. */
function checkPki(o: Rec, at: At, ctx: Ctx): void {
  for (const k of ['caTTL', 'certTTL', 'rotationPeriod']) if (o[k] === 0) errorAt(ctx, at(k), `${k} must be positive`);
  const [ca, cert, rot] = [o.caTTL, o.certTTL, o.rotationPeriod] as (number | undefined)[];
  if (ca !== undefined && cert !== undefined && cert > ca) {
    const p = at('certTTL');
    ctx.sink.warn(p.src, p.path, 'certTTL is longer than caTTL: certificates will outlive their CA');
  }
  if (cert !== undefined && rot !== undefined && rot > cert) {
    const p = at('rotationPeriod');
    ctx.sink.warn(p.src, p.path, 'rotationPeriod is longer than certTTL: certificates expire before rotation');
  }
  checkRenewal(o, at, ctx, 'certTTL', 'renewThreshold');
}

export const pkiSchema = obj(
  {
    caTTL: def(duration, 87_600 * HOUR),
    certTTL: def(duration, 8_760 * HOUR),
    rotationPeriod: def(duration, 720 * HOUR),
    layout: def(oneOf(PKI_LAYOUTS), 'giantswarm'),
    issuer: opt(oneOf(PKI_ISSUERS)),
    renewThreshold: opt(duration),
    upgradeEvery: opt(duration),
    clusters: many(clusterPkiSchema),
    certificates: many(certificateSchema),
  },
  { check: checkPki },
);
