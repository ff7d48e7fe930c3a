// scenario: a plain scalar's text → its value under the YAML 1.2 core schema, resolved by the `yaml` library's
// own core tags (null, bool, then 0o, decimal, 0x integers, then .inf/.nan, exponent and dotted floats: the
// first tag whose test matches wins), for the direct reader.
import { isScalar, Schema, type ScalarTag } from 'yaml';

export type CorePlainValue = string | number | boolean | null;

const TAGS: readonly ScalarTag[] = new Schema({ schema: 'core' }).tags.filter(
  (t): t is ScalarTag => t.default === true && !('collection' in t && t.collection !== undefined) && t.test !== undefined,
);
const IGNORE = (): void => undefined;

/** The value of a non-empty plain scalar. */
export function corePlainValue(s: string): CorePlainValue {
  // Most texts are names: only these first characters start a text a core tag matches (~, n/N, t/T, f/F, a
  // digit, a sign or a dot), so the others are strings without trying the tags.
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return s;
  // No core tag matches two dots (a float has one at most): addresses (`10.1.0.4`, 10k of them on B1) are strings.
  if (s.indexOf('.') !== s.lastIndexOf('.')) return s;
  return coreTagValue(s);
}

/** The value the core tags give a non-empty plain scalar, tried in the schema's order (corePlainValue's reference). */
export function coreTagValue(s: string): CorePlainValue {
  for (const t of TAGS) {
    if (!t.test!.test(s)) continue;
    const v = t.resolve(s, IGNORE, { intAsBigInt: false });
    const value = isScalar(v) ? v.value : v;
    return value === null || typeof value === 'boolean' || typeof value === 'number' ? value : s;
  }
  return s;
}
