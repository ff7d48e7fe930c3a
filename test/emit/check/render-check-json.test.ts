// The check JSON output: round trip, field order independent of how the report was built, validity
// against the exported draft-07 schema (checked with ajv, which must also reject drifted reports), and
// docs/check-json-schema.md naming every field of both schemas.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkJsonSchema, diffJsonSchema } from '../../../src/emit/check/check-json-schema.js';
import { renderCheckJson } from '../../../src/emit/check/render-check-json.js';
import type { CheckReport } from '../../../src/verdict/check/types.js';
import { draft07, errorsText } from './json-validators.js';
import { checkReport, failed, nastyReport } from './sample-reports.js';

/** A deep copy with every object's keys in reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
}

describe('renderCheckJson', () => {
  const validate = draft07(checkJsonSchema);

  it('parses back to the report, 2-space indented with a trailing newline', () => {
    const text = renderCheckJson(checkReport());
    expect(JSON.parse(text)).toEqual(checkReport());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schema": "calisim.check/v1",');
  });

  it('is byte-identical whatever order the fields were built in', () => {
    const shuffled = reversedKeys(checkReport()) as CheckReport;
    expect(Object.keys(shuffled)[0]).toBe('summary');
    expect(renderCheckJson(shuffled)).toBe(renderCheckJson(checkReport()));
    expect(Object.keys(JSON.parse(renderCheckJson(shuffled)) as object)).toEqual(['schema', 'scenario', 'seed', 'points', 'assertions', 'summary']);
  });

  it('validates against the exported schema', () => {
    for (const r of [checkReport(), nastyReport(), checkReport([])]) {
      const ok = validate(JSON.parse(renderCheckJson(r)));
      expect(errorsText(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the schema rejects drift: an unknown field, a missing field, a bad enum value', () => {
    const good = JSON.parse(renderCheckJson(checkReport())) as Record<string, unknown>;
    expect(validate({ ...good, extra: 1 })).toBe(false);
    const { seed: _seed, ...noSeed } = good;
    expect(validate(noSeed)).toBe(false);
    expect(validate(JSON.parse(renderCheckJson(checkReport([{ ...failed, status: 'broken' as 'fail' }]))))).toBe(false);
    expect(validate({ ...good, schema: 'calisim.check/v2' })).toBe(false);
    const cx = failed.counterexample;
    if (cx === undefined) throw new Error('fixture');
    const badRule = { ...failed, counterexample: { ...cx, rules: [{ ...cx.rules[0], ruleIndex: -1 }] } } as typeof failed;
    expect(validate(JSON.parse(renderCheckJson(checkReport([badRule]))))).toBe(false);
  });

  it('docs/check-json-schema.md names every field of the check and diff schemas', () => {
    const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/check-json-schema.md'), 'utf8');
    const names = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'properties' && x !== null && typeof x === 'object') for (const name of Object.keys(x)) names.add(name);
          walk(x);
        }
      }
    };
    walk(checkJsonSchema);
    walk(diffJsonSchema);
    expect(names.size).toBeGreaterThan(40);
    const missing = [...names].filter((n) => !doc.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });
});
