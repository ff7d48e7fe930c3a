// A trace asked of a run with BGP deferred (BGP simulated again only when the trace reads a FIB) answers
// exactly what the trace of the full run answers: pods, nodes, VIPs, ClusterIPs and outside addresses of
// the default scenario and the PKI expiry scenario, at points of their timelines (before, during and after
// node failures, monitor probes and certificate expiry). Both paths must occur: traces between clusters and
// through VIPs answer without BGP, traces within a cluster read a FIB and fall back to the full run.
import { describe, expect, it } from 'vitest';
import { runPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { askWithBgpOnDemand, readsBgp, withoutBgp } from '../../../src/cli/load/bgp-on-demand.js';
import { loadRun } from '../../../src/cli/load/load-run.js';
import { tracePacket, type TraceRequest } from '../../../src/verdict/trace/trace-packet.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';

/** One running pod, one node and one Service ClusterIP of every cluster, the load balancers' VIPs, an outside address. */
function endsOf(run: PlatformRun): string[] {
  const out: string[] = [];
  for (const c of run.model.clusters) {
    const pods = run.pods.pods.filter((p) => p.cluster === c.id && p.phase === 'running' && !p.base.hostNetwork);
    for (const p of pods.slice(-1)) out.push(`${c.name}/${p.base.namespace}/${p.name}`);
    out.push(run.model.nodes[c.nodes[c.nodes.length - 1]!]!.name);
    out.push(...c.services.slice(0, 1).map((s) => s.clusterIP));
  }
  for (const lb of run.model.scenario.platform?.loadBalancers ?? []) for (const v of lb.vips) out.push(v.address);
  out.push('198.51.100.7');
  return [...new Set(out)];
}

const PACKETS: readonly Omit<TraceRequest, 'from' | 'to'>[] = [
  { protocol: 6, protocolName: 'TCP', port: 443 },
  { protocol: 1, protocolName: 'ICMP', size: 1400 },
];

/** Every pair of ends at each time: the deferred run's answer equals the full run's, unless it reads BGP. */
function compare(file: string, times: readonly string[]): { withoutBgp: number; withBgp: number } {
  let answered = 0;
  let fellBack = 0;
  for (const at of times) {
    const loaded = loadRun([file], at, {}, { policyOnly: true });
    const full = runPlatform(loaded.run.model, { until: loaded.until });
    const policies = policyModelsOf(loaded.run).clusters;
    const fullPolicies = policyModelsOf(full).clusters;
    // What a trace reads besides BGP: the balancers' member transitions and the certificates' effects.
    expect(loaded.run.monitors.transitions, at).toEqual(full.monitors.transitions);
    expect(JSON.stringify(loaded.run.pki.effects), at).toBe(JSON.stringify(full.pki.effects));
    const ends = endsOf(full);
    for (const from of ends) {
      for (const to of ends) {
        if (from === to) continue;
        for (const p of PACKETS) {
          const req = { ...p, from, to };
          try {
            const got = tracePacket(withoutBgp(loaded.run), policies, req);
            expect(got, `${at} ${from} → ${to} ${p.protocolName}`).toEqual(tracePacket(full, fullPolicies, req));
            answered++;
          } catch (e) {
            if (!readsBgp(e)) throw e;
            fellBack++;
          }
        }
      }
    }
  }
  return { withoutBgp: answered, withBgp: fellBack };
}

describe('a trace with BGP on demand', () => {
  it('answers as the full run on the default scenario, through its failures', () => {
    const n = compare('scenarios/giantnetes.yaml', ['30s', '100s', '15m']);
    expect(n.withoutBgp).toBeGreaterThan(500);
    expect(n.withBgp).toBeGreaterThan(50);
  });

  it('answers as the full run while certificates expire', () => {
    const n = compare('scenarios/pki/typha-expiry.yaml', ['30s', '3h30m']);
    expect(n.withoutBgp).toBeGreaterThan(20);
  });

  it("answers as the full run while a balancer's monitor notices a member's loss", () => {
    // The ingress pod of one member stops at 60 s; the monitor (every 5 s, timeout 16 s, from a phase drawn
    // after BGP's seed, which a deferred run draws too) marks the member down at 75.215 s.
    const n = compare('test/fixtures/loadbalancer/local-failover.yaml', ['62s', '75s', '75210ms', '76s', '90s']);
    expect(n.withoutBgp).toBeGreaterThan(100);
  });

  it('runs BGP when the trace reads a FIB, to the same time', () => {
    const loaded = loadRun(['scenarios/giantnetes.yaml'], '100s', {}, { policyOnly: true });
    const policies = policyModelsOf(loaded.run).clusters;
    const req = { protocol: 1, protocolName: 'ICMP', from: 'acme/acme-1', to: 'acme/acme-2' };
    let asked = 0;
    const got = askWithBgpOnDemand(loaded, (run) => (asked++, tracePacket(run, policies, req)));
    expect(asked).toBe(2);
    const full = runPlatform(loaded.run.model, { until: 100_000 });
    expect(got).toEqual(tracePacket(full, policyModelsOf(full).clusters, req));
  });
});
