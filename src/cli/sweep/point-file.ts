// cli: the file one Kubernetes Job pod writes for its point (`calisim sweep-point`) and `calisim sweep
// --merge DIR` reads back: the sweep's digest and header beside the point's outcome.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import type { SweepHeader } from '../../plan/sweep/sweep-document.js';
import { UsageError } from '../usage-error.js';

export const POINT_FILE_SCHEMA = 'calisim.sweep-point/v1';

export interface PointFile {
  readonly schema: typeof POINT_FILE_SCHEMA;
  readonly digest: string;
  readonly header: SweepHeader;
  readonly outcome: PointOutcome;
}

/** `point-000042.json`. */
export function pointFileName(index: number): string {
  return `point-${String(index).padStart(6, '0')}.json`;
}

/** Every point file of `dir`, checked: one sweep (same digest), every index present once. */
export function readPointFiles(dir: string): { digest: string; header: SweepHeader; outcomes: PointOutcome[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^point-\d+\.json$/.test(n)).sort();
  } catch {
    throw new UsageError(`--merge ${dir}: no such folder`);
  }
  if (names.length === 0) throw new UsageError(`--merge ${dir}: no point-*.json files (calisim sweep-point writes them)`);
  const files = names.map((n) => {
    const text = readFileSync(join(dir, n), 'utf8');
    try {
      const f = JSON.parse(text) as PointFile;
      if (f.schema !== POINT_FILE_SCHEMA) throw new Error('schema');
      return { name: n, file: f };
    } catch {
      throw new UsageError(`${join(dir, n)}: not a calisim sweep point file`);
    }
  });
  const first = files[0]!.file;
  const other = files.find((f) => f.file.digest !== first.digest);
  if (other !== undefined) throw new UsageError(`${join(dir, other.name)}: a point of another sweep (digest ${other.file.digest}, not ${first.digest})`);
  const have = new Set(files.map((f) => f.file.outcome.result.index));
  const missing = [...Array(first.header.points).keys()].filter((i) => !have.has(i));
  if (missing.length > 0) throw new UsageError(`--merge ${dir}: ${missing.length} of ${first.header.points} points missing (first: ${missing.slice(0, 10).join(', ')})`);
  return { digest: first.digest, header: first.header, outcomes: files.map((f) => f.file.outcome) };
}
