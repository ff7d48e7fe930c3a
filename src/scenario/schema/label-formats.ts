// scenario: label and selector syntax checks borrowed from the selector package (the one place this stage
// reads src/model): Kubernetes label keys/values, and Calico selectors with the column of the fault.
import { labelValueProblems, qualifiedNameProblems } from '../../lib/selector/k8s-label-syntax.js';
import { parseSelector } from '../../lib/selector/parse.js';
import { quoteSelector, SelectorParseError } from '../../lib/selector/types.js';

/** Problem with a label key, or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const p = qualifiedNameProblems(key);
  return p.length === 0 ? undefined : `label key ${JSON.stringify(key)}: ${p.join('; ')}`;
}

/** Problem with a label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (isPlainLabelValue(value)) return undefined;
  const p = labelValueProblems(value);
  return p.length === 0 ? undefined : `label value ${JSON.stringify(value)}: ${p.join('; ')}`;
}

/** Longest label value (apimachinery validation.LabelValueMaxLength). */
const LABEL_VALUE_MAX = 63;

/**
 * True for a label value IsValidLabelValue accepts — empty, or at most 63 characters of `[-A-Za-z0-9_.]` that start
 * and end alphanumeric — tested by character codes: B1's 10k Pods carry 40,000 label values, and the regular
 * expression was most of checking them. False only sends the value to labelValueProblems, which decides.
 */
export function isPlainLabelValue(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  if (n > LABEL_VALUE_MAX || !isAlnum(value.charCodeAt(0)) || !isAlnum(value.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = value.charCodeAt(i);
    if (!isAlnum(c) && c !== 45 && c !== 95 && c !== 46) return false;
  }
  return true;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A selector's fault: the 1-based column inside the selector text and the reason; undefined when valid. */
export function selectorProblem(text: string): { readonly col: number; readonly message: string } | undefined {
  try {
    parseSelector(text);
    return undefined;
  } catch (e) {
    if (e instanceof SelectorParseError) return { col: e.col, message: `invalid selector ${quoteSelector(text, e.col)}: ${e.reason} (column ${e.col})` };
    throw e;
  }
}
