// plan: a sweep file (YAML) into a SweepSpec — every problem reported at once with file, line, column and
// field (unknown fields, wrong types, empty axes, ranges that make no values, too many points).
import { DiagnosticSink, InputError } from '../../lib/diagnostics.js';
import { limits } from '../../lib/limits.js';
import { resolveFrom } from '../../scenario/read/loader.js';
import { didYouMean } from '../../scenario/schema/did-you-mean.js';
import { describe, type PMap, type PValue } from '../../scenario/read/positioned.js';
import { DEFAULT_LIMITS, readYamlFile } from '../../scenario/read/read-yaml.js';
import { readAxis } from './read-axis.js';
import { DEFAULT_MAX_POINTS, type SweepAxis, type SweepSpec } from './sweep-spec.js';

const KEYS = ['base', 'seeds', 'axes', 'maxPoints', 'check'];

/** Reads and validates `file` (`maxPoints` overrides the file's cap); throws InputError with every problem. */
export function readSweep(file: string, maxPoints?: number): SweepSpec {
  const sink = new DiagnosticSink();
  const docs = readYamlFile(file, sink, DEFAULT_LIMITS, { left: limits().maxInputBytes, total: limits().maxInputBytes });
  sink.throwIfErrors();
  const doc = docs?.[0];
  if (doc === undefined || doc.kind !== 'map' || docs!.length !== 1) {
    throw new InputError([{ severity: 'error', file, line: 1, col: 1, path: '', message: 'a sweep file is one YAML map (base, seeds, axes, maxPoints, check)' }]);
  }
  const read = readSpec(file, doc, sink);
  sink.throwIfErrors();
  const spec = maxPoints !== undefined ? { ...read, maxPoints } : read;
  const points = spec.axes.reduce((n, a) => n * a.settings.length, 1);
  if (points > spec.maxPoints) {
    const f = doc.entries.find((e) => e.key === 'maxPoints') ?? doc.entries.find((e) => e.key === 'axes')!;
    sink.error(f.keySrc, f.key, `the sweep has ${points} points (${spec.axes.map((a) => a.settings.length).join(' × ')}); the limit is ${spec.maxPoints} (raise maxPoints, or pass --max-points, to run it)`);
    sink.throwIfErrors();
  }
  return spec;
}

function readSpec(file: string, doc: PMap, sink: DiagnosticSink): SweepSpec {
  for (const e of doc.entries) if (!KEYS.includes(e.key)) sink.error(e.keySrc, e.key, `unknown field${didYouMean(e.key, KEYS)}`);
  const field = (k: string): PValue | undefined => doc.entries.find((e) => e.key === k)?.value;
  const base = field('base');
  if (base === undefined) sink.error(doc.src, 'base', 'required: the base scenario file');
  else if (base.kind !== 'scalar' || typeof base.value !== 'string') sink.error(base.src, 'base', `expected a file name, got ${describe(base)}`);
  const seeds = readSeeds(field('seeds'), sink);
  const maxPoints = readInt(field('maxPoints'), 'maxPoints', DEFAULT_MAX_POINTS, sink);
  const checkV = field('check');
  if (checkV !== undefined && (checkV.kind !== 'scalar' || typeof checkV.value !== 'boolean')) sink.error(checkV.src, 'check', `expected true or false, got ${describe(checkV)}`);
  const axesV = field('axes');
  const axes: SweepAxis[] = [];
  if (axesV === undefined) sink.error(doc.src, 'axes', 'required: a list of axes');
  else if (axesV.kind !== 'seq') sink.error(axesV.src, 'axes', `expected a list, got ${describe(axesV)}`);
  else if (axesV.items.length === 0) sink.error(axesV.src, 'axes', 'the list is empty: name at least one axis');
  else axesV.items.forEach((a, i) => {
    const axis = readAxis(a, `axes[${i}]`, sink);
    if (axis !== undefined) axes.push(axis);
  });
  const names = new Set<string>();
  for (const a of axes) {
    if (names.has(a.name)) sink.error(a.src, 'axes', `two axes are named ${a.name}`);
    names.add(a.name);
  }
  return {
    file,
    base: base?.kind === 'scalar' && typeof base.value === 'string' ? resolveFrom(file, base.value) : '',
    seeds,
    axes,
    maxPoints,
    check: checkV?.kind === 'scalar' && typeof checkV.value === 'boolean' ? checkV.value : true,
  };
}

function readSeeds(v: PValue | undefined, sink: DiagnosticSink): number[] {
  if (v === undefined) return [1];
  if (v.kind !== 'seq' || v.items.length === 0) {
    sink.error(v.src, 'seeds', `expected a non-empty list of integer seeds, got ${describe(v)}`);
    return [];
  }
  return v.items.flatMap((s, i) => {
    if (s.kind === 'scalar' && typeof s.value === 'number' && Number.isSafeInteger(s.value)) return [s.value];
    sink.error(s.src, `seeds[${i}]`, `expected an integer, got ${describe(s)}`);
    return [];
  });
}

function readInt(v: PValue | undefined, path: string, fallback: number, sink: DiagnosticSink): number {
  if (v === undefined) return fallback;
  if (v.kind === 'scalar' && typeof v.value === 'number' && Number.isSafeInteger(v.value) && v.value >= 1) return v.value;
  sink.error(v.src, path, `expected a positive integer, got ${describe(v)}`);
  return fallback;
}
