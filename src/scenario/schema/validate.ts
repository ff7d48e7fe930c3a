// scenario: the one validator of the declarative schema — positioned YAML in, plain records out (defaults
// applied, `src` attached, provenance kept), every problem reported with file, line, column and field path.
import { limits } from '../../lib/limits.js';
import { isToken, quoteToken } from '../../lib/quote-token.js';
import { didYouMean } from './did-you-mean.js';
import { parseDuration, simTimeProblem } from './duration.js';
import { parseAsNumber, portName } from './formats.js';
import { labelKeyProblem, labelValueProblem, selectorProblem } from './label-formats.js';
import { unresolvedMessage, unresolvedPlaceholder, substitute } from '../read/placeholders.js';
import { describe, entryOf, joinPath, type PEntry, type PMap, type PScalar, type PValue } from '../read/positioned.js';
import { errorAt, type Ctx, type Place } from '../provenance.js';
import type { Field, Rec, Schema } from './schema.js';
import { TreeOrigin } from './tree-origin.js';
import { NOT_QUICK, quickRead } from './validate-quick.js';

const MAX_GENERATED = 100_000;

/** Reads `v` against `s`; returns undefined (after reporting) when it does not fit. */
export function validate(s: Schema, v: PValue, path: string, ctx: Ctx): unknown {
  switch (s.t) {
    case 'string': {
      const text = stringValue(v, path, ctx);
      if (text === undefined) return undefined;
      if (s.enum !== undefined && !s.enum.includes(text)) {
        return failAt(ctx, path, v, `${text} is not one of ${s.enum.join(', ')}${didYouMean(text, s.enum)}`);
      }
      const problem = s.check?.(text);
      return problem === undefined ? text : failAt(ctx, path, v, problem);
    }
    case 'int':
    case 'number': {
      const n = numberValue(v, s.t === 'int');
      if (n === undefined) return failAt(ctx, path, v, `expected ${s.t === 'int' ? 'an integer' : 'a number'}, got ${describe(v)}`);
      if (n < s.min || n > s.max) {
        const what = s.t === 'int' && s.what !== undefined ? `a valid ${s.what} ` : '';
        return failAt(ctx, path, v, `${n} is not ${what}in ${s.min}..${s.max}`);
      }
      return n;
    }
    case 'bool':
      return v.kind === 'scalar' && typeof v.value === 'boolean' ? v.value : failAt(ctx, path, v, `expected true or false, got ${describe(v)}`);
    case 'duration': {
      const d = v.kind === 'scalar' && (typeof v.value === 'string' || typeof v.value === 'number') ? parseDuration(v.value) : undefined;
      if (d === undefined) return failAt(ctx, path, v, `${v.kind === 'scalar' ? String(v.value) : describe(v)} is not a duration (like 90s, 5m, 1h30m, 250ms)`);
      const late = s.simTime === true ? simTimeProblem(d) : undefined;
      return late === undefined ? d : failAt(ctx, path, v, late);
    }
    case 'asn': {
      const text = v.kind === 'scalar' && v.value !== null ? (v.raw ?? String(v.value)) : undefined;
      const n = text === undefined ? undefined : parseAsNumber(text);
      return n ?? failAt(ctx, path, v, `${text ?? describe(v)} is not an AS number (1..4294967295, or dotted a.b)`);
    }
    case 'port-or-name': {
      const n = numberValue(v, true);
      if (n !== undefined) return n >= 1 && n <= 65535 ? n : failAt(ctx, path, v, `${n} is not a valid port in 1..65535`);
      const text = stringValue(v, path, ctx);
      if (text === undefined) return undefined;
      const problem = portName(text);
      return problem === undefined ? text : failAt(ctx, path, v, problem);
    }
    case 'selector':
      return readSelector(v, path, ctx);
    case 'labels':
    case 'strings':
      return readLabels(v, path, ctx, s.t === 'labels');
    case 'list':
      return readList(s, v, path, ctx);
    case 'object':
      return readObject(s, v, path, ctx);
    case 'raw':
      if (s.shape !== 'unchecked' && v.kind !== s.shape) return failAt(ctx, path, v, `expected ${s.shape === 'map' ? 'a map' : 'a list'}, got ${describe(v)}`);
      return { node: v, path };
    case 'custom':
      return s.read(v, path, ctx);
  }
}

