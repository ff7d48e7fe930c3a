// scenario: a plain scalar's text → its value under the YAML 1.2 core schema exactly as the `yaml` library resolves
// it (yaml/dist/schema/core: null, bool, then 0o, decimal, 0x integers, then .inf/.nan, exponent and dotted floats,
// the first tag whose test matches winning; integers by parseInt, floats by parseFloat), for the direct reader.

export type CorePlainValue = string | number | boolean | null;

const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a non-empty plain scalar. */
export function corePlainValue(s: string): CorePlainValue {
  const c = s.charCodeAt(0);
  // Most texts are names: only these first characters can start a null, a bool or a number.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return numberOf(s);
  switch (c) {
    case 126: // ~
      return s.length === 1 ? null : s;
    case 110: // n
    case 78: // N
      return s === 'null' || s === 'Null' || s === 'NULL' ? null : s;
    case 116: // t
    case 84: // T
      return s === 'true' || s === 'True' || s === 'TRUE' ? true : s;
    case 102: // f
    case 70: // F
      return s === 'false' || s === 'False' || s === 'FALSE' ? false : s;
    default:
      return s;
  }
}

function numberOf(s: string): number | string {
  if (OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.substring(2), 16);
  if (INF_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}
