// verdict: `calisim check` — runs the scenario and evaluates its expectations and the built-in invariants
// at every point of the timeline (the initial state, right after each event, and once the stated
// convergence window has passed), keeping for each assertion the first time it failed and why.
import { advancePlatform, createPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import type { Model } from '../../model/types.js';
import { policyModelsOf, type PolicyModels } from '../state/policy-models.js';
import { evaluateExpectation } from './expectations.js';
import { certificates, ipamHeadroom, loadBalancers, mtuConsistency, podsPlaced } from './invariants.js';
import { convergenceAssertion, routeLeakAssertions, sessionAssertions } from './bgp-assertions.js';
import { exposureAssertion } from './exposure.js';
import { ingressConflictAssertions } from './ingress-conflicts.js';
import { httpRouteRuleAssertions } from './httproute-rules.js';
import { ingressRouteAssertions, routeReaches } from './ingress-routes.js';
import { checkIsolation } from './isolation.js';
import { designFindings, pkiAssertions } from '../pki/pki-assertions.js';
import { CHECK_SCHEMA, type AssertionResult, type CheckReport } from './types.js';

export interface CheckOptions {
  readonly seed?: number;
  readonly progress?: (message: string) => void;
  /**
   * The run to check, created with the same seed and not yet advanced, and how to advance it (`check --viz`
   * records the page while it advances: one simulation); default a fresh run advanced directly.
   */
  readonly platform?: { readonly run: PlatformRun; advance(until: number): void };
}

/** Evaluates every assertion over the timeline. */
export function runCheck(model: Model, options: CheckOptions = {}): CheckReport {
  const scenario = model.scenario;
  const seed = options.seed ?? scenario.seed;
  const run = options.platform?.run ?? createPlatform(model, { seed });
  const advance = options.platform ? (t: number): void => options.platform!.advance(t) : (t: number): void => void advancePlatform(run, t);
  const points = checkPoints(model);
  const results = new Map<string, AssertionResult>();
  let built: PolicyModels | undefined;
  let isolation: AssertionResult[] = [];
  let reach: AssertionResult[] = [];
  let leaks: AssertionResult[] = [];
  let exposure: AssertionResult | undefined;
  let routingKey = '';
  let nodesKey = '';
  let ingressRoutes: AssertionResult[] = [];
  const conflicts = ingressConflictAssertions(model);
  const designed = designFindings(run);
  for (const p of points) {
    advance(p.at);
    options.progress?.(`checking at t=${p.at / 1000}s (${p.label})`);
    const next = policyModelsOf(run, built);
    const prev = built;
    // Policy verdicts change only with policies or pods: re-evaluate isolation when a model changed.
    const changed = !prev || next.clusters.some((c, i) => c !== prev.clusters[i]);
    built = next;
    if (changed) {
      isolation = isolationAssertions(run, next.clusters);
      reach = scenario.expect.reach.map((x, i) => {
        const o = evaluateExpectation(run, next.clusters, x);
        return {
        id: `reach/${i}`,
        kind: 'reach',
        title: x.description ?? `${describe(x.from)} → ${describe(x.to)} ${x.protocol}${x.port !== undefined ? ` ${x.port}` : ''}: ${x.expect}`,
        status: o.status,
        src: x.src,
        detail: o.detail,
          ...(o.counterexample ? { counterexample: o.counterexample } : {}),
        };
      });
    }
    // Routes' backends follow pods and nodes: re-evaluate when a model or a node's state changed.
    const nodes = run.nodeUp.join('');
    if (changed || nodes !== nodesKey) {
      const reaches = routeReaches(run, next.clusters);
      exposure = exposureAssertion(run, reaches);
      ingressRoutes = [...ingressRouteAssertions(run, reaches), ...httpRouteRuleAssertions(run, next.clusters)];
      nodesKey = nodes;
    }
    const now: AssertionResult[] = [...isolation, ...reach, exposure!, ...ingressRoutes, ...conflicts];
    // Routes change only when BGP does: reuse the leak assertions while no route changed.
    const routing = JSON.stringify(run.bgp.net.convergence().at(-1) ?? null) + run.nodeUp.join('');
    if (routing !== routingKey) {
      leaks = routeLeakAssertions(run);
      routingKey = routing;
    }
    now.push(...leaks);
    const within = scenario.expect.convergeWithin;
    // Sessions are judged where routes must have settled: after a convergence window, and at the horizon.
    if (p.settled) now.push(...sessionAssertions(run));
    if (within !== undefined) now.push(convergenceAssertion(run, within));
    const headroom = scenario.expect.ipamHeadroom;
    const inv = [...podsPlaced(run), ...(headroom !== undefined ? ipamHeadroom(run, headroom) : []), ...(scenario.expect.consistentMtu ? mtuConsistency(run) : []), certificates(run), ...loadBalancers(run)];
    for (const o of inv) now.push({ id: o.id, kind: o.kind, title: o.title, status: o.status, detail: o.detail });
    for (const a of now) merge(results, a, p.at);
  }
  // Certificate windows are judged once the run reached the horizon, each with its own first failure time.
  for (const a of pkiAssertions(run, designed)) results.set(a.id, a);
  const assertions = [...results.values()];
  const count = (s: string): number => assertions.filter((a) => a.status === s).length;
  return {
    schema: CHECK_SCHEMA,
    scenario: scenario.name,
    seed,
    points: points.map((p) => ({ at: p.at, label: p.label })),
    assertions,
    summary: { total: assertions.length, passed: count('pass'), failed: count('fail'), unknown: count('unknown') },
  };
}

/**
 * 0, each event time, and each event time plus the convergence window (when stated), up to the horizon.
 * `settled` marks the points where routing must have converged (a window after the start or an event
 * has passed with no event in between, and the horizon).
 */
function checkPoints(model: Model): { at: number; label: string; settled: boolean }[] {
  const s = model.scenario;
  const settle = s.expect.convergeWithin;
  const at = new Map<number, string>([[0, 'initial state']]);
  const starts = [0, ...s.events.map((e) => e.at)];
  s.events.forEach((e) => {
    if (!at.has(e.at)) at.set(e.at, `after ${e.kind}${e.tenant ? ` ${e.tenant}` : ''}`);
  });
  if (settle !== undefined)
    for (const t of starts) if (t + settle <= s.horizon && !at.has(t + settle)) at.set(t + settle, `${settle / 1000}s after t=${t / 1000}s`);
  if (!at.has(s.horizon)) at.set(s.horizon, 'horizon');
  const quiet = (t: number): boolean => settle !== undefined && starts.every((x) => x > t || x + settle <= t);
  return [...at.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([t, label]) => ({ at: t, label, settled: t === s.horizon || quiet(t) }));
}

function isolationAssertions(run: PlatformRun, clusters: Parameters<typeof checkIsolation>[1]): AssertionResult[] {
  const iso = run.model.scenario.expect.isolation;
  const tenants = run.model.clusters.filter((c) => c.kind === 'tenant').map((c) => c.name);
  const pairs: (readonly [string, string])[] =
    iso === 'none' ? [] : iso === 'all' ? tenants.flatMap((a) => tenants.filter((b) => b !== a).map((b) => [a, b] as const)) : iso.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]);
  return checkIsolation(run, clusters, pairs).map((r) => ({
    id: `isolation/${r.from}->${r.to}`,
    kind: 'isolation',
    title: `no pod of ${r.from} reaches a pod, node or service of ${r.to}`,
    status: r.isolated ? 'pass' : 'fail',
    detail: r.isolated
      ? `pods stopped by the ${r.stoppedBy.pods}, nodes by the ${r.stoppedBy.nodes}, services by ${r.stoppedBy.services}`
      : `${r.counterexample!.flow.from} reaches ${r.counterexample!.flow.to} (${r.counterexample!.flow.protocol} ${r.counterexample!.flow.port ?? ''}) through the ${r.counterexample!.layer}`,
    ...(r.counterexample ? { counterexample: r.counterexample } : {}),
  }));
}

/** Keeps the worst outcome over the timeline: fail beats unknown beats pass; the first failure is kept. */
function merge(results: Map<string, AssertionResult>, a: AssertionResult, at: number): void {
  const prev = results.get(a.id);
  const rank = { pass: 0, unknown: 1, fail: 2 } as const;
  if (prev && rank[prev.status] >= rank[a.status]) return;
  results.set(a.id, a.status === 'pass' ? a : { ...a, failedAt: at });
}

function describe(e: { tenant?: string; namespace?: string; workload?: string; selector?: string; address?: string }): string {
  if (e.address !== undefined) return e.address;
  return [e.tenant, e.namespace, e.workload].filter((x) => x !== undefined).join('/') + (e.selector ? ` [${e.selector}]` : '');
}