/** Reports `message` at `v` (a plain function: a closure per validated value showed in the profiles). */
function failAt(ctx: Ctx, path: string, v: PValue, message: string): undefined {
  errorAt(ctx, { path, src: v.src }, message);
  return undefined;
}

/** Like validate, but undefined when any error was reported on the way (so callers see complete records). */
export function validateClean(s: Schema, v: PValue, path: string, ctx: Ctx): unknown {
  const items = ctx.sink.items;
  const before = items.length;
  const r = validate(s, v, path, ctx);
  for (let i = before; i < items.length; i++) if (items[i]?.severity === 'error') return undefined;
  return r;
}

/** A string scalar's text (placeholders must be resolved by now). */
export function stringValue(v: PValue, path: string, ctx: Ctx): string | undefined {
  if (v.kind !== 'scalar' || typeof v.value !== 'string') {
    const hint = v.kind === 'scalar' && v.value !== null ? ' (quote it)' : '';
    errorAt(ctx, { path, src: v.src }, `expected a string, got ${describe(v)}${hint}`);
    return undefined;
  }
  const left = unresolvedPlaceholder(v.value);
  if (left !== undefined) {
    errorAt(ctx, { path, src: v.src }, unresolvedMessage(left));
    return undefined;
  }
  return v.value;
}

/** A number, or a generated string that became one (`"{i+10}"` → 11). */
function numberValue(v: PValue, integer: boolean): number | undefined {
  if (v.kind !== 'scalar') return undefined;
  let n: number | undefined;
  if (typeof v.value === 'number') n = v.value;
  else if (typeof v.value === 'string' && v.generated === true && /^-?\d+(\.\d+)?$/.test(v.value)) n = Number(v.value);
  if (n === undefined || !Number.isFinite(n) || (integer && !Number.isInteger(n))) return undefined;
  return n;
}

function readSelector(v: PValue, path: string, ctx: Ctx): string | undefined {
  const text = stringValue(v, path, ctx);
  if (text === undefined) return undefined;
  const problem = selectorProblem(text);
  if (problem === undefined) return text;
  const quoted = (v as PScalar).raw === undefined ? 1 : 0;
  errorAt(ctx, { path, src: { ...v.src, col: v.src.col + quoted + problem.col - 1 } }, problem.message);
  return undefined;
}

