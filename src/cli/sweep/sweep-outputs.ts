// cli: a finished sweep's outputs, written as one folder atomically through write-output: results.json and
// results.csv (deterministic), timings.json and timings.csv (measured), report.html (offline, D3).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSweepCsv, renderTimingsCsv } from '../../emit/sweep/render-sweep-csv.js';
import { renderSweepHtml } from '../../emit/sweep/render-sweep-html.js';
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import { sweepDocument, timingsDocument, type SweepHeader } from '../../plan/sweep/sweep-document.js';
import { UsageError } from '../usage-error.js';
import { writeTreeAtomic } from '../output/write-output.js';

/** The bundled page script (built by scripts/build-viz.mjs into dist/viz/sweep.js). */
function pageScript(): string {
  const path = fileURLToPath(new URL('../../../dist/viz/sweep.js', import.meta.url));
  if (!existsSync(path)) throw new UsageError(`the report page script ${path} is missing: run npm run build`);
  return readFileSync(path, 'utf8');
}

/** Writes every output of the sweep into `dir` (replacing a previous sweep output there, or with `force`). */
export function writeSweepOutputs(dir: string, header: SweepHeader, outcomes: readonly PointOutcome[], force: boolean): void {
  const doc = sweepDocument(header, outcomes.map((o) => o.result));
  const timings = timingsDocument(outcomes.map((o) => o.timing));
  writeTreeAtomic(
    dir,
    [
      { path: 'results.json', data: JSON.stringify(doc, null, 2) + '\n' },
      { path: 'results.csv', data: renderSweepCsv(doc) },
      { path: 'timings.json', data: JSON.stringify(timings, null, 2) + '\n' },
      { path: 'timings.csv', data: renderTimingsCsv(timings) },
      { path: 'report.html', data: renderSweepHtml(doc, timings, pageScript()) },
    ],
    { force, replaceable: (d) => existsSync(join(d, 'results.json')) },
  );
}
