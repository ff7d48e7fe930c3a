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
  const p = labelValueProblems(value);
  return p.length === 0 ? undefined : `label value ${JSON.stringify(value)}: ${p.join('; ')}`;
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
