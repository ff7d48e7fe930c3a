// scenario: where each validated record came from — its field path and a locator for its fields — kept
// beside the records (a WeakMap) so the cross-reference checks can point at `tenants[2].workloads[0].namespace`.
import type { DiagnosticSink, SourceRef } from '../lib/diagnostics.js';
import { joinPath, splitPath } from './read/positioned.js';

export interface Origin {
  readonly path: string;
  readonly locate: (field?: string) => SourceRef;
  /** True for records normalised from real manifests (dangling references there are warnings). */
  readonly fromManifest: boolean;
  /** Where a record field was written, when it differs (`namespace` → `metadata.namespace`). */
  readonly fieldPath?: (field: string) => string;
}

/** A place to report at: field path and source position. */
export interface Place {
  readonly path: string;
  readonly src: SourceRef;
}

const NOWHERE: SourceRef = { file: '<input>', line: 0, col: 0 };

/** Lets a subclass add its private fields to any object: the constructor returns the object it is given. */
class Carrier {
  constructor(o: object) {
    return o as Carrier;
  }
}

/**
 * A record's origin in a private field of the record itself, with the Provenance that set it: invisible to keys,
 * spread, JSON and equality, and gone with the record. A WeakMap entry per record (93,000 on B1's folder, most of
 * them intermediate records dropped at once) cost more than any other step of validation, and GC work besides.
 */
class Slot extends Carrier {
  #origin: Origin;
  #owner: Provenance;

  private constructor(rec: object, origin: Origin, owner: Provenance) {
    super(rec);
    this.#origin = origin;
    this.#owner = owner;
  }

  /** Sets the origin; false when the record takes no field (frozen) or its slot is another Provenance's. */
  static put(rec: object, origin: Origin, owner: Provenance): boolean {
    if (!(#origin in rec)) {
      if (!Object.isExtensible(rec)) return false;
      new Slot(rec, origin, owner);
      return true;
    }
    const slot = rec as Slot;
    if (slot.#owner !== owner) return false;
    slot.#origin = origin;
    return true;
  }

  static take(rec: object, owner: Provenance): Origin | undefined {
    return #origin in rec && (rec as Slot).#owner === owner ? (rec as Slot).#origin : undefined;
  }
}

export class Provenance {
  /** Origins of records whose slot cannot be this Provenance's (frozen records, another load's records). */
  private readonly others = new WeakMap<object, Origin>();

  set(rec: object, origin: Origin): void {
    if (!Slot.put(rec, origin, this)) this.others.set(rec, origin);
  }

  get(rec: object): Origin | undefined {
    return Slot.take(rec, this) ?? this.others.get(rec);
  }

  /** Place of a record, or of one of its fields (`a.b[0].c` paths are allowed). */
  at(rec: object, field?: string): Place {
    const o = this.get(rec);
    const own = (rec as { src?: SourceRef }).src ?? NOWHERE;
    if (o === undefined) return { path: field ?? '', src: own };
    const f = field === undefined ? undefined : (o.fieldPath?.(field) ?? field);
    const path = f === undefined ? o.path : splitPath(f).reduce<string>((p, k) => joinPath(p, k), o.path);
    return { path, src: o.locate(f) };
  }

  fromManifest(rec: object): boolean {
    return this.get(rec)?.fromManifest ?? false;
  }
}

/** Validation context shared by every reader. */
export interface Ctx {
  readonly sink: DiagnosticSink;
  readonly prov: Provenance;
  /** Unknown fields are errors (scenario form); inside real manifests they are let through. */
  readonly strict: boolean;
  readonly fromManifest: boolean;
  /** Namespace of namespaced manifests that name none (`-n`, as `kubectl apply -n`); default `default`. */
  readonly namespace?: string;
  /** Objects generators may still produce in this load (`--max-objects`), shared by every reader. */
  readonly objects?: { left: number };
}

/** Reports an error at a place. */
export function errorAt(ctx: Ctx, place: Place, message: string): void {
  ctx.sink.error(place.src, place.path, message);
}

/** Reports a problem about a record: an error for scenario-form records, a warning for manifest-derived ones. */
export function problemAt(ctx: Ctx, rec: object, field: string | undefined, message: string): void {
  const place = ctx.prov.at(rec, field);
  if (ctx.prov.fromManifest(rec)) ctx.sink.warn(place.src, place.path, message);
  else ctx.sink.error(place.src, place.path, message);
}
