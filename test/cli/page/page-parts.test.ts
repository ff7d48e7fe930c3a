// The page's worker part (src/cli/page/page-parts.ts: the input loaded again, a run with BGP deferred to the
// cursor, the matrix and layout computed there, each message cloned as it crosses threads) gives the same
// viz data byte for byte as the page computed in-thread, on the default scenario, a failing variant and a
// reduced large one, and at any seed and cursor (a property, events before the cursor included); a part
// computed for another state is refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/cli/display-path.js';
import { agreedPart, computePageParts, pageRequest, type PageMessage } from '../../../src/cli/page/page-parts.js';
import { recordViz, type PageParts } from '../../../src/emit/viz/build-viz-data.js';
import { createPlatform, advancePlatform } from '../../../src/engine/platform/run-platform.js';
import { DEFAULT_LIMITS } from '../../../src/lib/limits.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { policyChangeEffects } from '../../../src/verdict/diff/policy-change-effects.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-page-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The default scenario with a management rule admitting tenant acme into every tenant's VMs (check fails). */
function breachScenario(): string {
  const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
  const anchor = "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"projectcalico.org/name == 'ingress-nginx'\" }";
  expect(base).toContain(anchor);
  const file = join(dir, 'breach.yaml');
  writeFileSync(file, base.replace(anchor, anchor.replace('          ingress:\n', "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"calisim.io/tenant == 'acme'\" }\n")));
  return file;
}

interface Options {
  readonly seed?: number;
  readonly at?: number;
}

/** The page's viz data of `file` as JSON, with `parts` from elsewhere or all in-thread. */
function pageJson(file: string, options: Options, parts?: PageParts): string {
  const model = buildModel(loadScenarios([file]));
  const seed = options.seed ?? model.scenario.seed;
  const end = model.scenario.horizon;
  const recording = recordViz(createPlatform(model, { seed, onPolicyChange: policyChangeEffects }), seed, end, { display: displayPath, ...(options.at !== undefined ? { at: options.at } : {}), ...(parts ? { parts } : {}) });
  recording.advance(end);
  return JSON.stringify(recording.finish());
}

/** What the worker sends for `file`, each message cloned as postMessage clones it. */
function workerMessages(file: string, options: Options): PageMessage[] {
  const messages: PageMessage[] = [];
  computePageParts({ ...pageRequest([file], {}, options), limits: DEFAULT_LIMITS }, (m) => messages.push(structuredClone(m)));
  return messages;
}

/** The worker's parts; the cursor part must agree with the run's state (else the test would compare in-thread with itself). */
function workerParts(messages: readonly PageMessage[]): PageParts & { used: number } {
  const cursor = messages.find((m) => m.kind === 'cursor');
  const layout = messages.find((m) => m.kind === 'layout');
  const parts = {
    used: 0,
    cursor(run: Parameters<PageParts['cursor']>[0]) {
      const part = agreedPart(cursor, run);
      expect(part).toBeDefined();
      parts.used++;
      return part;
    },
    layout: () => layout?.layout,
  };
  return parts;
}

function expectSamePage(file: string, options: Options = {}): void {
  const parts = workerParts(workerMessages(file, options));
  expect(pageJson(file, options, parts)).toBe(pageJson(file, options));
  expect(parts.used).toBe(1);
}

describe("the page's worker part", () => {
  it('equals the in-thread page on the default scenario', () => {
    expectSamePage('scenarios/giantnetes.yaml');
  });

  it('equals the in-thread page on a failing variant (an isolation breach with its counterexample)', () => {
    const file = breachScenario();
    const json = pageJson(file, {});
    expect(JSON.parse(json).matrix.tenants.some((c: { verdict: string }) => c.verdict === 'allow')).toBe(true);
    expectSamePage(file);
  });

  it('equals the in-thread page on a reduced large scenario', () => {
    expectSamePage('test/fixtures/identity/large-reduced.yaml');
  });

  it('equals the in-thread page at any seed and cursor, events before the cursor included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 12 * 60_000 }), (seed, at) => {
        expectSamePage('scenarios/giantnetes.yaml', { seed, at });
      }),
      { seed: 1507, numRuns: 4 },
    );
  });

  it('is refused for another state: another cursor, a pod stopped, a policy applied', () => {
    const model = buildModel(loadScenarios(['scenarios/giantnetes.yaml']));
    const run = createPlatform(model, { seed: model.scenario.seed });
    advancePlatform(run, 30_000);
    const cursorOf = (options: Options) => workerMessages('scenarios/giantnetes.yaml', options).find((m) => m.kind === 'cursor');
    const own = cursorOf({});
    expect(agreedPart(own, run)).toBeDefined();
    expect(agreedPart(cursorOf({ at: 31_000 }), run)).toBeUndefined();
    const pod = run.pods.pods.find((p) => p.phase === 'running')!;
    run.pods.terminate(pod, run.sim.now);
    expect(agreedPart(own, run)).toBeUndefined();
    const other = createPlatform(model, { seed: model.scenario.seed });
    advancePlatform(other, 30_000);
    const cluster = other.model.clusters.findIndex((c) => other.policies.of(c.id).length > 0);
    other.policies.apply(cluster, [other.policies.of(cluster)[0]!]);
    expect(agreedPart(own, other)).toBeUndefined();
  });
});
