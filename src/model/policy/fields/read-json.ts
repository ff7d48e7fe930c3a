// model: typed reading of a manifest's JSON body for the policy converters — every problem becomes a
// Diagnostic located by the manifest's Locator at the field path (`spec.ingress[0].ports[1].port`): at its value,
// or at its key when the key itself is the problem (an unknown field).
import { isToken, quoteToken } from '../../../lib/quote-token.js';
import { didYouMean } from '../../../scenario/schema/did-you-mean.js';
import type { Diagnostic, FieldPart, SourceRef } from '../../../lib/diagnostics.js';
import { diagnosticAt } from '../../../lib/diagnostics.js';
import { joinPath } from '../../../scenario/read/positioned.js';
import type { JsonObject, JsonValue, Manifest } from '../../../scenario/types.js';

/** The manifest being read and where its problems go. */
export interface ReadCtx {
  readonly manifest: Manifest;
  readonly diagnostics: Diagnostic[];
}

/** Adds an error at `path` of the manifest (at its key with `part` 'key'). */
export function fail(ctx: ReadCtx, path: string, message: string, part: FieldPart = 'value'): void {
  ctx.diagnostics.push(diagnosticAt(ctx.manifest.locate(path, part), path, message, 'error', ctx.manifest.src.file));
}

/** Adds a warning at `path` of the manifest. */
export function warn(ctx: ReadCtx, path: string, message: string): void {
  ctx.diagnostics.push(diagnosticAt(ctx.manifest.locate(path), path, message, 'warning', ctx.manifest.src.file));
}

/** Number of errors recorded so far (to tell whether a sub-read failed). */
export function errorCount(ctx: ReadCtx): number {
  let n = 0;
  for (const d of ctx.diagnostics) if (d.severity === 'error') n++;
  return n;
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at `path`, undefined when absent or null; an error when it has another type. */
export function readObject(ctx: ReadCtx, v: JsonValue | undefined, path: string): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  if (isObject(v)) return v;
  fail(ctx, path, 'must be an object');
  return undefined;
}

/** The array at `path`, undefined when absent or null; an error when it has another type. */
export function readArray(ctx: ReadCtx, v: JsonValue | undefined, path: string): JsonValue[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v;
  fail(ctx, path, 'must be a list');
  return undefined;
}

/** The string at `path` (undefined when absent); numbers are not coerced. */
export function readString(ctx: ReadCtx, v: JsonValue | undefined, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  fail(ctx, path, 'must be a string');
  return undefined;
}

/** A list of strings (undefined when absent). */
export function readStrings(ctx: ReadCtx, v: JsonValue | undefined, path: string): string[] | undefined {
  const arr = readArray(ctx, v, path);
  if (!arr) return undefined;
  const out: string[] = [];
  arr.forEach((item, i) => {
    const s = readString(ctx, item, `${path}[${i}]`);
    if (s !== undefined) out.push(s);
  });
  return out;
}

/** An integer at `path` (undefined when absent). */
export function readInt(ctx: ReadCtx, v: JsonValue | undefined, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  fail(ctx, path, 'must be an integer');
  return undefined;
}

/** A number (float allowed) at `path`. */
export function readNumber(ctx: ReadCtx, v: JsonValue | undefined, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  fail(ctx, path, 'must be a number');
  return undefined;
}

/** A boolean at `path`. */
export function readBool(ctx: ReadCtx, v: JsonValue | undefined, path: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  fail(ctx, path, 'must be true or false');
  return undefined;
}

/**
 * Reports every key of `obj` that is not in `known` (strict decoding, as the API server does), at the key as written
 * (a key not shown in messages is named by its object's path, but still placed at itself).
 */
export function checkFields(ctx: ReadCtx, obj: JsonObject, known: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      const shown = isToken(key) ? key : undefined;
      const at = shown === undefined ? path : path ? `${path}.${shown}` : shown;
      const message = `unknown field ${shown === undefined ? quoteToken(key) : `"${shown}"`}${path ? ` in ${path}` : ''}${shown === undefined ? '' : didYouMean(shown, known)}`;
      ctx.diagnostics.push(diagnosticAt(ctx.manifest.locate(joinPath(path, key), 'key'), at, message, 'error', ctx.manifest.src.file));
    }
  }
}

/** `base.key` (or `key` at the root). */
export function sub(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/**
 * The origin of a rule at `path` (with `extra` fields after its position), the position looked up when first
 * read: explanations read a few rules, a policy parse makes thousands. An own enumerable getter, so copies
 * and JSON show it as a plain field.
 */
export function lazyOrigin<E extends object>(ctx: ReadCtx, path: string, extra?: E): { readonly path: string; readonly src: SourceRef } & E {
  let src: SourceRef | undefined;
  const m = ctx.manifest;
  return {
    path,
    get src(): SourceRef {
      return (src ??= m.locate(path));
    },
    ...(extra as E),
  };
}
