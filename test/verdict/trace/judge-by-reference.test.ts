// A trace judged by the reference evaluator (judgeByReference, what `calisim trace` does) equals the trace
// judged by the compiled policies, hop for hop and explanation for explanation: random pods, nodes and
// addresses of the default scenario, on the ports its policies name and others, both directions of the
// management cluster's outer wall among them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { judgeByReference } from '../../../src/verdict/state/cluster-twins.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';

describe('judgeByReference', () => {
  it('gives the traces the compiled policies give', () => {
    const run = runPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), { until: 30_000 });
    const compiled = policyModelsOf(run).clusters;
    const reference = policyModelsOf(run).clusters;
    judgeByReference(reference);
    const pods = run.pods.pods.filter((p) => p.phase === 'running').map((p) => `${run.model.clusters[p.cluster]!.name}/${p.namespace}/${p.name}`);
    const ends = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pods) }, { weight: 1, arbitrary: fc.constantFrom(...run.model.nodes.map((n) => n.name), '192.0.2.7', '10.0.0.5') });
    const protocols = [['TCP', 6], ['UDP', 17], ['SCTP', 132]] as const;
    let walls = 0;
    fc.assert(
      fc.property(ends, ends, fc.constantFrom(...protocols), fc.constantFrom(22, 53, 80, 443, 5432, 6379, 8080, 9000, 30000), (from, to, [protocolName, protocol], port) => {
        const req = { from, to, protocol, protocolName, port, size: 64 };
        const want = tracePacket(run, compiled, req);
        expect(tracePacket(run, reference, req)).toEqual(want);
        if (typeof want !== 'string' && want.hops.some((h) => h.step === 'management-policy')) walls++;
      }),
      { numRuns: 400 },
    );
    expect(walls).toBeGreaterThan(20);
  });
});
