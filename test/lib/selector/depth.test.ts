// Hostile selectors: nesting is bounded (a clear error at the first parenthesis past the limit, never a stack
// overflow), and error messages quote only the part of a long selector around the fault.
import { describe, expect, it } from 'vitest';
import { MAX_SELECTOR_DEPTH, parseSelectorNode } from '../../../src/lib/selector/parse.js';
import { SelectorParseError } from '../../../src/lib/selector/types.js';
import { InputError } from '../../../src/lib/diagnostics.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { scenarioFile } from '../../scenario/helpers.js';

const nested = (n: number): string => `${'('.repeat(n)}a == 'b'${')'.repeat(n)}`;

function parseError(text: string): SelectorParseError {
  try {
    parseSelectorNode(text);
  } catch (e) {
    if (e instanceof SelectorParseError) return e;
    throw e;
  }
  throw new Error('parsed');
}

describe('selector nesting', () => {
  it(`parses ${MAX_SELECTOR_DEPTH} nested parentheses`, () => {
    expect(parseSelectorNode(nested(MAX_SELECTOR_DEPTH))).toEqual({ op: '==', key: 'a', value: 'b' });
  });

  it('refuses 20,000 nested parentheses at the first one past the limit, quoting 60 characters around it', () => {
    const e = parseError(nested(20_000));
    expect(e.col).toBe(MAX_SELECTOR_DEPTH + 1);
    expect(e.reason).toBe(`parentheses nested deeper than ${MAX_SELECTOR_DEPTH} levels`);
    expect(e.message.length).toBeLessThan(160);
  });

  it('reports a deep selector in a scenario file at its field, without a crash', () => {
    const file = scenarioFile(
      [
        'tenants:',
        '  - name: a',
        '    underlay: { physical: { cidr: 10.0.0.0/24 } }',
        `    calico: { ipPools: [{ name: p, cidr: 10.1.0.0/16, nodeSelector: "${nested(20_000)}" }] }`,
      ].join('\n'),
    );
    let err: unknown;
    try {
      loadScenario(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const [d] = (err as InputError).diagnostics;
    expect(d?.path).toBe('tenants[0].calico.ipPools[0].nodeSelector');
    expect(d?.message).toMatch(/^invalid selector "…\(+…": parentheses nested deeper than 100 levels \(column 101\)$/);
  });
});
