// The page's worker thread for real (the compiled bundle, dist/cli-bundle/page-worker.js: `npm test` builds
// first): it answers with the cursor part and layout the page computes in-thread; `calisim run`, spawned,
// writes byte for byte the HTML that the in-thread page (this process, from the sources) writes; and a
// command that stops on bad input after starting the worker stops it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/cli/display-path.js';
import { pageRequest } from '../../../src/cli/page/page-parts.js';
import { cursorPart } from '../../../src/emit/viz/cursor-part.js';
import { layoutPlatform } from '../../../src/emit/viz/layout-platform.js';
import { advancePlatform, createPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { runCli } from '../run-cli.js';
import { runInProcess } from '../run-in-process.js';

type StartModule = typeof import('../../../src/cli/page/start-page-worker.js');

const dir = mkdtempSync(join(tmpdir(), 'calisim-page-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The default scenario with a management rule admitting tenant acme into every tenant's VMs (run fails). */
function breachScenario(): string {
  const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
  const anchor = "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"projectcalico.org/name == 'ingress-nginx'\" }";
  expect(base).toContain(anchor);
  const file = join(dir, 'breach.yaml');
  writeFileSync(file, base.replace(anchor, anchor.replace('          ingress:\n', "          ingress:\n            - action: Allow\n              source: { namespaceSelector: \"calisim.io/tenant == 'acme'\" }\n")));
  return file;
}

describe("the page's worker thread", () => {
  it('answers with the cursor part and the layout the page computes in-thread', async () => {
    const compiled = (await import(pathToFileURL(resolve('dist/cli/page/start-page-worker.js')).href)) as StartModule;
    const file = 'scenarios/giantnetes.yaml';
    const worker = compiled.startPageWorker(pageRequest([file], {}, {}));
    expect(worker).not.toBe(compiled.IN_THREAD);
    const model = buildModel(loadScenarios([file]));
    const run = createPlatform(model, { seed: model.scenario.seed });
    advancePlatform(run, 30_000);
    const part = worker.cursor(run);
    expect(part).toBeDefined();
    expect(JSON.stringify(part)).toBe(JSON.stringify(cursorPart(run, { display: displayPath }).part));
    expect(JSON.stringify(worker.layout())).toBe(JSON.stringify(layoutPlatform(model, model.scenario.seed)));
    worker.stop();
  });

  it('gives nothing when it fails (its input unreadable), so the page computes every part in-thread', async () => {
    const compiled = (await import(pathToFileURL(resolve('dist/cli/page/start-page-worker.js')).href)) as StartModule;
    const worker = compiled.startPageWorker(pageRequest([join(dir, 'missing.yaml')], {}, {}));
    expect(worker).not.toBe(compiled.IN_THREAD);
    const model = buildModel(loadScenarios(['scenarios/giantnetes.yaml']));
    const run = createPlatform(model, { seed: model.scenario.seed });
    advancePlatform(run, 30_000);
    expect(worker.cursor(run)).toBeUndefined();
    expect(worker.layout()).toBeUndefined();
  });

  for (const [name, file] of [
    ['a failing variant', breachScenario()],
    ['a reduced large scenario', 'test/fixtures/identity/large-reduced.yaml'],
  ] as const) {
    it(`gives calisim run the HTML of the in-thread page on ${name}`, async () => {
      const spawned = runCli(['run', file, '--out', join(dir, `${name}-worker`), '--quiet']);
      const inThread = await runInProcess(['run', file, '--out', join(dir, `${name}-thread`), '--quiet']);
      expect(spawned.stderr).toBe('');
      expect(spawned.code).toBe(inThread.code);
      const html = (to: string): Buffer => readFileSync(join(dir, `${name}-${to}`, 'calisim.html'));
      expect(html('worker').equals(html('thread'))).toBe(true);
    });
  }

  it('stops with the command: bad input after the worker started costs about what it costs without the page', () => {
    // The process's CPU time (every thread's, the worker's too, as getrusage counts it) printed at exit: a
    // worker left running would add its whole matrix and layout to it. CPU, not wall time: the machine is shared.
    const atExit = "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu '+(u.user+u.system)+'\\n')})";
    const cpu = (args: readonly string[]): number => {
      const r = spawnSync(process.execPath, ['--import', atExit, 'bin/calisim.js', ...args], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--until soon: not a duration');
      return Number(/cpu (\d+)/.exec(r.stderr)?.[1]) / 1000;
    };
    // The worker loads large.yaml and computes its matrix and layout (several times the load); main stops
    // after loading it.
    const args = ['run', 'scenarios/large.yaml', '--until', 'soon', '--out', join(dir, 'stopped')];
    const without = cpu([...args, '--no-viz']);
    expect(cpu(args)).toBeLessThan(without * 2 + 600);
  });
});