function readLabels(v: PValue, path: string, ctx: Ctx, labelSyntax: boolean): Record<string, string> | undefined {
  if (v.kind !== 'map') {
    errorAt(ctx, { path, src: v.src }, `expected a map of labels, got ${describe(v)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  const check = ctx.strict && labelSyntax;
  for (const e of v.entries) {
    // The entry's path is joined only when a problem is reported there.
    const keyProblem = ctx.strict ? labelKeyProblem(e.key) : undefined;
    if (keyProblem !== undefined) errorAt(ctx, { path: joinPath(path, e.key), src: e.keySrc }, keyProblem);
    const val = e.value;
    if (val.kind === 'scalar' && val.value === null) {
      out[e.key] = '';
      continue;
    }
    const text = val.kind === 'scalar' && typeof val.value === 'string' ? val.value : undefined;
    if (text === undefined) {
      errorAt(ctx, { path: joinPath(path, e.key), src: val.src }, `values here are strings, got ${describe(val)} (quote it)`);
      continue;
    }
    const problem = unresolvedPlaceholder(text) ?? (check ? labelValueProblem(text) : undefined);
    if (problem !== undefined) {
      errorAt(ctx, { path: joinPath(path, e.key), src: val.src }, problem.startsWith('{') ? unresolvedMessage(problem) : problem);
      continue;
    }
    if (keyProblem === undefined && e.key !== '__proto__') out[e.key] = text;
  }
  return out;
}

function readList(s: Schema & { t: 'list' }, v: PValue, path: string, ctx: Ctx): unknown[] | undefined {
  let items: readonly PValue[];
  if (v.kind === 'seq') items = v.items;
  else if (s.generator === true && v.kind === 'map' && entryOf(v, 'count') !== undefined) items = expandGenerator(v, path, ctx);
  else {
    const also = s.generator === true ? ' or a generator {count, ...}' : '';
    errorAt(ctx, { path, src: v.src }, `expected a list${also}, got ${describe(v)}`);
    return undefined;
  }
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = validate(s.of, items[i] as PValue, `${path}[${i}]`, ctx);
    if (r !== undefined) out.push(r);
  }
  return out;
}

/** `{count: N, name: "n-{i}", ...}` → N maps with `{i}` substituted (count removed). */
function expandGenerator(m: PMap, path: string, ctx: Ctx): PValue[] {
  const countEntry = entryOf(m, 'count');
  const count = countEntry === undefined ? undefined : validate(int0(), countEntry.value, joinPath(path, 'count'), ctx);
  if (typeof count !== 'number') return [];
  if (!spendObjects(count, { path: joinPath(path, 'count'), src: (countEntry as PEntry).value.src }, ctx)) return [];
  const template: PMap = { kind: 'map', entries: m.entries.filter((e) => e.key !== 'count'), src: m.src };
  const out: PValue[] = [];
  for (let i = 1; i <= count; i++) out.push(substitute(template, { i }));
  return out;
}

/**
 * Takes `n` objects from the load's budget before a generator expands them; reports the limit and returns
 * false when they do not fit (nothing is expanded then).
 */
export function spendObjects(n: number, at: Place, ctx: Ctx): boolean {
  const budget = ctx.objects;
  if (budget === undefined) return true;
  if (n > budget.left) {
    errorAt(ctx, at, `${n} more objects would pass the limit of ${limits().maxObjects} nodes and pods (raise it with --max-objects N)`);
    budget.left = 0;
    return false;
  }
  budget.left -= n;
  return true;
}

const int0 = (): Schema => ({ t: 'int', min: 0, max: MAX_GENERATED });

function readObject(s: Schema & { t: 'object' }, v: PValue, path: string, ctx: Ctx): unknown {
  if (s.unlocated === true && !ctx.strict) {
    const quick = quickRead(s, v);
    if (quick !== NOT_QUICK) return quick;
  }
  if (v.kind !== 'map') {
    errorAt(ctx, { path, src: v.src }, `expected a map, got ${describe(v)}`);
    return undefined;
  }
  const fields = s.fields;
  if (ctx.strict) {
    for (const e of v.entries) {
      if (!Object.hasOwn(fields, e.key)) {
        const field = isToken(e.key) ? joinPath(path, e.key) : path;
        errorAt(ctx, { path: field, src: e.keySrc }, `unknown field ${quoteToken(e.key)}${isToken(e.key) ? didYouMean(e.key, Object.keys(fields)) : ''}`);
      }
    }
  }
  const out: Rec = {};
  let complete = true;
  // for-in walks the schema's own keys in Object.keys order without allocating their array.
  for (const name in fields) {
    const value = readField(fields[name] as Field, name, v, path, ctx, out);
    if (value === MISSING) complete = false;
    else if (value !== undefined) out[name] = value;
  }
  if (s.noSrc !== true) out.src = v.src;
  const origin = new TreeOrigin(path, v, ctx.fromManifest);
  ctx.prov.set(out, origin);
  s.check?.(out, (field) => ctx.prov.at(out, field), ctx);
  // A required field missing or unreadable (reported) leaves no record: nothing builds on half of one.
  if (!complete) return undefined;
  if (s.build === undefined) return out;
  const built = s.build(out);
  if (typeof built === 'object' && built !== null) ctx.prov.set(built, origin);
  return built;
}

/** A required field that is absent or did not validate (already reported). */
const MISSING = Symbol('missing');

/**
 * A field's value. One that was written but did not validate (already reported) reads as if absent — its
 * default, or nothing for an optional field — so the record keeps its type and the rest of the document is
 * still checked; the load fails anyway on the reported error.
 */
function readField(f: Field, name: string, map: PMap, path: string, ctx: Ctx, sofar: Rec): unknown {
  const e = entryOf(map, name);
  // The field's path is joined only when it is read or reported: most fields of a schema are absent.
  if (e !== undefined && !(e.value.kind === 'scalar' && e.value.value === null)) {
    const value = validate(f.s, e.value, joinPath(path, name), ctx);
    if (value !== undefined) return value;
    if (f.required === true) return MISSING;
  } else if (f.required === true) {
    errorAt(ctx, { path: joinPath(path, name), src: e?.keySrc ?? map.src }, `missing required field \`${name}\``);
    return MISSING;
  }
  if (f.empty === true) return validate(f.s, { kind: 'map', entries: [], src: e?.keySrc ?? map.src }, joinPath(path, name), ctx);
  return typeof f.def === 'function' ? (f.def as (o: Rec) => unknown)(sofar) : f.def;
}
