// scenario: documents of a manifest set that the platform read-back needs beyond the cluster's own (flannel's
// install, MetalLB resources) into Manifest records, and small typed reads of their JSON bodies.
import { makeManifest } from '../manifests/manifest-record.js';
import { joinPath, stringOf } from '../read/positioned.js';
import type { Ctx } from '../provenance.js';
import type { RawRef } from '../schema/schema.js';
import type { JsonValue, Manifest } from '../types.js';

/** The Kubernetes objects (apiVersion and kind given) of `raw`, `kind: List` items included. */
export function readBackObjects(raw: readonly RawRef[], ctx: Ctx): Manifest[] {
  const out: Manifest[] = [];
  for (const r of raw) {
    if (r.node.kind !== 'map') continue;
    const apiVersion = stringOf(r.node, 'apiVersion');
    const kind = stringOf(r.node, 'kind');
    if (apiVersion === undefined || kind === undefined) continue;
    if (kind === 'List') {
      const items = r.node.entries.find((e) => e.key === 'items')?.value;
      if (items?.kind === 'seq') out.push(...readBackObjects(items.items.map((node, i) => ({ node, path: `${joinPath(r.path, 'items')}[${i}]` })), ctx));
      continue;
    }
    const m = makeManifest(r.node, r.path, apiVersion, kind, ctx);
    if (m !== undefined) out.push(m);
  }
  return out;
}

/** The value at a dotted path (or a list of keys, for keys holding dots) of a JSON body (undefined when any step is missing). */
export function jsonAt(body: JsonValue | undefined, path: string | readonly string[]): JsonValue | undefined {
  let v: JsonValue | undefined = body;
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = Object.hasOwn(v, key) ? v[key] : undefined;
  }
  return v;
}

/** A JSON array at `path` (empty when absent or not a list). */
export function listAt(body: JsonValue | undefined, path: string): readonly JsonValue[] {
  const v = jsonAt(body, path);
  return Array.isArray(v) ? v : [];
}
