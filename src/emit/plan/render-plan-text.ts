// emit: the plan as text for a terminal — every limit with its value, use, headroom and source, the
// tightest limit now, and which limit binds first along each growth axis.
import type { PlanReport } from '../../plan/types.js';
import { axisText, convergenceText, num, origin, sourceText, tightestText } from './plan-words.js';

/** Renders `r` as aligned text. */
export function renderPlanText(r: PlanReport): string {
  const rows = r.limits.map((l) => [l.group, l.name, num(l.value), num(l.use), num(l.headroom), l.unit, origin(l)]);
  const head = ['GROUP', 'LIMIT', 'VALUE', 'USE', 'HEADROOM', 'UNIT', 'USE IS'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [
    `Capacity plan of ${r.scenario} (seed ${r.seed}); per-tenant figures follow ${r.representative}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    'Sources and notes:',
    ...r.limits.flatMap((l) => [`  ${l.id}: ${sourceText(l)}`, ...(l.note !== undefined ? [`    note: ${l.note}`] : [])]),
    '',
    `Tightest now: ${tightestText(r)}`,
    `Exceeded now: ${r.exceeded.length > 0 ? r.exceeded.join(', ') : 'none'}`,
    'Binds first as the platform grows (other axes held):',
    ...r.axes.map((a) => `  ${axisText(a)}`),
    '',
    'Convergence after each change (measured):',
    ...r.convergence.map((c) => `  ${convergenceText(c)}`),
  ];
  return out.join('\n') + '\n';
}
