// `calisim viz` as users meet it: the default output path, bad input refused like every command (exit 2,
// file, line and field), an output that cannot be written refused without leaving a file, and `run`
// writing the page beside report.json unless --no-viz, from the one run it simulates (as `check --viz` does).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from './cli-json.js';
import { pageData } from './cli-facts.js';
import { execFileSync } from 'node:child_process';

const dir = mkdtempSync(join(tmpdir(), 'calisim-viz-cli-'));
execFileSync(process.execPath, ['scripts/build-viz.mjs']);

describe('calisim viz', () => {
  it('refuses a bad scenario with file, line and field, exit 2, and writes nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
    const anchor = '    nodes: { count: 4, name: "acme-{i}", labels: { zone: a } }';
    expect(base).toContain(anchor);
    const text = base.replace(anchor, anchor.replace('nodes:', 'nodez:'));
    writeFileSync(bad, text);
    const line = text.split('\n').indexOf(anchor.replace('nodes:', 'nodez:')) + 1;
    const out = join(dir, 'bad.html');
    const r = await cliInProcess(['viz', bad, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`bad\\.yaml:${line}:5: error: tenants\\[0\\]\\.nodez: unknown field`));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an output it cannot write (a parent is a file) with a clear message and no file left', async () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'x');
    const r = await cliInProcess(['viz', 'scenarios/giantnetes.yaml', '-o', join(blocker, 'page.html'), '--at', '10s']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*blocker\/page\.html/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a bad --at', async () => {
    const r = await cliInProcess(['viz', 'scenarios/giantnetes.yaml', '--at', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--at soon: not a duration');
  });

  it('refuses --at past the page\'s run or the time limit, and a seed outside 0..4294967295, as every command does', async () => {
    const out = join(dir, 'refused.html');
    const cases: [string[], string][] = [
      [['--at', '2000s'], "--at 2000s: after the scenario's horizon (900s)"],
      [['--at', '99999h'], '--at 99999h: 99999h is later than the latest simulated time allowed, 8760h'],
      [['--seed', '-1'], '--seed -1: must be an integer in 0..4294967295'],
      [['--seed', '4294967296'], '--seed 4294967296: must be an integer in 0..4294967295'],
    ];
    for (const [args, message] of cases) {
      const r = await cliInProcess(['viz', 'scenarios/giantnetes.yaml', '-o', out, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('run writes calisim.html beside report.json from its one run (to --until), and --no-viz skips it', async () => {
    const a = join(dir, 'with');
    const b = join(dir, 'without');
    expect((await cliInProcess(['run', '--out', a, '--quiet', '--until', '2m'])).code).toBe(0);
    expect((await cliInProcess(['run', '--out', b, '--quiet', '--until', '2m', '--no-viz'])).code).toBe(0);
    expect(readdirSync(a).sort()).toEqual(['calisim.html', 'report.json']);
    expect(readdirSync(b)).toEqual(['report.json']);
    expect(readFileSync(join(a, 'calisim.html'), 'utf8')).toMatch(/^<!doctype html>/);
    // Recording the page does not change the run, and the page shows that run: to 2 m, its events.
    const report = readFileSync(join(a, 'report.json'), 'utf8');
    expect(report).toBe(readFileSync(join(b, 'report.json'), 'utf8'));
    const data = pageData(join(a, 'calisim.html'));
    expect(data.horizon).toBe(120_000);
    const timeline = (JSON.parse(report) as { timeline: { at: number; kind: string; target: string; effects: string[] }[] }).timeline;
    expect(data.timeline.map((e) => [e.at, e.kind, e.target, e.effects])).toEqual(timeline.map((e) => [e.at, e.kind, e.target, e.effects]));
  });

  it('check --viz records the run it checks: the same results with and without the page, and the page carries them', async () => {
    const html = join(dir, 'check.html');
    const withPage = await cliInProcess(['check', 'scenarios/giantnetes.yaml', '--format', 'json', '--viz', html]);
    const without = await cliInProcess(['check', 'scenarios/giantnetes.yaml', '--format', 'json']);
    expect(withPage.code).toBe(without.code);
    expect(withPage.stdout).toBe(without.stdout);
    const summary = (JSON.parse(without.stdout) as { summary: unknown }).summary;
    expect(pageData(html).check?.summary).toEqual(summary);
  });
});
