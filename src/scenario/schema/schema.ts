// scenario: the vocabulary of the declarative scenario schema — field name → type, enum, required, default,
// children — and small builders, so every part of the format is read by the same validator (validate.ts).
import type { SourceRef } from '../../lib/diagnostics.js';
import type { Check } from './formats.js';
import type { PValue } from '../read/positioned.js';
import type { Ctx, Place } from '../provenance.js';

export type Rec = Record<string, unknown>;

/** Locates a field of the record being checked (or the record itself). */
export type At = (field?: string) => Place;

export type Schema =
  | { readonly t: 'string'; readonly check?: Check; readonly enum?: readonly string[] }
  | { readonly t: 'int'; readonly min: number; readonly max: number; readonly what?: string }
  | { readonly t: 'number'; readonly min: number; readonly max: number }
  | { readonly t: 'bool' }
  /** A duration; `simTime` ones are bounded by the simulated-time limit (a horizon). */
  | { readonly t: 'duration'; readonly simTime?: boolean }
  /** An AS number: 1..4294967295, plain or dotted `a.b`. */
  | { readonly t: 'asn' }
  /** A port number or a port name (Service targetPort, Ingress backend port). */
  | { readonly t: 'port-or-name' }
  /** A Calico selector expression. */
  | { readonly t: 'selector' }
  /** A Kubernetes label map (string → string, label syntax checked). */
  | { readonly t: 'labels' }
  /** A string → string map with free-form values (annotations). */
  | { readonly t: 'strings' }
  /** A list; a `generator` list also takes `{count, ...fields}` and expands it with `{i}`. */
  | { readonly t: 'list'; readonly of: Schema; readonly generator?: boolean }
  | {
      readonly t: 'object';
      readonly fields: Readonly<Record<string, Field>>;
      /** Cross-field rules, run after the fields were read. */
      readonly check?: (o: Rec, at: At, ctx: Ctx) => void;
      /** Reshapes the record (after `src` was added). */
      readonly build?: (o: Rec) => unknown;
      /** The record type has no `src` field. */
      readonly noSrc?: boolean;
      /**
       * Records located by the manifest they were read from (manifestOrigin), never by their parts: on a lenient
       * context the validator reads them without provenance when nothing in them could be reported (validate-quick.ts).
       */
      readonly unlocated?: boolean;
    }
  /** Kept as written, for a later step: yields a RawRef. */
  | { readonly t: 'raw'; readonly shape: 'map' | 'seq' | 'unchecked' }
  | { readonly t: 'custom'; readonly read: (v: PValue, path: string, ctx: Ctx) => unknown };

export interface Field {
  readonly s: Schema;
  readonly required?: boolean;
  /** Value when absent: a constant or a function of the fields read so far. */
  readonly def?: unknown;
  /** For an object field: when absent, read as an empty map (so its own defaults apply). */
  readonly empty?: boolean;
}

/** An `include` entry: the path as written, where, and its field path. */
export interface PathRef {
  readonly path: string;
  readonly src: SourceRef;
  readonly fieldPath: string;
}

/** A value kept as written, with its field path. */
export interface RawRef {
  readonly node: PValue;
  readonly path: string;
  /** Read while scanning a folder: a document that is not a Kubernetes object is skipped with a warning. */
  readonly scanned?: boolean;
}

export const str = (check?: Check): Schema => (check === undefined ? { t: 'string' } : { t: 'string', check });
export const oneOf = (values: readonly string[]): Schema => ({ t: 'string', enum: values });
export const int = (min: number, max: number, what?: string): Schema =>
  what === undefined ? { t: 'int', min, max } : { t: 'int', min, max, what };
export const num = (min: number, max: number): Schema => ({ t: 'number', min, max });
export const bool: Schema = { t: 'bool' };
export const duration: Schema = { t: 'duration' };
export const simTime: Schema = { t: 'duration', simTime: true };
export const asn: Schema = { t: 'asn' };
export const portOrName: Schema = { t: 'port-or-name' };
export const selector: Schema = { t: 'selector' };
export const labels: Schema = { t: 'labels' };
export const strings: Schema = { t: 'strings' };
export const port: Schema = int(1, 65535, 'port');
export const list = (of: Schema): Schema => ({ t: 'list', of });
export const generated = (of: Schema): Schema => ({ t: 'list', of, generator: true });
export const raw = (shape: 'map' | 'seq' | 'unchecked'): Schema => ({ t: 'raw', shape });
export const obj = (
  fields: Readonly<Record<string, Field>>,
  opts: { check?: (o: Rec, at: At, ctx: Ctx) => void; build?: (o: Rec) => unknown; noSrc?: boolean; unlocated?: boolean } = {},
): Schema => ({ t: 'object', fields, ...opts });

/** A required field. */
export const req = (s: Schema): Field => ({ s, required: true });
/** An optional field (absent → absent). */
export const opt = (s: Schema): Field => ({ s });
/** A field with a default. */
export const def = (s: Schema, value: unknown): Field => ({ s, def: value });
/** An object field read as `{}` when absent, so its defaults apply. */
export const sub = (s: Schema): Field => ({ s, empty: true });
/** A list field that defaults to the empty list. */
export const many = (s: Schema): Field => ({ s: list(s), def: () => [] });
