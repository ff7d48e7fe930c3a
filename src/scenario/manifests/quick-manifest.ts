// scenario: a manifest document read as JSON (lazy-manifest-doc.ts) into its Manifest record without its tree — what
// makeManifest gives when it would report nothing — or undefined, and the tree is then read and made a record the
// usual way. Nothing is recorded or reported here: the caller registers the record once every check passed.
import type { LazyManifestDoc } from '../read/lazy-manifest-doc.js';
import { unresolvedPlaceholder } from '../read/placeholders.js';
import { locateIn } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import { isJsonMap, quickReadJson } from '../schema/validate-quick-json.js';
import { NOT_QUICK } from '../schema/validate-quick.js';
import type { JsonValue, Manifest } from '../types.js';
import { childShape, itemShape } from '../checks/schema-fields.js';
import { metadataSchema, namespaceMismatch, newManifest, type ManifestMeta, type ShapeCheck } from './manifest-record.js';

/**
 * makeManifest's record for `doc` when its metadata reads quickly, no placeholder is left in it, `-n` agrees, and
 * (with `check`) every map the shape check follows has a covered shape and only known keys: `check.unknown` is then
 * the empty list makeManifest would leave. Undefined otherwise.
 */
export function quickManifest(doc: LazyManifestDoc, apiVersion: string, kind: string, ctx: Ctx, check: ShapeCheck | undefined): Manifest | undefined {
  const json = doc.json;
  if (!isJsonMap(json) || json.metadata === undefined) return undefined;
  const meta = quickReadJson(metadataSchema, json.metadata);
  if (meta === NOT_QUICK || !shapeClean(json, check)) return undefined;
  const read = meta as ManifestMeta & { name: string };
  if (namespaceMismatch(read, kind, ctx.namespace)) return undefined;
  if (check !== undefined) check.unknown = [];
  return newManifest(apiVersion, kind, read, json as Manifest['body'], doc.src, (path, part) => locateIn(doc.node, path, part), ctx.namespace);
}

/** A shape's known keys and their child shapes (one lookup per key where the walk makes two), by its known set. */
const childrenBySet = new WeakMap<ReadonlySet<string>, ReadonlyMap<string, string>>();
function knownChildren(shape: string, read: ReadonlySet<string>): ReadonlyMap<string, string> {
  let kids = childrenBySet.get(read);
  if (kids === undefined) childrenBySet.set(read, (kids = new Map([...read].map((k) => [k, childShape(shape, k)]))));
  return kids;
}

/**
 * True when manifest-record.ts's body walk over the tree `json` stands for reports no placeholder and, with `check`,
 * leaves no unknown field and meets no uncovered shape. Maps are prototype-less, as the readers build them.
 */
export function shapeClean(json: JsonValue, check: ShapeCheck | undefined): boolean {
  const fields = check?.fields;
  const walk = (v: JsonValue, shape: string | undefined): boolean => {
    if (typeof v === 'string') return !v.includes('{') || unresolvedPlaceholder(v) === undefined;
    if (v === null || typeof v !== 'object') return true;
    if (Array.isArray(v)) {
      const item = shape === undefined ? undefined : itemShape(shape);
      for (const x of v) if (!walk(x, item)) return false;
      return true;
    }
    let known: ReadonlyMap<string, string> | undefined;
    if (shape !== undefined && fields !== undefined) {
      if (!fields.covered.has(shape)) return false;
      const read = fields.knownSets.get(shape);
      known = read === undefined ? undefined : knownChildren(shape, read);
    }
    for (const key in v) {
      let child: string | undefined;
      if (known !== undefined) {
        child = known.get(key);
        if (child === undefined) return false;
      }
      if (!walk(v[key] as JsonValue, child)) return false;
    }
    return true;
  };
  return walk(json, check === undefined ? undefined : '');
}
