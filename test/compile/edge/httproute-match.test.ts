// HTTPRoute matching against the known answers of the Gateway API's own text (the HTTPRoute CRD's field
// documentation, v1.x): hostname wildcards, PathPrefix by element, ANDed conditions within a match, ORed
// matches within a rule, and the precedence order across rules and routes.
import { describe, expect, it } from 'vitest';
import { hostnameCovers, matchHttpRoute, prefixMatches, type HttpRouteEntry, type HttpRouteMatch, type HttpRequestView } from '../../../src/compile/edge/httproute-match.js';

const prefix = (value: string, extra: Partial<HttpRouteMatch> = {}): HttpRouteMatch => ({ path: { type: 'PathPrefix', value }, headers: [], queryParams: [], ...extra });
const exact = (value: string): HttpRouteMatch => ({ path: { type: 'Exact', value }, headers: [], queryParams: [] });
const route = (name: string, matches: HttpRouteMatch[][], hostnames: string[] = [], age = 0, namespace = 'ns'): HttpRouteEntry => ({ namespace, name, age, hostnames, rules: matches.map((m) => ({ matches: m })) });
const req = (path: string, extra: Partial<HttpRequestView> = {}): HttpRequestView => ({ host: 'test.example.com', path, method: 'GET', headers: {}, query: {}, ...extra });
const winner = (routes: HttpRouteEntry[], r: HttpRequestView): string | undefined => {
  const hit = matchHttpRoute(routes, r);
  return hit && `${routes[hit.route]!.name}#${hit.rule}`;
};

describe('HTTPRoute hostnames', () => {
  it('`*.example.com` matches test.example.com and foo.test.example.com but not example.com (the CRD\'s example)', () => {
    expect(hostnameCovers('*.example.com', 'test.example.com')).toBe(true);
    expect(hostnameCovers('*.example.com', 'foo.test.example.com')).toBe(true);
    expect(hostnameCovers('*.example.com', 'example.com')).toBe(false);
    expect(hostnameCovers('test.example.com', 'test.example.net')).toBe(false);
  });

  it('prefers the route with the longest matching non-wildcard hostname, then the longest hostname', () => {
    const routes = [route('wild', [[prefix('/')]], ['*.example.com']), route('deep', [[prefix('/')]], ['*.test.example.com']), route('exact', [[prefix('/')]], ['test.example.com'])];
    expect(winner(routes, req('/'))).toBe('exact#0');
    expect(winner(routes, req('/', { host: 'a.test.example.com' }))).toBe('deep#0');
    expect(winner(routes, req('/', { host: 'b.example.com' }))).toBe('wild#0');
    expect(winner(routes, req('/', { host: 'example.org' }))).toBeUndefined();
  });
});

describe('HTTPRoute matches', () => {
  it('PathPrefix matches whole path elements, ignoring a trailing slash', () => {
    expect(prefixMatches('/foo', '/foo')).toBe(true);
    expect(prefixMatches('/foo', '/foo/bar')).toBe(true);
    expect(prefixMatches('/foo/', '/foo')).toBe(true);
    expect(prefixMatches('/foo', '/foobar')).toBe(false);
    expect(prefixMatches('/', '/anything')).toBe(true);
  });

  it('the CRD\'s matches example: path /foo AND header version: v2, OR path prefix /v2/foo', () => {
    const routes = [route('r', [[prefix('/foo', { headers: [{ name: 'version', value: 'v2' }] }), prefix('/v2/foo')]])];
    expect(winner(routes, req('/foo', { headers: { version: 'v2' } }))).toBe('r#0');
    expect(winner(routes, req('/foo'))).toBeUndefined();
    expect(winner(routes, req('/v2/foo/bar'))).toBe('r#0');
  });

  it('a rule without matches takes every request (the default PathPrefix /); header names are case-insensitive', () => {
    expect(winner([route('all', [[]])], req('/x/y'))).toBe('all#0');
    expect(winner([route('h', [[prefix('/', { headers: [{ name: 'X-Env', value: 'canary' }] })]])], req('/', { headers: { 'x-env': 'canary' } }))).toBe('h#0');
  });
});

describe('HTTPRoute precedence (continuing on ties)', () => {
  it('Exact path, then the longest prefix, then method, then most headers, then most query parameters', () => {
    const r = route('r', [
      [prefix('/')],
      [prefix('/api')],
      [exact('/api')],
      [prefix('/api', { method: 'POST' })],
      [prefix('/api', { headers: [{ name: 'a', value: '1' }] })],
      [prefix('/api', { headers: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }] })],
      [prefix('/api', { queryParams: [{ name: 'q', value: '1' }] })],
    ]);
    expect(winner([r], req('/api'))).toBe('r#2');
    expect(winner([r], req('/api/x'))).toBe('r#1');
    expect(winner([r], req('/api/x', { method: 'POST', headers: { a: '1', b: '2' } }))).toBe('r#3');
    expect(winner([r], req('/api/x', { headers: { a: '1', b: '2' }, query: { q: '1' } }))).toBe('r#5');
    expect(winner([r], req('/api/x', { headers: { a: '1' }, query: { q: '1' } }))).toBe('r#4');
    expect(winner([r], req('/api/x', { query: { q: '1' } }))).toBe('r#6');
    expect(winner([r], req('/other'))).toBe('r#0');
  });

  it('then the oldest route, then `namespace/name` alphabetically, then the first rule in list order', () => {
    const same = [[prefix('/a')], [prefix('/a')]];
    expect(winner([route('young', same, [], 2), route('old', same, [], 1)], req('/a'))).toBe('old#0');
    expect(winner([route('b', same, [], 1, 'x'), route('a', same, [], 1, 'y')], req('/a'))).toBe('b#0');
    expect(winner([route('b', same, [], 1), route('a', same, [], 1)], req('/a'))).toBe('a#0');
  });
});
