// plan: one axis of a sweep file — `{ path, values: [...] }`, `{ path, range: { from, to, steps, scale } }`
// or `{ name, variants: { label: { path: value, ... } } }` — into its settings, with file:line problems.
import type { DiagnosticSink } from '../../lib/diagnostics.js';
import { didYouMean } from '../../scenario/schema/did-you-mean.js';
import { describe, type PMap, type PScalar, type PValue } from '../../scenario/read/positioned.js';
import { parsePath } from './field-path.js';
import type { AxisSetting, SweepAxis } from './sweep-spec.js';

const KEYS = ['name', 'path', 'values', 'range', 'variants'];
const RANGE_KEYS = ['from', 'to', 'steps', 'step', 'scale'];

/** Reads axis `v` (at field path `at`); undefined after reporting when it does not fit. */
export function readAxis(v: PValue, at: string, sink: DiagnosticSink): SweepAxis | undefined {
  if (v.kind !== 'map') {
    sink.error(v.src, at, `expected an axis map (path and values, range or variants), got ${describe(v)}`);
    return undefined;
  }
  for (const e of v.entries) if (!KEYS.includes(e.key)) sink.error(e.keySrc, `${at}.${e.key}`, `unknown field${didYouMean(e.key, KEYS)}`);
  const get = (k: string): PValue | undefined => v.entries.find((e) => e.key === k)?.value;
  const path = get('path');
  const nameV = get('name');
  const name = nameV?.kind === 'scalar' && typeof nameV.value === 'string' ? nameV.value : path?.kind === 'scalar' ? String(path.value) : undefined;
  const variants = get('variants');
  if (variants !== undefined) return named(v, name, variants, at, sink);
  if (path === undefined || path.kind !== 'scalar' || typeof path.value !== 'string') {
    sink.error(path?.src ?? v.src, `${at}.path`, path === undefined ? 'required: the scenario field the axis sets (or variants)' : `expected a field path, got ${describe(path)}`);
    return undefined;
  }
  const problem = parsePath(path.value).problem;
  if (problem !== undefined) {
    sink.error(path.src, `${at}.path`, problem);
    return undefined;
  }
  const values = get('values');
  const range = get('range');
  if ((values === undefined) === (range === undefined)) {
    sink.error(v.src, at, 'give exactly one of values and range');
    return undefined;
  }
  const items = values !== undefined ? listOf(values, `${at}.values`, sink) : rangeOf(range!, `${at}.range`, sink);
  if (items === undefined) return undefined;
  const settings: AxisSetting[] = items.map((item) => ({
    label: item.kind === 'scalar' ? String(item.value) : JSON.stringify(item.kind === 'seq' ? item.items.length : item.entries.map((e) => e.key)),
    number: item.kind === 'scalar' && typeof item.value === 'number' ? item.value : null,
    assignments: [{ path: path.value as string, value: item, src: item.src }],
  }));
  return { name: name!, settings, src: v.src };
}

function named(v: PMap, name: string | undefined, variants: PValue, at: string, sink: DiagnosticSink): SweepAxis | undefined {
  if (name === undefined) {
    sink.error(v.src, `${at}.name`, 'required with variants: the axis name');
    return undefined;
  }
  if (variants.kind !== 'map' || variants.entries.length === 0) {
    sink.error(variants.src, `${at}.variants`, variants.kind === 'map' ? 'the map is empty: give at least one variant' : `expected a map of label → fields, got ${describe(variants)}`);
    return undefined;
  }
  const settings: AxisSetting[] = [];
  for (const e of variants.entries) {
    const p = `${at}.variants.${e.key}`;
    if (e.value.kind !== 'map' || e.value.entries.length === 0) {
      sink.error(e.value.src, p, `expected a map of field path → value, got ${describe(e.value)}`);
      continue;
    }
    const bad = e.value.entries.filter((a) => parsePath(a.key).problem !== undefined);
    for (const a of bad) sink.error(a.keySrc, `${p}.${a.key}`, parsePath(a.key).problem!);
    if (bad.length > 0) continue;
    settings.push({ label: e.key, number: null, assignments: e.value.entries.map((a) => ({ path: a.key, value: a.value, src: a.keySrc })) });
  }
  return settings.length === variants.entries.length ? { name, settings, src: v.src } : undefined;
}

function listOf(v: PValue, at: string, sink: DiagnosticSink): readonly PValue[] | undefined {
  if (v.kind !== 'seq') {
    sink.error(v.src, at, `expected a list of values, got ${describe(v)}`);
    return undefined;
  }
  if (v.items.length === 0) {
    sink.error(v.src, at, 'the list is empty: an axis needs at least one value');
    return undefined;
  }
  return v.items;
}

/** `{ from, to, steps, scale: linear|log }` or `{ from, to, step }` into integer scalars (duplicates dropped). */
function rangeOf(v: PValue, at: string, sink: DiagnosticSink): PScalar[] | undefined {
  if (v.kind !== 'map') {
    sink.error(v.src, at, `expected { from, to, steps } or { from, to, step }, got ${describe(v)}`);
    return undefined;
  }
  for (const e of v.entries) if (!RANGE_KEYS.includes(e.key)) sink.error(e.keySrc, `${at}.${e.key}`, `unknown field${didYouMean(e.key, RANGE_KEYS)}`);
  const num = (k: string): number | undefined => {
    const x = v.entries.find((e) => e.key === k)?.value;
    if (x === undefined) return undefined;
    if (x.kind === 'scalar' && typeof x.value === 'number' && Number.isSafeInteger(x.value)) return x.value;
    sink.error(x.src, `${at}.${k}`, `expected an integer, got ${describe(x)}`);
    return undefined;
  };
  const from = num('from');
  const to = num('to');
  const steps = num('steps');
  const step = num('step');
  const scaleV = v.entries.find((e) => e.key === 'scale')?.value;
  const scale = scaleV?.kind === 'scalar' ? scaleV.value : 'linear';
  if (scale !== 'linear' && scale !== 'log') sink.error(scaleV!.src, `${at}.scale`, `expected linear or log, got ${describe(scaleV!)}`);
  if (from === undefined || to === undefined || (steps === undefined) === (step === undefined) || to < from || (steps ?? step ?? 1) < 1 || (scale === 'log' && from < 1)) {
    sink.error(v.src, at, 'a range needs integers from ≤ to, and exactly one of steps (≥ 1) or step (≥ 1); a log range starts at 1 or more');
    return undefined;
  }
  const values: number[] = [];
  if (step !== undefined) for (let x = from; x <= to; x += step) values.push(x);
  else if (steps === 1) values.push(from);
  else
    for (let i = 0; i < steps!; i++) {
      const f = i / (steps! - 1);
      values.push(Math.round(scale === 'log' ? from * (to / from) ** f : from + (to - from) * f));
    }
  return [...new Set(values)].map((value) => ({ kind: 'scalar', value, src: v.src }));
}
