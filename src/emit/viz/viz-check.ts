// emit/viz: `calisim check`'s results as the page's check view reads them — every assertion with its
// status, and each failure's counterexample (flow, hop-by-hop trace, deciding rules with file and line).
import type { CheckReport } from '../../verdict/check/types.js';
import type { VizCheck } from './viz-data.js';

export function vizCheck(r: CheckReport, display: (file: string) => string): VizCheck {
  return {
    summary: r.summary,
    assertions: r.assertions.map((a) => {
      const cx = a.counterexample;
      return {
        id: a.id,
        kind: a.kind,
        title: a.title,
        status: a.status,
        failedAt: a.failedAt ?? null,
        detail: a.detail,
        counterexample: cx
          ? {
              at: cx.at,
              from: cx.flow.from,
              to: cx.flow.to,
              protocol: cx.flow.protocol,
              port: cx.flow.port ?? null,
              trace: cx.trace,
              rules: cx.rules.map((d) => `${d.side} (${d.cluster}): ${d.action} by ${d.policy ?? d.decided}${d.ruleIndex !== undefined ? ` rule ${d.ruleIndex}` : ''}${d.file !== undefined ? ` at ${display(d.file)}:${d.line ?? 0}` : ''}`),
            }
          : null,
      };
    }),
  };
}
