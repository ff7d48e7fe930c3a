// scenario: what `platform.pki` and `cert-rotate` events name must exist — clusters, nodes, components —
// and a CA rotation's overlap must fit in the old CA's remaining life.
import { didYouMean } from '../schema/did-you-mean.js';
import { CERT_MANAGER_MIN_DURATION, CERT_MANAGER_MIN_RENEW_BEFORE, LEGACY_COMPONENTS, PKI_COMPONENTS, RENEWAL_LOOP_FLOOR } from '../schema/pki-schema.js';
import { problemAt, type Ctx } from '../provenance.js';
import type { ClusterSpec, PkiSpec, TimelineEventSpec } from '../types.js';

const HOUR = 3_600_000;

/** Cross-references of the PKI section and the certificate events. */
export function checkPki(pki: PkiSpec | undefined, clusters: readonly ClusterSpec[], events: readonly TimelineEventSpec[], mgmt: string | undefined, ctx: Ctx): void {
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const known = (rec: object, field: string, name: string | undefined): ClusterSpec | undefined => {
    if (name === undefined) return undefined;
    const c = byName.get(name);
    if (c === undefined) problemAt(ctx, rec, field, `cluster ${name} does not exist${didYouMean(name, byName.keys())}`);
    return c;
  };
  for (const c of pki?.clusters ?? []) {
    known(c, 'cluster', c.cluster);
    const ttl = pki!.certTTL;
    if (c.renewThreshold !== undefined && c.renewThreshold >= ttl)
      problemAt(ctx, c, 'renewThreshold', `the TTL (${ttl / HOUR}h) is not longer than its renewal threshold (${c.renewThreshold / HOUR}h)`);
    else if (c.renewThreshold !== undefined && ttl - c.renewThreshold < RENEWAL_LOOP_FLOOR)
      problemAt(ctx, c, 'renewThreshold', 'TTL minus threshold is shorter than the issuer\'s 5m reconcile: a renewal loop');
  }
  for (const cert of pki?.certificates ?? []) {
    const owner = known(cert, 'cluster', cert.cluster);
    known(cert, 'signedBy', cert.signedBy);
    cert.trusts?.forEach((t, i) => known(cert, `trusts[${i}]`, t));
    if (cert.node !== undefined) {
      const names = (owner ? [owner] : clusters).flatMap((c) => c.nodes.map((n) => n.name));
      if (!names.includes(cert.node)) problemAt(ctx, cert, 'node', `node ${cert.node} does not exist${didYouMean(cert.node, names)}`);
    }
    if (cert.issuer === 'cert-manager' && cert.ttl !== undefined && cert.ttl < CERT_MANAGER_MIN_DURATION)
      problemAt(ctx, cert, 'ttl', 'cert-manager refuses a duration shorter than 1h');
    if (cert.issuer === 'cert-manager' && cert.renewBefore !== undefined && cert.renewBefore < CERT_MANAGER_MIN_RENEW_BEFORE)
      problemAt(ctx, cert, 'renewBefore', 'cert-manager refuses a renewBefore shorter than 5m');
  }
  const caIssued = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'cert-rotate') continue;
    const cluster = e.tenant ?? mgmt ?? '';
    if (e.component !== undefined && e.component !== 'ca' && !(PKI_COMPONENTS as readonly string[]).includes(e.component) && LEGACY_COMPONENTS[e.component] === undefined) {
      problemAt(ctx, e, 'component', `unknown component ${e.component}${didYouMean(e.component, ['ca', ...PKI_COMPONENTS, ...Object.keys(LEGACY_COMPONENTS)])}`);
    }
    if ((e.overlap !== undefined || e.order !== undefined) && e.component !== 'ca') problemAt(ctx, e, e.overlap !== undefined ? 'overlap' : 'order', 'overlap and order apply to a CA rotation (component: ca)');
    if (e.component !== 'ca') continue;
    const since = caIssued.get(cluster) ?? 0;
    const caTTL = pki?.caTTL ?? 87_600 * HOUR;
    const left = since + caTTL - e.at;
    if (e.overlap !== undefined && e.overlap > left)
      problemAt(ctx, e, 'overlap', `the overlap (${e.overlap / HOUR}h) is longer than the old CA's remaining life (${(left / HOUR).toFixed(1)}h at t=${e.at / 1000}s)`);
    if (e.order !== undefined && new Set(e.order).size !== 3) problemAt(ctx, e, 'order', 'order lists each of trust-new, reissue, distrust-old once');
    caIssued.set(cluster, e.at);
  }
}
