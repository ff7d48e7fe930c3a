// model: typed access to the fields of a Calico manifest kept whole (`Manifest.body`), with every
// problem reported as a Diagnostic located by the manifest's `locate` (file, line, field path).
import type { Diagnostic } from '../../lib/diagnostics.js';
import { diagnosticAt } from '../../lib/diagnostics.js';
import type { JsonObject, JsonValue, Manifest } from '../../scenario/types.js';

/** Reads `spec.*` fields of one manifest; problems go to the diagnostics list it was made with. */
export interface SpecReader {
  readonly manifest: Manifest;
  readonly spec: JsonObject;
  has(field: string): boolean;
  raw(field: string): JsonValue | undefined;
  string(field: string): string | undefined;
  boolean(field: string): boolean | undefined;
  integer(field: string, min: number, max: number): number | undefined;
  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined;
  /** `[{cidr: X}, ...]` lists (service IP ranges); entries without a cidr are skipped as confd does. */
  cidrList(field: string): string[] | undefined;
  stringList(field: string): string[] | undefined;
  error(field: string, message: string): void;
  warn(field: string, message: string): void;
}

/** A SpecReader over `manifest.body.spec` reporting into `out`. */
export function specReader(manifest: Manifest, out: Diagnostic[]): SpecReader {
  const body = manifest.body['spec'];
  const spec: JsonObject = isObject(body) ? body : {};
  const report = (field: string, message: string, severity: 'error' | 'warning'): void => {
    const path = field === '' ? 'spec' : `spec.${field}`;
    const where = manifest.locate(path);
    const text = `${manifest.kind} ${JSON.stringify(manifest.name)}: ${message}`;
    out.push(diagnosticAt(where, path, text, severity, manifest.src.file));
  };
  const error = (field: string, message: string): void => report(field, message, 'error');
  const raw = (field: string): JsonValue | undefined => {
    const v = spec[field];
    return v === null ? undefined : v;
  };
  const string = (field: string): string | undefined => {
    const v = raw(field);
    if (v === undefined || v === '') return undefined;
    if (typeof v === 'string') return v;
    error(field, 'must be a string');
    return undefined;
  };
  return {
    manifest,
    spec,
    has: (field) => raw(field) !== undefined && raw(field) !== '',
    raw,
    string,
    boolean(field) {
      const v = raw(field);
      if (v === undefined || typeof v === 'boolean') return v;
      error(field, 'must be true or false');
      return undefined;
    },
    integer(field, min, max) {
      const v = raw(field);
      if (v === undefined) return undefined;
      if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
      error(field, `must be an integer in ${min}..${max}`);
      return undefined;
    },
    oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
      const v = string(field);
      if (v === undefined) return undefined;
      if ((values as readonly string[]).includes(v)) return v as T;
      error(field, `must be one of ${values.join(', ')}`);
      return undefined;
    },
    cidrList(field) {
      const v = raw(field);
      if (v === undefined) return undefined;
      if (!Array.isArray(v)) {
        error(field, 'must be a list of {cidr} entries');
        return undefined;
      }
      const cidrs: string[] = [];
      v.forEach((item, i) => {
        const cidr = isObject(item) ? item['cidr'] : undefined;
        if (typeof cidr === 'string' && cidr !== '') cidrs.push(cidr);
        else if (cidr !== undefined && cidr !== null) error(`${field}[${i}].cidr`, 'must be a CIDR string');
      });
      return cidrs;
    },
    stringList(field) {
      const v = raw(field);
      if (v === undefined) return undefined;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
      error(field, 'must be a list of strings');
      return undefined;
    },
    error,
    warn: (field, message) => report(field, message, 'warning'),
  };
}

/** True for a JSON object (not an array, not null). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
