// verdict: the scenario's reachability expectations — every pod picked by `from` against every pod (or
// address) picked by `to`, on the stated protocol and port; `allow` holds when every pair is allowed,
// `deny` when every pair is denied. The first pair that breaks it is the counterexample.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { parseIpv4 } from '../../lib/ipv4.js';
import { parseSelector } from '../../lib/selector/parse.js';
import type { EndpointSelectorSpec, ExpectReach } from '../../scenario/types.js';
import type { ProbeResult } from '../policy/probes.js';
import { platformProbes, type ClusterPolicies } from '../reach/platform-probes.js';
import { serviceAddressEntry } from '../reach/service-address-entry.js';
import { fastEvaluate } from '../state/fast-evaluate.js';
import { decidingRule, responsibleOf } from './deciding-rule.js';
import type { AssertionStatus, Counterexample } from './types.js';

/** Outcome of one expectation at one point of the timeline. */
export interface ExpectationOutcome {
  readonly status: AssertionStatus;
  readonly detail: string;
  readonly counterexample?: Counterexample;
}

/** Endpoint names (`tenant/namespace/pod`) or addresses an EndpointSelectorSpec picks. */
export function pickEndpoints(run: PlatformRun, policies: readonly ClusterPolicies[], sel: EndpointSelectorSpec): string[] {
  if (sel.address !== undefined) return [sel.address];
  const selector = sel.selector !== undefined ? parseSelector(sel.selector) : undefined;
  const out: string[] = [];
  policies.forEach((c, ci) => {
    const cluster = run.model.clusters[ci]!;
    const want = sel.tenant === 'platform' ? cluster.kind === 'management' : sel.tenant === undefined || sel.tenant === c.name;
    if (!want) return;
    for (const e of c.model.endpoints) {
      if (e.hostNetwork || e.ip === undefined) continue;
      if (sel.namespace !== undefined && e.namespace !== sel.namespace) continue;
      if (sel.workload !== undefined && e.owner?.name !== sel.workload) continue;
      if (selector && !selector.matches(e.labels)) continue;
      out.push(`${c.name}/${e.namespace}/${e.name}`);
    }
  });
  return out;
}

/** Evaluates one expectation in the run's current state. */
export function evaluateExpectation(run: PlatformRun, policies: readonly ClusterPolicies[], x: ExpectReach): ExpectationOutcome {
  const from = pickEndpoints(run, policies, x.from);
  const to = pickEndpoints(run, policies, x.to);
  if (from.length === 0 || to.length === 0) {
    return { status: 'unknown', detail: `no running endpoint matches ${from.length === 0 ? '`from`' : '`to`'} at this time` };
  }
  const probes = from.flatMap((f) => to.filter((t) => t !== f).map((t) => ({ from: f, to: t, protocol: x.protocol, ...(x.port !== undefined ? { port: x.port } : {}) })));
  const { results, diagnostics } = platformProbes(policies, probes, x.src.file, run.model, fastEvaluate, serviceAddressEntry(run, policies, fastEvaluate));
  if (diagnostics.length) return { status: 'unknown', detail: diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ') };
  const wrong = results.find((r) => r.verdict !== x.expect && r.verdict !== 'unknown');
  if (wrong) return { status: 'fail', detail: `${wrong.from} → ${wrong.to} is ${wrong.verdict === "allow" ? "allowed" : "denied"}, expected ${x.expect}`, counterexample: counterexampleOf(run, wrong) };
  const unknown = results.find((r) => r.verdict === 'unknown');
  if (unknown) return { status: 'unknown', detail: `${unknown.from} → ${unknown.to} cannot be decided from the input` };
  return { status: 'pass', detail: `${results.length} flow(s) ${x.expect === 'allow' ? 'allowed' : 'denied'} as expected` };
}

function counterexampleOf(run: PlatformRun, r: ProbeResult): Counterexample {
  const [fromCluster] = r.from.split('/');
  const [toCluster] = r.to.split('/');
  const rules = [decidingRule('egress', fromCluster ?? '', r.egress), decidingRule('ingress', toCluster ?? '', r.ingress)];
  // The side that decided against the expectation is the one to change.
  const culprit = r.verdict === 'deny' ? rules.find((x) => x.action === 'deny') : rules.find((x) => x.decided === 'rule') ?? rules[1];
  const responsible = responsibleOf(culprit);
  const ip = (x: string): string | undefined => (parseIpv4(x) >= 0 ? x : undefined);
  return {
    at: run.sim.now,
    flow: { from: r.from, to: r.to, protocol: r.protocol, ...(r.port !== null ? { port: r.port } : {}), ...(ip(r.from) ? { srcIp: r.from } : {}), ...(ip(r.to) ? { dstIp: r.to } : {}) },
    trace: [
      `egress at ${r.egress.endpoint}: ${r.egress.action} (${r.egress.decided}${r.egress.policy ? ` by ${r.egress.policy.name}` : ''})`,
      `ingress at ${r.ingress.endpoint}: ${r.ingress.action} (${r.ingress.decided}${r.ingress.policy ? ` by ${r.ingress.policy.name}` : ''})`,
      `verdict: ${r.verdict}`,
    ],
    rules,
    ...(responsible ? { responsible } : {}),
  };
}

