// scenario: a plain YAML scalar's text → its value under the YAML 1.2 core schema, resolved by js-yaml's own
// implicit core tags (null, bool, int, float, in the schema's order), for the fast reader (yaml-event-trees.ts).
import { CORE_SCHEMA, mergeTag, NOT_RESOLVED, type ScalarTagDefinition } from 'js-yaml';

export type CoreValue = string | number | boolean | null;

/** Marks a scalar the two libraries may read differently: the caller falls back to the `yaml` library. */
export const DIFFERS = Symbol('differs');

const IMPLICIT: readonly ScalarTagDefinition[] = CORE_SCHEMA.tags.filter(
  (t): t is ScalarTagDefinition => t.nodeKind === 'scalar' && t.implicit,
);
/** The tags that may match a text, by its first character (the library's own dispatch keys). */
const BY_FIRST = new Map<string, readonly ScalarTagDefinition[]>();
const ANY_FIRST = IMPLICIT.filter((t) => t.implicitFirstChars === null);
for (const t of IMPLICIT) {
  for (const c of t.implicitFirstChars ?? []) {
    if (!BY_FIRST.has(c)) BY_FIRST.set(c, IMPLICIT.filter((u) => u.implicitFirstChars === null || u.implicitFirstChars.includes(c)));
  }
}

/** The value of a plain scalar, or DIFFERS where the `yaml` library's core schema may read it otherwise. */
export function resolvePlain(text: string): CoreValue | typeof DIFFERS {
  const tags = BY_FIRST.get(text.charAt(0)) ?? ANY_FIRST;
  for (const t of tags) {
    const v: unknown = t.resolve(text, false, t.tagName);
    if (v === NOT_RESOLVED) continue;
    return v === null || typeof v === 'boolean' || typeof v === 'number' ? v : DIFFERS;
  }
  // A number too large for a double (`1e400`, 400 digits): js-yaml leaves it a string, `yaml` reads ±Infinity.
  if (tags !== ANY_FIRST && Math.abs(Number(text)) === Infinity) return DIFFERS;
  return text;
}

/** True for the YAML 1.1 merge key `<<`, which only the `yaml` library path expands. */
export function isMergeKey(text: string): boolean {
  return mergeTag.resolve(text, false, mergeTag.tagName) !== NOT_RESOLVED;
}
