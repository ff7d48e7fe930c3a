// scenario: an HTTPRoute rule's filters (gateway.networking.k8s.io/v1 HTTPRouteFilter) into the specs
// calisim applies — RequestRedirect, URLRewrite, RequestHeaderModifier — with the CRD's rules checked
// (the filter's own field present, path modifiers' values, redirect status 301/302); the other filter
// types (ResponseHeaderModifier, RequestMirror, CORS, ExtensionRef) are reported as ignored.
import type { Manifest, HttpPathModifierSpec, HttpRouteFilterSpec } from '../types.js';
import { errorAt, type Ctx } from '../provenance.js';
import { def, int, many, obj, oneOf, opt, port, raw, req, str } from '../schema/schema.js';

const TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'ExtensionRef', 'CORS', 'ExternalAuth'] as const;
const FIELD: Readonly<Record<(typeof TYPES)[number], string>> = {
  RequestHeaderModifier: 'requestHeaderModifier', ResponseHeaderModifier: 'responseHeaderModifier', RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect', URLRewrite: 'urlRewrite', ExtensionRef: 'extensionRef', CORS: 'cors', ExternalAuth: 'externalAuth',
};
const header = obj({ name: req(str()), value: req(str()) }, { noSrc: true });
const pathModifier = obj({ type: req(oneOf(['ReplaceFullPath', 'ReplacePrefixMatch'])), replaceFullPath: opt(str()), replacePrefixMatch: opt(str()) }, { noSrc: true });
const headerModifier = obj({ set: many(header), add: many(header), remove: many(str()) }, { noSrc: true });

/** The schema of one filter, for the rule's `filters` list. */
export const filterSchema = obj(
  {
    type: req(oneOf([...TYPES])),
    requestHeaderModifier: opt(headerModifier),
    responseHeaderModifier: opt(headerModifier),
    requestMirror: opt(raw('map')),
    requestRedirect: opt(obj({ scheme: opt(oneOf(['http', 'https'])), hostname: opt(str()), path: opt(pathModifier), port: opt(port), statusCode: def(int(301, 302, 'statusCode'), 302) }, { noSrc: true })),
    urlRewrite: opt(obj({ hostname: opt(str()), path: opt(pathModifier) }, { noSrc: true })),
    extensionRef: opt(raw('map')),
    cors: opt(raw('map')),
    externalAuth: opt(raw('map')),
  },
  { noSrc: true },
);

type PathRec = { type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; replaceFullPath?: string; replacePrefixMatch?: string };
type HeadersRec = { set: { name: string; value: string }[]; add: { name: string; value: string }[]; remove: string[] };
/** A filter as the schema reads it. */
export interface FilterRec {
  type: (typeof TYPES)[number];
  requestHeaderModifier?: HeadersRec;
  requestRedirect?: { scheme?: 'http' | 'https'; hostname?: string; path?: PathRec; port?: number; statusCode: number };
  urlRewrite?: { hostname?: string; path?: PathRec };
  [field: string]: unknown;
}

/** The filters calisim applies, in order; problems reported at `base` (`spec.rules[i]`) with file and line. */
export function readFilters(filters: readonly FilterRec[], base: string, m: Manifest, path: string, ctx: Ctx): HttpRouteFilterSpec[] {
  const at = (f: string) => ({ path: path ? `${path}.${f}` : f, src: m.locate(f) });
  return filters.flatMap((f, k): HttpRouteFilterSpec[] => {
    const field = `${base}.filters[${k}]`;
    const own = FIELD[f.type];
    if (f[own] === undefined && f.type !== 'ExtensionRef') {
      errorAt(ctx, at(`${field}.${own}`), `required when type is ${f.type}`);
      return [];
    }
    const modifier = (p: PathRec | undefined, where: string): HttpPathModifierSpec | undefined => {
      if (p === undefined) return undefined;
      const value = p.type === 'ReplaceFullPath' ? p.replaceFullPath : p.replacePrefixMatch;
      const name = p.type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch';
      if (value === undefined) errorAt(ctx, at(`${where}.path.${name}`), `required when path.type is ${p.type}`);
      else if (!value.startsWith('/')) errorAt(ctx, at(`${where}.path.${name}`), `${JSON.stringify(value)} must be an absolute path`);
      return value === undefined ? undefined : { type: p.type, value };
    };
    switch (f.type) {
      case 'RequestRedirect': {
        const r = f.requestRedirect!;
        const p = modifier(r.path, `${field}.requestRedirect`);
        return [{ type: 'RequestRedirect', ...(r.scheme ? { scheme: r.scheme } : {}), ...(r.hostname ? { hostname: r.hostname.toLowerCase() } : {}), ...(p ? { path: p } : {}), ...(r.port !== undefined ? { port: r.port } : {}), statusCode: r.statusCode === 301 ? 301 : 302 }];
      }
      case 'URLRewrite': {
        const r = f.urlRewrite!;
        const p = modifier(r.path, `${field}.urlRewrite`);
        return [{ type: 'URLRewrite', ...(r.hostname ? { hostname: r.hostname.toLowerCase() } : {}), ...(p ? { path: p } : {}) }];
      }
      case 'RequestHeaderModifier': {
        const h = f.requestHeaderModifier!;
        return [{ type: 'RequestHeaderModifier', set: h.set, add: h.add, remove: h.remove }];
      }
      default:
        ctx.sink.warn(m.locate(field), `${path ? `${path}.` : ''}${field}`, `HTTPRoute filter ${f.type} is not modelled: ignored`);
        return [];
    }
  });
}
