// model: selector fields of policy manifests — Calico selector text checked with the real parser (errors
// carry the column), and Kubernetes LabelSelectors turned into the Calico text Calico generates.
import type { JsonValue } from '../../../scenario/types.js';
import { labelSelectorToCalico, readLabelSelector } from '../../../lib/selector/label-selector.js';
import { parseSelectorNode } from '../../../lib/selector/parse.js';
import { quoteSelector, SelectorParseError, type SelectorNode } from '../../../lib/selector/types.js';
import { fail, readString, type ReadCtx } from './read-json.js';

/** Where `global()` may appear: nowhere, or alone as a rule's namespaceSelector (validateEntityRule). */
export type GlobalUse = 'forbidden' | 'alone';

/** Parses by text, outcome kept (bounded): B1's 2,000 policies write a few hundred distinct selectors. */
const parses = new Map<string, SelectorNode | SelectorParseError>();
const PARSES_KEPT = 8192;

/** parseSelectorNode(text), or the SelectorParseError it throws, once per text. */
function parseOutcome(text: string): SelectorNode | SelectorParseError {
  let out = parses.get(text);
  if (out !== undefined) return out;
  try {
    out = parseSelectorNode(text);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    out = e;
  }
  if (parses.size >= PARSES_KEPT) parses.clear();
  parses.set(text, out);
  return out;
}

/** True when `text` parses as a Calico selector; reports the column of the problem otherwise. */
export function checkSelectorText(ctx: ReadCtx, text: string, path: string, global: GlobalUse): boolean {
  const ast = parseOutcome(text);
  if (ast instanceof SelectorParseError) {
    fail(ctx, path, `invalid selector ${quoteSelector(text, ast.col)} at column ${ast.col}: ${ast.reason}`);
    return false;
  }
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
  // The Calico text depends on the selector's JSON alone; only valid ones are kept (problems name the path).
  const key = `${kind}\0${JSON.stringify(v)}`;
  const known = k8sTexts.get(key);
  if (known !== undefined) return known;
  const r = readLabelSelector(v, path);
  if (!r.ok) {
    for (const issue of r.errors) fail(ctx, issue.path, issue.message, issue.part);
    return undefined;
  }
  const text = labelSelectorToCalico(r.selector, kind);
  if (k8sTexts.size >= PARSES_KEPT) k8sTexts.clear();
  k8sTexts.set(key, text);
  return text;
}

/** readK8sSelector's Calico text of valid selectors, by kind and JSON (bounded). */
const k8sTexts = new Map<string, string>();

/** Calico text for an absent pod/namespace selector (just the orchestrator term, or '' for namespaces). */
export function absentK8sSelector(kind: 'pod' | 'namespace'): string {
  return labelSelectorToCalico(null, kind);
}
