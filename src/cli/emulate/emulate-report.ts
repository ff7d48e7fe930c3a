// cli/emulate: the report of `calisim emulate` — per tenant each phase (real convergence time against the
// simulated one, and every disagreement with both values) and the dataplane probes, as text or JSON.
import type { TenantReport } from './emulate-tenant.js';
import type { UpSummary } from './views/session-times.js';

export interface EmulateReport {
  readonly scenario: string;
  readonly bird: string;
  readonly agree: boolean;
  readonly tenants: readonly TenantReport[];
}

/** Whether every phase and every probe of every tenant agrees. */
export function allAgree(tenants: readonly TenantReport[]): boolean {
  return tenants.every((t) => t.phases.every((p) => p.disagreements.length === 0) && t.dataplane.every((d) => d.ok));
}

const ms = (v: number | null): string => (v === null ? '—' : `${(v / 1000).toFixed(1)} s`);

/** "first 2 s, median 2 s, last 8 s after start (9 sessions, 1 not Established)". */
function upText(u: UpSummary, digits: number): string {
  const s = (v: number | null): string => (v === null ? '—' : `${v.toFixed(digits)} s`);
  const down = u.notEstablished > 0 ? `, ${u.notEstablished} not Established` : '';
  return `first ${s(u.firstS)}, median ${s(u.medianS)}, last ${s(u.lastS)} after start (${u.sessions} sessions${down})`;
}

export function emulateText(r: EmulateReport): string {
  const out = [`calisim emulate ${r.scenario} on ${r.bird}`];
  for (const t of r.tenants) {
    out.push('', `${t.tenant} (${t.speakers} speakers)`);
    for (const p of t.phases) {
      const verdict = p.disagreements.length === 0 ? 'agree' : `${p.disagreements.length} disagreement(s)`;
      out.push(`  ${p.label}: ${verdict}; real BIRD ${ms(p.realMs)}, simulated ${ms(p.simulatedMs)}`);
      for (const d of p.disagreements) out.push(`    ${d.node} ${d.prefix} from ${d.from} ${d.field}: real ${d.real}, simulated ${d.simulated}`);
    }
    const u = t.sessionsUp;
    if (u.real.sessions > 0) out.push(`  node sessions up: real BIRD ${upText(u.real, 0)}; simulated ${upText(u.simulated, 1)}`);
    const bad = t.dataplane.filter((d) => !d.ok);
    out.push(`  dataplane: ${t.dataplane.length - bad.length}/${t.dataplane.length} probes agree`);
    for (const d of bad) {
      out.push(`    ${d.from} → ${d.to} ${d.address}: kernel next hop ${d.actual ?? 'none'} (simulated ${d.expected.join(', ') || 'none'}), TCP ${d.connected ? 'connected' : 'failed'}`);
    }
    for (const s of t.skipped) out.push(`  not replayed: ${s}`);
  }
  out.push('', r.agree ? 'Real BIRD and the simulation agree.' : 'Real BIRD and the simulation DISAGREE.');
  return `${out.join('\n')}\n`;
}
