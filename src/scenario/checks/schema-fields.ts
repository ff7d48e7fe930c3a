// scenario: the fields a kind's compiled OpenAPI validator reads, learnt from one recorded run and reused for every
// object of that kind whose shape it covers, so the unknown-field check rides on the walk that builds the body
// (manifest-record.ts) rather than a proxied validation per object. kubernetes-models' ajv validators are one function per schema type and read every declared
// property of each object they visit, present or not (`void 0===data.spec||…` in _schemas/IoK8sApiCoreV1Pod.js),
// so what is read at `spec.containers[3]` is what is read at `spec.containers[0]`: paths are kept with `[]` for
// indices.
import { joinPath, type PValue } from '../read/positioned.js';

/**
 * Fields read per object shape, and the shapes seen in a clean run. A shape seen but without fields is one the
 * validator enumerated as a map (labels: any key) or never visited: the walk does not look inside either.
 */
export interface SchemaFields {
  readonly known: Map<string, readonly string[]>;
  /** `known` as sets, for the walk's lookups (a PodSpec declares some forty fields). */
  readonly knownSets: Map<string, ReadonlySet<string>>;
  readonly covered: Set<string>;
}

/** A key of an object the schema does not declare, with the keys it does. */
export interface UnknownField {
  readonly parent: string;
  readonly key: string;
  readonly known: readonly string[];
}

export function emptySchemaFields(): SchemaFields {
  return { known: new Map(), knownSets: new Map(), covered: new Set() };
}

/** Child shapes, memoised: the shape walk meets the same few hundred paths on every object. */
const childShapes = new Map<string, Map<string, string>>();
/** The shape of field `key` of an object of shape `shape`. */
export function childShape(shape: string, key: string): string {
  let kids = childShapes.get(shape);
  if (kids === undefined) childShapes.set(shape, (kids = new Map()));
  let out = kids.get(key);
  if (out === undefined) kids.set(key, (out = joinPath(shape, key)));
  return out;
}

/** Item shapes of lists, memoised: a list's items share one shape (`spec.containers[]`). */
const itemShapes = new Map<string, string>();
/** The shape of the items of a list of shape `shape`. */
export function itemShape(shape: string): string {
  let out = itemShapes.get(shape);
  if (out === undefined) itemShapes.set(shape, (out = `${shape}[]`));
  return out;
}

/** What one recorded run read, by real path. */
export interface Recorded {
  readonly known: ReadonlyMap<string, readonly string[]>;
  readonly maps: ReadonlySet<string>;
}

/** Adds what a clean recorded run of `doc` read to `f`, under each object's shape (first learnt wins). */
export function learn(f: SchemaFields, v: PValue, run: Recorded, path = '', shape = ''): void {
  if (v.kind === 'seq') v.items.forEach((x, i) => learn(f, x, run, joinPath(path, i), `${shape}[]`));
  if (v.kind !== 'map') return;
  f.covered.add(shape);
  const read = run.maps.has(path) ? undefined : run.known.get(path);
  if (read === undefined) return;
  if (!f.known.has(shape)) {
    f.known.set(shape, read);
    f.knownSets.set(shape, new Set(read));
  }
  for (const e of v.entries) if (read.includes(e.key)) learn(f, e.value, run, joinPath(path, e.key), joinPath(shape, e.key));
}

/** Keys of `v`'s maps one recorded run never read (maps the schema enumerates, like labels, hold any key). */
export function unknownFields(v: PValue, run: Recorded, path = ''): UnknownField[] {
  const out: UnknownField[] = [];
  if (v.kind === 'seq') v.items.forEach((x, i) => out.push(...unknownFields(x, run, joinPath(path, i))));
  if (v.kind !== 'map' || run.maps.has(path)) return out;
  const read = run.known.get(path);
  if (read === undefined) return out;
  for (const e of v.entries) {
    if (!read.includes(e.key)) out.push({ parent: path, key: e.key, known: read });
    else out.push(...unknownFields(e.value, run, joinPath(path, e.key)));
  }
  return out;
}
