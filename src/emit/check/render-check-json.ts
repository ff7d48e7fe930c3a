// emit: a check report as JSON (schema `calisim.check/v1`, described in docs/check-json-schema.md) —
// fields in declaration order, 2-space indent, trailing newline; byte-identical for equal reports.
import type { CheckReport } from '../../verdict/check/types.js';
import { canonicalCheckReport } from './canonical-check-report.js';

/** The report as deterministic JSON text. */
export function renderCheckJson(r: CheckReport): string {
  return `${JSON.stringify(canonicalCheckReport(r), null, 2)}\n`;
}
