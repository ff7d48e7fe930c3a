// cli: `calisim emulate SCENARIO [--tenant NAME] [--at T] [--keep] [--format text|json]` — run every node
// of a tenant (or of each tenant in turn) on real BIRD 1.6 in network namespaces with the configuration
// `calisim manifests` emits, and compare routes, kernel next hops, failures and packets with the
// simulation. Exit 0 when all agree, 1 on any disagreement, 2 when the machine cannot run it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Command } from '../command.js';
import { optString, optStrings } from '../command.js';
import { allAgree, emulateText, type EmulateReport } from '../emulate/emulate-report.js';
import { emulateTenant, type TenantReport } from '../emulate/emulate-tenant.js';
import { Lab } from '../emulate/lab/lab.js';
import { findTool } from '../emulate/lab/sh.js';
import { loadRun } from '../load/load-run.js';
import { UsageError } from '../usage-error.js';
import { SETTLED } from './routes.js';

/** What the machine lacks to run an emulation (empty: nothing). */
function missing(): { lacks: string[]; bird?: string; birdc?: string; version: string } {
  const lacks: string[] = [];
  if (process.platform !== 'linux') lacks.push('Linux (network namespaces)');
  if (process.getuid?.() !== 0) lacks.push('root (creating network namespaces needs CAP_NET_ADMIN)');
  const bird = findTool(['bird', '/usr/sbin/bird', '/usr/local/sbin/bird']);
  const birdc = findTool(['birdc', '/usr/sbin/birdc', '/usr/local/sbin/birdc'], ['-h']);
  if (bird === undefined || birdc === undefined) lacks.push('BIRD 1.6 (Debian package `bird`: bird and birdc)');
  if (findTool(['ip'], ['-V']) === undefined) lacks.push('iproute2 (`ip`)');
  const v = bird !== undefined ? spawnSync(bird, ['--version'], { encoding: 'utf8' }) : undefined;
  const version = v !== undefined ? `${v.stdout}${v.stderr}`.trim() : '';
  if (bird !== undefined && !/BIRD version 1\.6\./.test(version)) lacks.push(`BIRD 1.6 (found ${version || 'an unknown version'})`);
  return { lacks, ...(bird !== undefined ? { bird } : {}), ...(birdc !== undefined ? { birdc } : {}), version };
}

export const emulateCommand: Command = {
  command: 'emulate <scenario>',
  describe: 'Run the emitted BIRD configuration on real BIRD 1.6 in network namespaces and compare with the simulation (root)',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario YAML or folder of manifests' })
      .option('tenant', { type: 'string', describe: 'only this tenant (default: every tenant in turn)' })
      .option('at', { type: 'string', describe: `simulated time of the state compared first (default ${SETTLED})` })
      .option('keep', { type: 'boolean', default: false, describe: 'keep the working folder (configurations and BIRD logs)' })
      .option('timeout', { type: 'string', default: '300s', describe: 'longest wait for real BIRD to agree after start and after each event' })
      .option('format', { choices: ['text', 'json'], default: 'text' }),
  async run(args) {
    const files = optStrings(args, 'scenario');
    const at = optString(args, 'at') ?? SETTLED;
    const probe = loadRun(files, at).run;
    const wanted = optString(args, 'tenant');
    const tenants = probe.model.clusters.flatMap((c, ci) => (wanted === undefined || c.name === wanted ? [ci] : []));
    if (wanted !== undefined && tenants.length === 0) throw new UsageError(`--tenant ${wanted}: no such tenant (${probe.model.clusters.map((c) => c.name).join(', ')})`);
    const timeout = /^(\d+)s$/.exec(optString(args, 'timeout') ?? '300s');
    if (timeout === null) throw new UsageError('--timeout: seconds, e.g. 120s');
    const m = missing();
    if (m.lacks.length > 0 || m.bird === undefined || m.birdc === undefined) {
      process.stderr.write(`calisim emulate cannot run here; missing: ${m.lacks.join('; ')}\n`);
      return 2;
    }
    const dir = mkdtempSync(join(tmpdir(), 'calisim-emulate-'));
    let lab: Lab | undefined;
    const abort = (): void => {
      lab?.destroy();
      if (args['keep'] !== true) rmSync(dir, { recursive: true, force: true });
      process.stderr.write('calisim emulate: interrupted; every namespace and daemon it started is removed\n');
      process.exit(130);
    };
    process.on('SIGINT', abort);
    process.on('SIGTERM', abort);
    const reports: TenantReport[] = [];
    const json = optString(args, 'format') === 'json';
    try {
      for (const ci of tenants) {
        lab = new Lab();
        const run = ci === tenants[0] ? probe : loadRun(files, at).run;
        const log = (line: string): void => void process.stderr.write(`${line}\n`);
        reports.push(await emulateTenant(run, ci, lab, { tools: { bird: m.bird, birdc: m.birdc }, dir, settleTimeoutMs: Number(timeout[1]) * 1000, log }));
        lab.destroy();
        lab = undefined;
      }
    } finally {
      lab?.destroy();
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
      if (args['keep'] !== true) rmSync(dir, { recursive: true, force: true });
      else process.stderr.write(`configurations and logs kept in ${dir}\n`);
    }
    const report: EmulateReport = { scenario: files.join(' '), bird: m.version, agree: allAgree(reports), tenants: reports };
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : emulateText(report));
    return report.agree ? 0 : 1;
  },
};
