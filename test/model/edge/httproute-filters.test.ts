// HTTPRoute filters with the known answers of Gateway API's "HTTP path redirects and rewrites" guide
// (site-src/guides/http-redirect-rewrite.md) and the HTTPRequestRedirectFilter port rules of the API.
import { describe, expect, it } from 'vitest';
import { filterText, modifyPath, redirectLocation } from '../../../src/model/edge/httproute-filters.js';

const req = { https: false, host: 'redirect.example', port: 80, path: '/cayenne/pepper' };

describe('RequestRedirect', () => {
  it('redirects http to https with 301, the https port left out (the guide’s scheme redirect)', () => {
    expect(redirectLocation({ type: 'RequestRedirect', scheme: 'https', statusCode: 301 }, { ...req, path: '/' }, '/')).toBe('https://redirect.example/');
  });

  it('replaces the full path, or the matched prefix (the guide’s /cayenne examples)', () => {
    expect(redirectLocation({ type: 'RequestRedirect', path: { type: 'ReplaceFullPath', value: '/fake' }, statusCode: 302 }, req, '/cayenne')).toBe('http://redirect.example/fake');
    expect(redirectLocation({ type: 'RequestRedirect', path: { type: 'ReplacePrefixMatch', value: '/paprika' }, statusCode: 302 }, req, '/cayenne')).toBe('http://redirect.example/paprika/pepper');
  });

  it('takes a given port, else the scheme’s well-known one, else the listener’s, and writes only a port that is not well known', () => {
    expect(redirectLocation({ type: 'RequestRedirect', scheme: 'https', port: 8443, statusCode: 302 }, req, undefined)).toBe('https://redirect.example:8443/cayenne/pepper');
    expect(redirectLocation({ type: 'RequestRedirect', hostname: 'other.example', statusCode: 302 }, { ...req, port: 8080 }, undefined)).toBe('http://other.example:8080/cayenne/pepper');
    expect(redirectLocation({ type: 'RequestRedirect', scheme: 'http', statusCode: 302 }, { ...req, https: true, port: 8443 }, undefined)).toBe('http://redirect.example/cayenne/pepper');
  });
});

describe('ReplacePrefixMatch by path element', () => {
  it('keeps the rest after the matched prefix; a replacement of / drops the prefix', () => {
    expect(modifyPath('/foo/bar', { type: 'ReplacePrefixMatch', value: '/xyz' }, '/foo')).toBe('/xyz/bar');
    expect(modifyPath('/foo', { type: 'ReplacePrefixMatch', value: '/xyz' }, '/foo')).toBe('/xyz');
    expect(modifyPath('/foo/bar', { type: 'ReplacePrefixMatch', value: '/' }, '/foo')).toBe('/bar');
    expect(modifyPath('/foo/', { type: 'ReplacePrefixMatch', value: '/xyz/' }, '/foo/')).toBe('/xyz/');
  });
});

describe('URLRewrite and RequestHeaderModifier in words', () => {
  it('says what the backend receives (the guide’s /cardamom → /fennel rewrite)', () => {
    const r = { https: false, host: 'rewrite.example', port: 80, path: '/cardamom/seed' };
    expect(filterText({ type: 'URLRewrite', hostname: 'elsewhere.example', path: { type: 'ReplacePrefixMatch', value: '/fennel' } }, r, '/cardamom')).toBe('URLRewrite: the backend receives Host elsewhere.example and path /fennel/seed');
    expect(filterText({ type: 'RequestHeaderModifier', set: [{ name: 'my-header', value: 'foo' }], add: [], remove: ['x-legacy'] }, r, undefined)).toBe('RequestHeaderModifier: set my-header: foo; remove x-legacy');
  });
});
