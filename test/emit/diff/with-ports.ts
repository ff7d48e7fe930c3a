// A diff report for the diff tests: the shared sample plus port variants of its newly denied change.
import type { ConnectionChange, DiffReport } from '../../../src/verdict/check/types.js';
import { diffReport } from '../check/sample-reports.js';

/** The sample plus port variants of the newly denied change, so ports sort by number (80 < 443 < 8080). */
export function withPorts(): DiffReport {
  const d = diffReport();
  const base = d.changes.find((c) => c.change === 'newly-denied');
  if (base === undefined) throw new Error('fixture');
  const extra: ConnectionChange[] = ['80', '443', '9000-9100'].map((ports) => ({ ...base, ports }));
  return { ...d, changes: [...d.changes, ...extra], summary: { ...d.summary, newlyDenied: 4 } };
}
