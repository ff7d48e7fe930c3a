// verdict: `calisim pki` — every certificate of every cluster (or one) at a point of the timeline: subject,
// SANs, issuer, key usage, organisation, validity, next renewal, reload behaviour and status, with the CA
// of each cluster and the consequences in force. The JSON shape is documented in docs/pki-json.md.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { EffectWindow } from '../../engine/pki/pki-effects.js';

/** Version tag of the listing. */
export const PKI_SCHEMA = 'calisim.pki/v1';

export interface CertListing {
  readonly name: string;
  readonly component: string;
  readonly node?: string;
  readonly host?: string;
  readonly subject: { readonly commonName: string; readonly organisation: readonly string[] };
  readonly sans: readonly string[];
  readonly issuer: { readonly kind: string; readonly ca: string | null; readonly caGeneration: number | null };
  readonly keyUsage: readonly string[];
  readonly ttl: number;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly nextRenewal: number | null;
  readonly renewal: string;
  readonly reload: { readonly mode: string; readonly delay: number; readonly source: string };
  readonly status: string;
  readonly pendingReload: boolean;
  /** For an ingress certificate: why an HTTPS handshake for its host fails now, if it does. */
  readonly https?: string;
  readonly file: string;
  readonly line: number;
}

export interface PkiListing {
  readonly schema: typeof PKI_SCHEMA;
  readonly scenario: string;
  readonly at: number;
  readonly clusters: readonly {
    readonly name: string;
    readonly mount: string;
    readonly layout: string;
    readonly issuer: string;
    readonly ca: { readonly ttl: number; readonly signingGeneration: number; readonly notAfter: number; readonly trustedGenerations: readonly [number, number] };
    readonly certificates: readonly CertListing[];
  }[];
  readonly consequences: readonly EffectWindow[];
}

/** The listing of a run at its current time; `cluster` restricts it to one cluster. */
export function pkiListing(run: PlatformRun, cluster?: string, showPath: (file: string) => string = (f) => f): PkiListing {
  const { pki } = run;
  const clusters = pki.model.clusters
    .map((c, ci) => ({ c, ci }))
    .filter(({ c }) => cluster === undefined || c.name === cluster)
    .map(({ c, ci }) => {
      const gen = pki.trust.signing(ci);
      return {
        name: c.name,
        mount: c.mount,
        layout: c.layout,
        issuer: c.issuer,
        ca: { ttl: c.caTTL, signingGeneration: gen, notAfter: pki.trust.notAfter(ci, gen), trustedGenerations: pki.trust.trustedRange(ci) },
        certificates: c.certs.map((i): CertListing => {
          const m = pki.model.certs[i]!;
          const s = pki.state(i);
          return {
            name: m.name,
            component: m.component,
            ...(m.nodeName !== undefined ? { node: m.nodeName } : {}),
            ...(m.host !== undefined ? { host: m.host } : {}),
            subject: { commonName: m.commonName, organisation: m.organisation },
            sans: m.sans,
            issuer: { kind: m.issuer, ca: m.signedBy >= 0 ? pki.model.clusters[m.signedBy]!.mount : null, caGeneration: m.signedBy >= 0 ? s.caGeneration : null },
            keyUsage: m.usages,
            ttl: m.ttl,
            notBefore: s.notBefore,
            notAfter: s.notAfter,
            nextRenewal: s.nextRenewal ?? null,
            renewal: m.rule,
            reload: { mode: m.reload, delay: m.reloadDelay, source: m.reloadSource },
            status: m.keyOnly ? 'key-only' : s.status,
            pendingReload: s.pendingReload,
            ...(m.host !== undefined && pki.effects.httpsFailure(m.host) !== undefined ? { https: pki.effects.httpsFailure(m.host)! } : {}),
            file: showPath(m.src.file),
            line: m.src.line,
          };
        }),
      };
    });
  const names = new Set(clusters.map((c) => c.name));
  return { schema: PKI_SCHEMA, scenario: run.model.scenario.name, at: run.sim.now, clusters, consequences: pki.effects.windowsSoFar().filter((e) => names.has(e.cluster)) };
}
