// scenario: placeholder substitution in generated values — `{i}` (1-based index), `{i+N}`, `{i-N}`, `{i*N}`,
// `{i:02}` (zero-padded), `{tenant}` — over a positioned tree, keeping every value's source position.
import type { PEntry, PMap, PValue } from './positioned.js';

export interface Bindings {
  readonly i?: number;
  readonly tenant?: string;
}

const I_PLACEHOLDER = /\{i(?:([+\-*])(\d+))?(?::(\d+))?\}/g;
/** Widest zero padding (`{i:02}`): wider ones are refused rather than filling the heap with zeros. */
export const MAX_PAD = 20;
const TENANT_PLACEHOLDER = /\{tenant\}/g;
const ANY_PLACEHOLDER = /\{(i(?:[+\-*]\d+)?(?::\d+)?|tenant)\}/;

/** Substitutes bound placeholders in one string. */
export function substituteText(text: string, b: Bindings): string {
  if (!text.includes('{')) return text;
  let out = text;
  const i = b.i;
  if (i !== undefined) {
    out = out.replace(I_PLACEHOLDER, (m: string, op: string | undefined, n: string | undefined, pad: string | undefined) => {
      if (Number(pad ?? 0) > MAX_PAD) return m;
      const k = Number(n ?? 0);
      const v = op === '+' ? i + k : op === '-' ? i - k : op === '*' ? i * k : i;
      const s = String(Math.abs(v)).padStart(Number(pad ?? 0), '0');
      return v < 0 ? `-${s}` : s;
    });
  }
  if (b.tenant !== undefined) out = out.replace(TENANT_PLACEHOLDER, b.tenant);
  return out;
}

/** The first placeholder left in a string, if any. */
export function unresolvedPlaceholder(text: string): string | undefined {
  if (!text.includes('{')) return undefined;
  return ANY_PLACEHOLDER.exec(text)?.[0];
}

/** Why a placeholder was left unresolved. */
export function unresolvedMessage(placeholder: string): string {
  const pad = /:(\d+)\}$/.exec(placeholder)?.[1];
  if (pad !== undefined && Number(pad) > MAX_PAD) return `placeholder ${placeholder.length > 30 ? `${placeholder.slice(0, 30)}…` : placeholder} pads wider than ${MAX_PAD} digits`;
  return placeholder === '{tenant}'
    ? 'placeholder {tenant} is only valid inside a tenant, a template or a tenant set'
    : `placeholder ${placeholder} is only valid inside a generator (nodes: {count, ...} or tenantSets)`;
}

/**
 * Substitutes placeholders everywhere in a tree (keys too). With `skipNested`, a nested node generator
 * (`nodes: {count: ...}`) keeps its `{i}` for its own expansion.
 */
export function substitute(v: PValue, b: Bindings, skipNested = false): PValue {
  if (v.kind === 'scalar') {
    if (typeof v.value !== 'string' || !v.value.includes('{')) return v;
    const s = substituteText(v.value, b);
    return s === v.value ? v : { kind: 'scalar', value: s, src: v.src, generated: true };
  }
  if (v.kind === 'seq') return { kind: 'seq', items: v.items.map((x) => substitute(x, b, skipNested)), src: v.src };
  return substituteMap(v, b, skipNested);
}

function substituteMap(m: PMap, b: Bindings, skipNested: boolean): PMap {
  const entries: PEntry[] = m.entries.map((e) => {
    const nested = skipNested && e.key === 'nodes' && isGenerator(e.value);
    const inner: Bindings = !nested ? b : b.tenant === undefined ? {} : { tenant: b.tenant };
    return { key: substituteText(e.key, b), keySrc: e.keySrc, value: substitute(e.value, inner, skipNested) };
  });
  return { kind: 'map', entries, src: m.src };
}

/** True for a generator map (`{count: N, ...}`). */
export function isGenerator(v: PValue): v is PMap {
  return v.kind === 'map' && v.entries.some((e) => e.key === 'count');
}
