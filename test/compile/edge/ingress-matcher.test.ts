import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRoutes } from '../../../src/compile/edge/compile-routes.js';
import { referenceMatcher } from '../../../src/compile/edge/reference-matcher.js';
import type { RouteRule } from '../../../src/compile/edge/route-rules.js';

const rule = (path: string, pathType: RouteRule['pathType'], host?: string, order = 0): RouteRule => ({ host, path, pathType, order });
const both = (rules: RouteRule[]) => [referenceMatcher(rules), compileRoutes(rules)] as const;

// kubernetes/website content/en/docs/concepts/services-networking/ingress.md, "Examples" (path types).
const PATH_TABLE: [RouteRule['pathType'] | 'Mixed', string[], string, string | null][] = [
  ['Prefix', ['/'], '/anything/at/all', '/'],
  ['Exact', ['/foo'], '/foo', '/foo'],
  ['Exact', ['/foo'], '/bar', null],
  ['Exact', ['/foo'], '/foo/', null],
  ['Exact', ['/foo/'], '/foo', null],
  ['Prefix', ['/foo'], '/foo', '/foo'],
  ['Prefix', ['/foo'], '/foo/', '/foo'],
  ['Prefix', ['/foo/'], '/foo', '/foo/'],
  ['Prefix', ['/foo/'], '/foo/', '/foo/'],
  ['Prefix', ['/aaa/bb'], '/aaa/bbb', null],
  ['Prefix', ['/aaa/bbb'], '/aaa/bbb', '/aaa/bbb'],
  ['Prefix', ['/aaa/bbb/'], '/aaa/bbb', '/aaa/bbb/'],
  ['Prefix', ['/aaa/bbb'], '/aaa/bbb/', '/aaa/bbb'],
  ['Prefix', ['/aaa/bbb'], '/aaa/bbb/ccc', '/aaa/bbb'],
  ['Prefix', ['/aaa/bbb'], '/aaa/bbbxyz', null],
  ['Prefix', ['/', '/aaa'], '/aaa/ccc', '/aaa'],
  ['Prefix', ['/', '/aaa', '/aaa/bbb'], '/aaa/bbb', '/aaa/bbb'],
  ['Prefix', ['/', '/aaa', '/aaa/bbb'], '/ccc', '/'],
  ['Prefix', ['/aaa'], '/ccc', null],
];

describe('Ingress path matching: the Kubernetes documentation’s examples', () => {
  for (const [kind, paths, request, want] of PATH_TABLE) {
    it(`${kind} ${paths.join(', ')} ← ${request}: ${want ?? 'no match (default backend)'}`, () => {
      const rules = paths.map((p, i) => rule(p, kind as RouteRule['pathType'], undefined, i));
      for (const m of both(rules)) {
        const r = m('', request);
        expect(r.rule < 0 ? null : rules[r.rule]!.path).toBe(want);
      }
    });
  }
  it('Mixed: /foo (Prefix) and /foo (Exact) ← /foo prefers Exact', () => {
    const rules = [rule('/foo', 'Prefix'), rule('/foo', 'Exact', undefined, 1)];
    for (const m of both(rules)) expect(m('', '/foo').rule).toBe(1);
  });
  it('two Prefix paths /foo and /foo/: a request for /foo goes to /foo/ (the Ingress API comment)', () => {
    const rules = [rule('/foo', 'Prefix'), rule('/foo/', 'Prefix', undefined, 1)];
    for (const m of both(rules)) expect(m('', '/foo').rule).toBe(1);
  });
  it('ImplementationSpecific is ingress-nginx’s string prefix: /foo matches /foobar', () => {
    for (const m of both([rule('/foo', 'ImplementationSpecific')])) expect(m('', '/foobar').rule).toBe(0);
  });
});

describe('Ingress host matching: the Kubernetes documentation’s examples', () => {
  // "Hostname wildcards" table, and the name-based virtual hosting example.
  const rules = [rule('/', 'Prefix', '*.foo.com'), rule('/', 'Prefix', 'first.bar.com', 1), rule('/', 'Prefix', 'second.bar.com', 2), rule('/', 'Prefix', undefined, 3)];
  const cases: [string, number][] = [
    ['bar.foo.com', 0],
    ['baz.bar.foo.com', 3],
    ['foo.com', 3],
    ['first.bar.com', 1],
    ['second.bar.com', 2],
    ['third.bar.com', 3],
    ['', 3],
  ];
  for (const [host, want] of cases) {
    it(`${host || '(no host)'} → rule ${want}`, () => {
      for (const m of both(rules)) expect(m(host, '/x').rule).toBe(want);
    });
  }
  it('a host server does not fall through to the host-less rules (ingress-nginx: one server per host)', () => {
    const r = [rule('/api', 'Prefix', 'a.example.com'), rule('/', 'Prefix', undefined, 1)];
    for (const m of both(r)) expect(m('a.example.com', '/web')).toEqual({ rule: -1, server: 'a.example.com' });
  });
  it('an exact host beats a wildcard that covers it', () => {
    const r = [rule('/', 'Prefix', '*.example.com'), rule('/', 'Prefix', 'acme.example.com', 1)];
    for (const m of both(r)) expect(m('acme.example.com', '/').rule).toBe(1);
  });
});

describe('compiled matcher = linear-scan reference', () => {
  const seg = fc.constantFrom('a', 'b', 'aa', 'ab', 'api', 'v1', '');
  const path = fc.array(seg, { maxLength: 4 }).chain((s) => fc.boolean().map((t) => '/' + s.join('/') + (t ? '/' : '')));
  const host = fc.option(fc.constantFrom('a.x.io', 'b.x.io', 'x.io', '*.x.io', 'c.a.x.io', '*.a.x.io'), { nil: undefined });
  const ruleArb = fc.record({ host, path, pathType: fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific') as fc.Arbitrary<RouteRule['pathType']>, order: fc.nat(5) });
  it('agrees on random rule sets and requests (seeded)', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 25 }), fc.array(fc.tuple(fc.constantFrom('a.x.io', 'b.x.io', 'x.io', 'c.a.x.io', 'd.a.x.io', 'q.x.io', ''), path), { minLength: 1, maxLength: 20 }), (rules, reqs) => {
          const [ref, fast] = both(rules);
          for (const [h, p] of reqs) expect(fast(h, p)).toEqual(ref(h, p));
      }),
      { seed: 16, numRuns: 400 },
    );
  });
});
