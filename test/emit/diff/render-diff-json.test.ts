// Diff as JSON: round trip, fields in declaration order however the report was built, validity against
// the exported draft-07 schema (ajv), which must also reject drifted reports.
import { describe, expect, it } from 'vitest';
import { diffJsonSchema } from '../../../src/emit/check/check-json-schema.js';
import { renderDiffJson } from '../../../src/emit/diff/render-diff-json.js';
import type { ConnectionChange } from '../../../src/verdict/check/types.js';
import { draft07, errorsText } from '../check/json-validators.js';
import { diffReport } from '../check/sample-reports.js';
import { withPorts } from './with-ports.js';

describe('renderDiffJson', () => {
  const validate = draft07(diffJsonSchema);

  it('parses back to the report and validates against the exported schema', () => {
    for (const d of [diffReport(), withPorts()]) {
      const text = renderDiffJson(d);
      expect(JSON.parse(text)).toEqual(d);
      const ok = validate(JSON.parse(text));
      expect(errorsText(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('fields come in declaration order however the report was built; the schema rejects drift', () => {
    const d = diffReport();
    const first = d.changes[0];
    if (first === undefined) throw new Error('fixture');
    const reordered: ConnectionChange = { staged: first.staged, after: first.after, before: first.before, change: first.change, ports: first.ports, protocol: first.protocol, to: first.to, from: first.from, cluster: first.cluster };
    expect(renderDiffJson({ ...d, changes: [reordered, ...d.changes.slice(1)] })).toBe(renderDiffJson(d));
    const parsed = JSON.parse(renderDiffJson(d)) as { changes: Record<string, unknown>[] };
    expect(Object.keys(parsed.changes[1] ?? {})).toEqual(['cluster', 'from', 'to', 'protocol', 'ports', 'change', 'before', 'after']);
    expect(validate({ ...parsed, changes: [{ ...parsed.changes[0], change: 'sideways' }] })).toBe(false);
    expect(validate({ ...parsed, changes: [{ ...parsed.changes[0], from: { address: '10.0.0.0/8', namespace: 'x' } }] })).toBe(false);
    expect(validate({ ...parsed, changes: [{ ...parsed.changes[0], ports: '80,443' }] })).toBe(false);
  });
});
