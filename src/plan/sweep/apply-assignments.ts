// plan: a sweep point's assignments applied to the base scenario's document — each value replaces the node
// at its path (missing map keys are created, so the scenario validator reports a field that does not
// exist at the sweep file's line); a path through a list index the base lacks is reported here.
import type { DiagnosticSink } from '../../lib/diagnostics.js';
import { describe, type PEntry, type PValue } from '../../scenario/read/positioned.js';
import { parsePath, type PathSegment } from './field-path.js';
import type { Assignment } from './sweep-spec.js';

/** The document with every assignment applied (in order); problems go to `sink`. */
export function applyAssignments(doc: PValue, assignments: readonly Assignment[], sink: DiagnosticSink): PValue {
  let out = doc;
  for (const a of assignments) out = setAt(out, parsePath(a.path).segments ?? [], 0, a, sink) ?? out;
  return out;
}

function setAt(node: PValue | undefined, segs: readonly PathSegment[], i: number, a: Assignment, sink: DiagnosticSink): PValue | undefined {
  if (i === segs.length) return a.value;
  const seg = segs[i]!;
  const shown = pathText(segs.slice(0, i + 1));
  if ('index' in seg) {
    if (node === undefined || node.kind !== 'seq') {
      sink.error(a.src, a.path, `${shown}: the base scenario has ${node === undefined ? 'no list' : describe(node)} there`);
      return undefined;
    }
    if (seg.index >= node.items.length) {
      sink.error(a.src, a.path, `${shown}: the base scenario's list has ${node.items.length} item(s)`);
      return undefined;
    }
    const child = setAt(node.items[seg.index], segs, i + 1, a, sink);
    if (child === undefined) return undefined;
    return { ...node, items: node.items.map((x, k) => (k === seg.index ? child : x)) };
  }
  if (node !== undefined && node.kind !== 'map') {
    sink.error(a.src, a.path, `${shown}: the base scenario has ${describe(node)} at ${pathText(segs.slice(0, i))}, not a map`);
    return undefined;
  }
  const entries: readonly PEntry[] = node?.entries ?? [];
  const at = entries.findIndex((e) => e.key === seg.key);
  const child = setAt(at >= 0 ? entries[at]!.value : undefined, segs, i + 1, a, sink);
  if (child === undefined) return undefined;
  const entry: PEntry = { key: seg.key, keySrc: at >= 0 ? entries[at]!.keySrc : a.src, value: child };
  const next = at >= 0 ? entries.map((e, k) => (k === at ? entry : e)) : [...entries, entry];
  return { kind: 'map', entries: next, src: node?.src ?? a.src };
}

function pathText(segs: readonly PathSegment[]): string {
  return segs.map((s, i) => ('index' in s ? `[${s.index}]` : i === 0 ? s.key : `.${s.key}`)).join('');
}
