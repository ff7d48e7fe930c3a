// SARIF 2.1.0: valid against the official schema (sarif-2.1.0-rtm.5.json from @microsoft/jest-sarif,
// checked with ajv including uri/uri-reference formats), which must also reject broken logs; rules,
// levels, locations at the responsible file:line, related locations and URI encoding.
import { describe, expect, it } from 'vitest';
import { renderCheckSarif } from '../../../src/emit/check/render-check-sarif.js';
import { sarifUri } from '../../../src/emit/check/sarif-uri.js';
import { errorsText, sarifValidator } from './json-validators.js';
import { checkReport, failed, nastyReport, passed, unknown } from './sample-reports.js';

interface Loc {
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
  message?: { text: string };
  id?: number;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: Loc[];
  relatedLocations?: Loc[];
  properties: { failedAt?: number; assertion: string };
}
interface Log {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; semanticVersion: string; informationUri?: string; rules: { id: string; helpUri?: string }[] } }; results: Result[] }[];
}

const opts = { version: '0.1.0', scenarioFile: 'scenarios/shop.yaml' };
const parse = (text: string): Log => JSON.parse(text) as Log;

describe('renderCheckSarif', () => {
  const validate = sarifValidator();
  const log = parse(renderCheckSarif(checkReport(), opts));
  const run = log.runs[0];
  if (run === undefined) throw new Error('no run');

  it('validates against the official SARIF 2.1.0 schema', () => {
    for (const r of [checkReport(), nastyReport(), checkReport([passed]), checkReport([])]) {
      for (const o of [opts, { version: '1.2.3-rc.1' }]) {
        const ok = validate(JSON.parse(renderCheckSarif(r, o)));
        expect(errorsText(validate.errors)).toEqual([]);
        expect(ok).toBe(true);
      }
    }
  });

  it('the schema check can fail: wrong version, result without message, line 0, bad uri, unknown level', () => {
    /** Validates the sample log after `edit` changed its first result's location or the log. */
    const broken = (edit: (l: Log, first: Result, where: Loc['physicalLocation']) => void): boolean => {
      const l = parse(renderCheckSarif(checkReport(), opts));
      const first = l.runs[0]?.results[0];
      const where = first?.locations?.[0]?.physicalLocation;
      if (first === undefined || where === undefined) throw new Error('no located result');
      edit(l, first, where);
      return validate(l);
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((l) => (l.version = '2.0.0'))).toBe(false);
    expect(broken((_, r) => delete (r as Partial<Result>).message)).toBe(false);
    expect(broken((_, __, w) => (w.region = { startLine: 0 }))).toBe(false);
    expect(broken((_, __, w) => (w.artifactLocation.uri = 'a b\\c'))).toBe(false);
    expect(broken((_, r) => (r.level = 'fatal'))).toBe(false);
  });

  it('has the tool, version and one rule per assertion kind, without helpUri or informationUri', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('calisim');
    expect(run.tool.driver.semanticVersion).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['isolation', 'route-leak', 'overlapping-cidrs', 'reach', 'exposure', 'ingress-route', 'ingress-conflict', 'bgp-sessions', 'bgp-convergence', 'ipam-headroom', 'mtu', 'certificates', 'load-balancers']);
    expect(run.tool.driver.rules.some((r) => r.helpUri !== undefined)).toBe(false);
  });

  it('reports failures as errors at the responsible file:line with the deciding rules related', () => {
    expect(run.results.map((r) => [r.ruleId, r.level, r.properties.assertion])).toEqual([
      ['reach', 'error', 'reach/2'],
      ['bgp-convergence', 'warning', 'bgp-convergence/globex'],
    ]);
    const [f, u] = run.results;
    expect(run.tool.driver.rules[f?.ruleIndex ?? -1]?.id).toBe('reach');
    expect(f?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'policies/deny-all.yaml' }, region: { startLine: 3, startColumn: 1 } });
    expect(f?.locations?.[0]?.message?.text).toBe('GlobalNetworkPolicy default.deny-all');
    expect(f?.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'policies/deny-all.yaml' }, region: { startLine: 3 } },
        message: { text: 'ingress in acme: deny — end of tier default, no rule matched (last policy GlobalNetworkPolicy default.deny-all) at policies/deny-all.yaml:3' },
      },
    ]);
    expect(f?.properties.failedAt).toBe(90_000);
    expect(f?.message.text).toContain('fails at t=1m30s: denied after policy default.deny-all is applied.');
    expect(f?.message.text).toContain('Flow: acme/shop/frontend-6d9f (10.10.1.5) → acme/shop/backend-7c4b (10.10.2.7) TCP 8080');
    expect(u?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'scenarios/shop.yaml' } });
    expect(u?.properties.failedAt).toBe(120_500);
  });

  it('falls back to where the assertion was written, and to no location at all', () => {
    const noResp = checkReport([{ ...failed, counterexample: undefined }]);
    const r = parse(renderCheckSarif(noResp, opts)).runs[0]?.results[0];
    expect(r?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'scenarios/shop.yaml' }, region: { startLine: 41, startColumn: 7 } });
    expect(parse(renderCheckSarif(checkReport([unknown]), { version: '0.1.0' })).runs[0]?.results[0]?.locations).toBeUndefined();
  });

  it('turns file names into URI references with forward slashes', () => {
    expect(sarifUri('policies/db.yaml')).toBe('policies/db.yaml');
    expect(sarifUri('./policies/db.yaml')).toBe('policies/db.yaml');
    expect(sarifUri('sub\\dir\\#x.yaml')).toBe('sub/dir/%23x.yaml');
    expect(sarifUri('dir with space/ü<x>.yaml')).toBe('dir%20with%20space/%C3%BC%3Cx%3E.yaml');
    expect(sarifUri('/etc/calico/p.yaml')).toBe('file:///etc/calico/p.yaml');
    expect(sarifUri('C:\\work\\p.yaml')).toBe('file:///C:/work/p.yaml');
    expect(sarifUri('a:b.yaml')).toBe('a%3Ab.yaml');
    const nasty = parse(renderCheckSarif(nastyReport(), opts)).runs[0]?.results[0];
    expect(nasty?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('sub/dir/%23x.yaml');
    expect(nasty?.locations?.[0]?.physicalLocation.region).toEqual({ startLine: 9 });
  });

  it('is deterministic', () => {
    expect(renderCheckSarif(nastyReport(), opts)).toBe(renderCheckSarif(nastyReport(), opts));
  });
});
