// scenario: the platform's PKI lifetimes read back from the management cluster's pki/ folder — the CA's TTL from
// the Vault command that generates the root (`root/generate/internal ... ttl=`), the certificate TTL and the
// rotation period from its cert-manager Certificates (`duration`, and `duration - renewBefore` for cert-operator's
// scheduled re-issue) — over platform.pki's defaults; layout, issuers and per-certificate overrides are not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration } from '../schema/duration.js';
import { isFolder } from '../read/loader.js';
import { jsonAt } from './read-back-objects.js';
import type { Manifest, Millis, PkiSpec } from '../types.js';

/** The value most of `values` take (the smallest among equals), or undefined for none. */
function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/** The CA TTL the cluster's Vault script gives its root (`vault write .../root/generate/internal ... ttl=T`). */
function caTtlOf(dir: string): Millis | undefined {
  const folder = join(dir, 'pki');
  if (!isFolder(folder)) return undefined;
  for (const f of readdirSync(folder).sort()) {
    if (!/^vault-.*\.sh$/.test(f)) continue;
    const m = /\/root\/generate\/internal .* ttl=(\S+)/.exec(readFileSync(join(folder, f), 'utf8'));
    if (m !== null) return parseDuration(m[1]!);
  }
  return undefined;
}

const durationAt = (m: Manifest, field: string): Millis | undefined => {
  const v = jsonAt(m.body, field);
  return typeof v === 'string' ? parseDuration(v) : undefined;
};

/**
 * `defaults` with the lifetimes the management cluster's folder `dir` states: caTTL from its Vault script,
 * certTTL the Certificates' most common `duration`, rotationPeriod the most common `duration - renewBefore` of
 * those (cert-operator re-issues every rotation period: renewBefore = TTL - period, render-cert-manager.ts).
 */
export function readPkiLifetimes(dir: string, certificates: readonly Manifest[], defaults: PkiSpec): PkiSpec {
  const certs = certificates.filter((m) => m.kind === 'Certificate');
  const certTTL = mostCommon(certs.map((m) => durationAt(m, 'spec.duration')).filter((d): d is number => d !== undefined));
  const periods = certs.flatMap((m) => {
    const [d, b] = [durationAt(m, 'spec.duration'), durationAt(m, 'spec.renewBefore')];
    return d === certTTL && d !== undefined && b !== undefined ? [d - b] : [];
  });
  const rotationPeriod = mostCommon(periods);
  const caTTL = caTtlOf(dir);
  return {
    ...defaults,
    ...(caTTL === undefined ? {} : { caTTL }),
    ...(certTTL === undefined ? {} : { certTTL }),
    ...(rotationPeriod === undefined ? {} : { rotationPeriod }),
  };
}
