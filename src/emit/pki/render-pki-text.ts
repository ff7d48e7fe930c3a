// emit: the text form of `calisim pki` — per cluster its Vault mount and CA, then one block per certificate
// (subject, SANs, issuer, usages, validity, next renewal, status) and the consequences in force.
import type { PkiListing } from '../../verdict/pki/pki-listing.js';
import { formatSimTime } from '../check/format-sim-time.js';

const t = (ms: number | null): string => (ms === null ? 'none' : Number.isFinite(ms) ? formatSimTime(ms) : 'never');

/** Renders the listing for a terminal. */
export function renderPkiText(l: PkiListing): string {
  const out = [`PKI of ${l.scenario} at t=${t(l.at)}`];
  for (const c of l.clusters) {
    out.push('', `${c.name}: Vault mount ${c.mount}, layout ${c.layout}, leaf issuer ${c.issuer}; root CA generation ${c.ca.signingGeneration} (TTL ${t(c.ca.ttl)}) valid until t=${t(c.ca.notAfter)}, trusted generations ${c.ca.trustedGenerations.join('-')}`);
    for (const x of c.certificates) {
      const where = x.node ?? x.host;
      out.push(`  ${x.name}${where ? ` (${where})` : ''}  ${x.status.toUpperCase()}${x.pendingReload ? ' (renewed, not yet reloaded)' : ''}`);
      out.push(`      subject CN=${x.subject.commonName}${x.subject.organisation.map((o) => `, O=${o}`).join('')}; SANs ${x.sans.length ? x.sans.join(', ') : '-'}`);
      out.push(`      issuer ${x.issuer.kind}${x.issuer.ca ? ` via ${x.issuer.ca} (CA generation ${x.issuer.caGeneration})` : ''}; key usage ${x.keyUsage.join(', ')}`);
      if (x.https !== undefined) out.push(`      HTTPS: ${x.https}`);
      out.push(`      valid t=${t(x.notBefore)} .. t=${t(x.notAfter)}; next renewal ${x.nextRenewal === null ? 'none' : `t=${t(x.nextRenewal)}`}; reload ${x.reload.mode}${x.reload.delay ? ` after ${t(x.reload.delay)}` : ''}  [${x.file}:${x.line}]`);
    }
  }
  if (l.consequences.length) {
    out.push('', 'Consequences:');
    for (const e of l.consequences) out.push(`  t=${t(e.from)}..${e.to === undefined ? '' : `t=${t(e.to)}`}  ${e.kind} on ${e.node ?? e.host ?? e.cluster} (${e.certificate})`);
  }
  return out.join('\n') + '\n';
}
