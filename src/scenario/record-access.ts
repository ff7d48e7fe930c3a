// scenario: a JSON value wrapped so that reading it records which fields were read at each path — how the
// property names of a compiled OpenAPI validator are learnt (it reads every property its schema declares,
// present or not, and enumerates only the keys of maps such as labels).
import { joinPath } from './read/positioned.js';
import type { JsonValue } from './types.js';

/** The wrapped value, the fields read per path of an object, and the paths whose keys were enumerated (maps). */
export interface Recorded {
  readonly value: unknown;
  readonly known: Map<string, string[]>;
  readonly maps: Set<string>;
}

/** Wraps `json` for one validation run. */
export function recordAccess(json: JsonValue): Recorded {
  const known = new Map<string, string[]>();
  const maps = new Set<string>();
  const wrap = (v: JsonValue, path: string): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      return new Proxy(v, {
        get: (t, k, r) => (typeof k === 'string' && /^\d+$/.test(k) ? wrap(t[Number(k)] as JsonValue, joinPath(path, Number(k))) : Reflect.get(t, k, r)),
      });
    }
    if (!known.has(path)) known.set(path, []);
    const read = known.get(path)!;
    const note = (k: string | symbol): void => {
      if (typeof k === 'string' && !read.includes(k)) read.push(k);
    };
    return new Proxy(v, {
      get: (t, k) => {
        note(k);
        return typeof k === 'string' && Object.hasOwn(t, k) ? wrap(t[k] as JsonValue, joinPath(path, k)) : undefined;
      },
      has: (t, k) => {
        note(k);
        return Reflect.has(t, k);
      },
      ownKeys: (t) => {
        maps.add(path);
        return Reflect.ownKeys(t);
      },
    });
  };
  return { value: wrap(json, ''), known, maps };
}
