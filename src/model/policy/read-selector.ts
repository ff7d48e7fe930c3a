// model: selector fields of policy manifests — Calico selector text checked with the real parser (errors
// carry the column), and Kubernetes LabelSelectors turned into the Calico text Calico generates.
import type { JsonValue } from '../../scenario/types.js';
import { labelSelectorToCalico, readLabelSelector } from '../../lib/selector/label-selector.js';
import { parseSelectorNode } from '../../lib/selector/parse.js';
import { quoteSelector, SelectorParseError } from '../../lib/selector/types.js';
import { fail, readString, type ReadCtx } from './read-json.js';

/** Where `global()` may appear: nowhere, or alone as a rule's namespaceSelector (validateEntityRule). */
export type GlobalUse = 'forbidden' | 'alone';

/** True when `text` parses as a Calico selector; reports the column of the problem otherwise. */
export function checkSelectorText(ctx: ReadCtx, text: string, path: string, global: GlobalUse): boolean {
  try {
    const ast = parseSelectorNode(text);
    if (text.includes('global(')) {
      if (global === 'forbidden') {
        fail(ctx, path, `invalid selector ${JSON.stringify(text)}: global() can only be used in an EntityRule namespaceSelector`);
        return false;
      }
      if (ast.op !== 'global') {
        fail(ctx, path, `invalid selector ${JSON.stringify(text)}: if the namespaceSelector contains global(), it must be the only selector`);
        return false;
      }
    }
    return true;
  } catch (e) {
    if (e instanceof SelectorParseError) {
      fail(ctx, path, `invalid selector ${quoteSelector(text, e.col)} at column ${e.col}: ${e.reason}`);
      return false;
    }
    throw e;
  }
}

/** A Calico selector field: '' when absent; undefined when invalid (reported). */
export function readCalicoSelector(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
  global: GlobalUse = 'forbidden',
): string | undefined {
  const text = readString(ctx, v, path);
  if (text === undefined) return v === undefined || v === null ? '' : undefined;
  return checkSelectorText(ctx, text, path, global) ? text : undefined;
}

/**
 * A Kubernetes LabelSelector field as Calico selector text (conversion.go k8sSelectorToCalico):
 * `null` (absent) when the field is absent; undefined when invalid (reported).
 */
export function readK8sSelector(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
  kind: 'pod' | 'namespace',
): string | null | undefined {
  if (v === undefined || v === null) return null;
  const r = readLabelSelector(v, path);
  if (!r.ok) {
    for (const issue of r.errors) fail(ctx, issue.path, issue.message);
    return undefined;
  }
  return labelSelectorToCalico(r.selector, kind);
}

/** Calico text for an absent pod/namespace selector (just the orchestrator term, or '' for namespaces). */
export function absentK8sSelector(kind: 'pod' | 'namespace'): string {
  return labelSelectorToCalico(null, kind);
}
