// emit: the plan as Markdown (a table of limits with sources as links, then the binding axes), for
// review comments and wiki pages.
import type { PlanReport } from '../../plan/types.js';
import { axisText, convergenceText, num, origin, tightestText } from './plan-words.js';

/** Renders `r` as Markdown. */
export function renderPlanMarkdown(r: PlanReport): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const out = [
    `# Capacity plan: ${r.scenario}`,
    '',
    `Seed ${r.seed}; per-tenant figures follow **${r.representative}**.`,
    '',
    '| group | limit | value | use | headroom | unit | use is | source |',
    '|---|---|---:|---:|---:|---|---|---|',
    ...r.limits.map(
      (l) =>
        `| ${l.group} | ${cell(l.name)}${l.note !== undefined ? `<br>${cell(l.note)}` : ''} | ${num(l.value)} | ${num(l.use)} | ${num(l.headroom)} | ${l.unit} | ${origin(l)} | ${
          l.source.url === '' ? cell(l.source.title) : `[${cell(l.source.title)}](${l.source.url})`
        } |`,
    ),
    '',
    `**Tightest now:** ${cell(tightestText(r))}`,
    '',
    `**Exceeded now:** ${r.exceeded.length > 0 ? r.exceeded.join(', ') : 'none'}`,
    '',
    '## Binds first as the platform grows',
    '',
    ...r.axes.map((a) => `- ${axisText(a)}`),
    '',
    '## Convergence after each change (measured)',
    '',
    ...r.convergence.map((c) => `- ${cell(convergenceText(c))}`),
  ];
  return out.join('\n') + '\n';
}
