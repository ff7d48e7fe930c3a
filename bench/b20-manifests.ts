// bench: B20 — `calisim manifests scenarios/large.yaml` as a user runs it (a whole process, median of three),
// objects written per second; then, separately, validating every object written (the Kubernetes schemas of
// kubernetes-models for core kinds, and every reference resolved) per cluster.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkReferences } from '../src/emit/validate/check-references.js';
import { hasCoreSchema, validateCore } from '../src/emit/validate/core-schemas.js';
import type { Benchmark, BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';

type Obj = Record<string, unknown>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B20',
    title: 'calisim manifests scenarios/large.yaml: write, then validate every object',
    run(): BenchResult[] {
      const out = join(mkdtempSync(join(tmpdir(), 'calisim-b20-')), 'm');
      const cli = join(projectRoot, 'bin', 'calisim.js');
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        execFileSync(process.execPath, [cli, 'manifests', join(projectRoot, 'scenarios', 'large.yaml'), '-o', out, '--quiet'], { stdio: 'inherit' });
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      }
      times.sort((a, b) => a - b);
      const wall = times[1]!;
      const t1 = process.hrtime.bigint();
      let objects = 0;
      let invalid = 0;
      let unresolved = 0;
      for (const cluster of readdirSync(out)) {
        const objs: Obj[] = [];
        for (const f of filesUnder(join(out, cluster))) {
          if (!f.endsWith('.yaml') || f.includes(`${join(out, cluster, 'flannel')}`)) continue;
          for (const d of parseAllDocuments(readFileSync(f, 'utf8'))) objs.push(d.toJSON() as Obj);
        }
        objects += objs.length;
        for (const o of objs) if (hasCoreSchema(String(o['apiVersion']), String(o['kind'])) && validateCore(o) !== undefined) invalid++;
        unresolved += checkReferences(objs).length;
      }
      const validateS = Number(process.hrtime.bigint() - t1) / 1e9;
      rmSync(join(out, '..'), { recursive: true, force: true });
      const note = `${objects} objects (${invalid} invalid, ${unresolved} unresolved references)`;
      return [
        { id: 'B20', metric: 'manifests_large_wall', value: wall, unit: 's', floor: 10, goal: 3, note: `whole process, median of 3; ${note}` },
        { id: 'B20', metric: 'manifests_large_objects_per_s', value: objects / wall, unit: 'objects/s' },
        { id: 'B20', metric: 'manifests_large_validate', value: validateS, unit: 's', note: 'parse + schema + references, in process' },
      ];
    },
  },
];
