// verdict: the certificate verdicts of `calisim check` at one point of the timeline — the design findings
// plus every window seen so far (expired before renewal, presented although renewed, distrusted during a
// CA rotation, signed by an expired CA) and their network consequences, each naming the certificate's
// defining file and line and the window.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { AssertionResult } from '../check/types.js';
import { simTime } from './sim-time.js';
import { staticFindings, type Finding, type PkiVerdict } from './static-findings.js';

const TITLES: Readonly<Record<PkiVerdict, string>> = {
  'expires-before-renewal': 'no certificate expires before its renewal (or, with kubeadm, before the next upgrade)',
  'not-reloaded': 'every renewed certificate is picked up by its component before the old one expires',
  'ca-rotation-overlap': 'CA rotations keep old and new CA trusted until every certificate was re-issued and reloaded',
  'tenant-trust': 'no component trusts, or is signed by, another tenant\'s CA',
  'shared-certificate': 'every component has its own certificate',
  'over-privileged': 'no client certificate but the admin\'s carries O=system:masters',
  'ca-expiry': 'no CA expires inside the horizon',
  consequences: 'no certificate problem reaches the network (Felix/Typha, node readiness, IPAM, HTTPS)',
};

const VERDICTS = Object.keys(TITLES) as PkiVerdict[];
const SHOWN = 5;

/** Findings so far: the design's and the run's windows. */
export function pkiFindings(run: PlatformRun, designed: readonly Finding[]): Finding[] {
  const certs = run.pki.model.certs;
  const byKey = new Map(certs.map((c) => [`${c.clusterName}/${c.name}`, c]));
  const seen: Finding[] = [];
  for (const w of run.pki.windowsSoFar()) {
    const c = byKey.get(`${w.cluster}/${w.name}`)!;
    const verdict: PkiVerdict = w.reason === 'expired' ? 'expires-before-renewal' : w.reason === 'not-reloaded' ? 'not-reloaded' : w.reason === 'untrusted' ? 'ca-rotation-overlap' : 'ca-expiry';
    const what = w.reason === 'expired' ? 'expired' : w.reason === 'not-reloaded' ? `renewed but still presented by ${c.component} (${c.reload}: ${c.reloadSource})` : w.reason === 'untrusted' ? 'signed by a CA its peers no longer trust' : 'signed by an expired CA';
    seen.push({ verdict, cluster: w.cluster, certificate: w.name, src: c.src, from: w.from, ...(w.to !== undefined ? { to: w.to } : {}), detail: `${w.cluster}/${w.name} ${what} ${windowText(w.from, w.to)}` });
  }
  for (const e of run.pki.effects.windowsSoFar()) {
    const c = byKey.get(`${e.cluster}/${e.certificate}`);
    const where = e.node ?? e.host ?? e.cluster;
    seen.push({ verdict: 'consequences', cluster: e.cluster, certificate: e.certificate, src: c?.src ?? run.model.scenario.platform?.pki.src ?? { file: '<input>', line: 0, col: 0 }, from: e.from, ...(e.to !== undefined ? { to: e.to } : {}), detail: `${e.kind} on ${where} because of ${e.certificate} ${windowText(e.from, e.to)}` });
  }
  const dynamic = new Set(seen.map((f) => `${f.verdict}/${f.cluster}/${f.certificate}`));
  // Design findings first (a CA expiring, a rotation without overlap: the cause), then what the run saw.
  return [...designed.filter((f) => !dynamic.has(`${f.verdict}/${f.cluster}/${f.certificate}`)), ...seen];
}

/** The design findings of a run's scenario (computed once per check). */
export function designFindings(run: PlatformRun): Finding[] {
  const s = run.model.scenario;
  return staticFindings(run.pki.model, s.events, s.horizon, run.model.clusters[Math.max(0, run.model.management)]!.name);
}

/** One assertion per verdict, failing with its offenders (the first one's file and line as `src`). */
export function pkiAssertions(run: PlatformRun, designed: readonly Finding[]): AssertionResult[] {
  const findings = pkiFindings(run, designed);
  return VERDICTS.map((v) => {
    const mine = findings.filter((f) => f.verdict === v);
    const first = mine[0];
    const listed = mine.slice(0, SHOWN).map((f) => `${f.detail} (${f.src.file}:${f.src.line})`);
    return {
      id: `certificates/${v}`,
      kind: 'certificates' as const,
      title: TITLES[v],
      status: first === undefined ? ('pass' as const) : ('fail' as const),
      ...(first !== undefined ? { src: first.src, failedAt: Math.min(...mine.map((f) => f.from ?? 0)) } : {}),
      detail: first === undefined ? 'holds' : listed.join('; ') + (mine.length > SHOWN ? `; and ${mine.length - SHOWN} more` : ''),
    };
  });
}

function windowText(from: number, to: number | undefined): string {
  return `from t=${simTime(from)} ${to === undefined ? 'on (still open)' : `to t=${simTime(to)}`}`;
}
