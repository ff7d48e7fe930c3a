// emit: an HTTPRoute rule filter as the API takes it (HTTPRouteFilter), from the HttpRouteFilterSpec
// calisim applies; reading it back gives the same filter.
import type { HttpPathModifierSpec, HttpRouteFilterSpec, JsonObject } from '../../scenario/types.js';

function pathObject(p: HttpPathModifierSpec): JsonObject {
  return p.type === 'ReplaceFullPath' ? { type: p.type, replaceFullPath: p.value } : { type: p.type, replacePrefixMatch: p.value };
}

/** The filter object. */
export function httpRouteFilterObject(f: HttpRouteFilterSpec): JsonObject {
  switch (f.type) {
    case 'RequestRedirect':
      return { type: f.type, requestRedirect: { ...(f.scheme ? { scheme: f.scheme } : {}), ...(f.hostname ? { hostname: f.hostname } : {}), ...(f.path ? { path: pathObject(f.path) } : {}), ...(f.port !== undefined ? { port: f.port } : {}), statusCode: f.statusCode } };
    case 'URLRewrite':
      return { type: f.type, urlRewrite: { ...(f.hostname ? { hostname: f.hostname } : {}), ...(f.path ? { path: pathObject(f.path) } : {}) } };
    case 'RequestHeaderModifier': {
      const pairs = (xs: readonly { name: string; value: string }[]) => xs.map((h) => ({ name: h.name, value: h.value }));
      return { type: f.type, requestHeaderModifier: { ...(f.set.length ? { set: pairs(f.set) } : {}), ...(f.add.length ? { add: pairs(f.add) } : {}), ...(f.remove.length ? { remove: [...f.remove] } : {}) } };
    }
  }
}
