// lib: Kubernetes metav1.LabelSelector — unknown JSON into a validated selector, a direct matcher, and the
// Calico selector text Calico generates from it (libcalico-go k8s/conversion/conversion.go k8sSelectorToCalico).
import type { FieldPart } from '../diagnostics.js';
import type { Labels } from '../labels.js';
import { compareCodePoints } from './canonical.js';
import { labelValueProblems, qualifiedNameProblems } from './k8s-label-syntax.js';

export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: LabelSelectorOperator;
  /** Non-empty for In/NotIn, empty for Exists/DoesNotExist. */
  readonly values: readonly string[];
}

/** A validated label selector; `matchLabels` keys are sorted (byte order). */
export interface LabelSelector {
  readonly matchLabels: readonly (readonly [key: string, value: string])[];
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

/** A problem in the input: `path` is the field path (e.g. `spec.podSelector.matchExpressions[0].operator`); `part` is
 *  'key' when the problem is the key at `path` itself (an unknown field, a bad matchLabels key). */
export interface LabelSelectorIssue {
  readonly path: string;
  readonly message: string;
  readonly part?: FieldPart;
}

export type LabelSelectorResult =
  | { readonly ok: true; readonly selector: LabelSelector }
  | { readonly ok: false; readonly errors: readonly LabelSelectorIssue[] };

/** Calico's label on every workload endpoint of a Kubernetes pod (apiv3.LabelOrchestrator). */
export const ORCHESTRATOR_LABEL = 'projectcalico.org/orchestrator';

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const child = (path: string, field: string): string => (path ? `${path}.${field}` : field);

/**
 * Validate a LabelSelector given as unknown JSON (apimachinery ValidateLabelSelector: keys are qualified
 * names, values label values, In/NotIn need values, Exists/DoesNotExist forbid them; unknown fields are
 * rejected as kubectl's strict validation does). null/absent is the caller's decision, not handled here.
 */
export function readLabelSelector(json: unknown, path: string): LabelSelectorResult {
  const errors: LabelSelectorIssue[] = [];
  const err = (p: string, message: string, part?: FieldPart): void => {
    errors.push(part === undefined ? { path: p, message } : { path: p, message, part });
  };
  if (!isObject(json)) return { ok: false, errors: [{ path, message: 'must be an object' }] };
  for (const f of Object.keys(json)) {
    if (f !== 'matchLabels' && f !== 'matchExpressions') err(child(path, f), 'unknown field', 'key');
  }
  const matchLabels: [string, string][] = [];
  const ml = json['matchLabels'];
  if (ml !== undefined && ml !== null) {
    if (!isObject(ml)) err(child(path, 'matchLabels'), 'must be a map of strings');
    else {
      for (const [k, v] of Object.entries(ml)) {
        const p = `${child(path, 'matchLabels')}[${k}]`;
        for (const m of qualifiedNameProblems(k)) err(p, `invalid label key: ${m}`, 'key');
        if (typeof v !== 'string') err(p, 'value must be a string');
        else {
          for (const m of labelValueProblems(v)) err(p, `invalid label value ${JSON.stringify(v)}: ${m}`);
          matchLabels.push([k, v]);
        }
      }
    }
  }
  const matchExpressions: LabelSelectorRequirement[] = [];
  const me = json['matchExpressions'];
  if (me !== undefined && me !== null) {
    if (!Array.isArray(me)) err(child(path, 'matchExpressions'), 'must be a list');
    else me.forEach((e: unknown, i) => {
      const r = readRequirement(e, `${child(path, 'matchExpressions')}[${i}]`, err);
      if (r) matchExpressions.push(r);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  matchLabels.sort((a, b) => compareCodePoints(a[0], b[0]));
  return { ok: true, selector: { matchLabels, matchExpressions } };
}

function readRequirement(
  e: unknown,
  path: string,
  err: (p: string, message: string, part?: FieldPart) => void,
): LabelSelectorRequirement | undefined {
  if (!isObject(e)) {
    err(path, 'must be an object');
    return undefined;
  }
  let ok = true;
  const bad = (p: string, m: string, part?: FieldPart): void => {
    ok = false;
    err(p, m, part);
  };
  for (const f of Object.keys(e)) {
    if (f !== 'key' && f !== 'operator' && f !== 'values') bad(`${path}.${f}`, 'unknown field', 'key');
  }
  const { key, operator } = e;
  if (typeof key !== 'string') bad(`${path}.key`, 'required string');
  else for (const m of qualifiedNameProblems(key)) bad(`${path}.key`, `invalid label key: ${m}`);
  const values: string[] = [];
  const vs = e['values'];
  if (vs !== undefined && vs !== null) {
    if (!Array.isArray(vs)) bad(`${path}.values`, 'must be a list of strings');
    else vs.forEach((v: unknown, i) => {
      if (typeof v !== 'string') bad(`${path}.values[${i}]`, 'must be a string');
      else {
        const at = `${path}.values[${i}]`;
        for (const m of labelValueProblems(v)) bad(at, `invalid label value ${JSON.stringify(v)}: ${m}`);
        values.push(v);
      }
    });
  }
  const nValues = Array.isArray(vs) ? vs.length : 0;
  if (operator === undefined || operator === null) {
    bad(`${path}.operator`, 'required string');
  } else if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
    const valid = OPERATORS.join(', ');
    bad(`${path}.operator`, `not a valid selector operator ${JSON.stringify(operator)} (${valid})`);
  } else if ((operator === 'In' || operator === 'NotIn') && nValues === 0) {
    bad(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'");
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && nValues > 0) {
    bad(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
  }
  if (!ok) return undefined;
  return { key: key as string, operator: operator as LabelSelectorOperator, values };
}

/** Kubernetes semantics (labels.Selector): an empty selector matches everything; NotIn matches absent keys. */
export function matchesLabelSelector(sel: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of sel.matchLabels) if (!Object.hasOwn(labels, k) || labels[k] !== v) return false;
  for (const r of sel.matchExpressions) {
    const has = Object.hasOwn(labels, r.key);
    switch (r.operator) {
      case 'In':
        if (!has || !r.values.includes(labels[r.key] as string)) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(labels[r.key] as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/**
 * The Calico selector text Calico builds (k8sSelectorToCalico): pod selectors start with the orchestrator
 * term; a null pod selector is just that term; a null namespace selector is "" and an empty one `all()`.
 */
export function labelSelectorToCalico(sel: LabelSelector | null, kind: 'pod' | 'namespace'): string {
  const terms: string[] = kind === 'pod' ? [`${ORCHESTRATOR_LABEL} == 'k8s'`] : [];
  if (sel === null) return terms.join(' && ');
  if (kind === 'namespace' && sel.matchLabels.length === 0 && sel.matchExpressions.length === 0) return 'all()';
  for (const [k, v] of sel.matchLabels) terms.push(`${k} == '${v}'`);
  for (const r of sel.matchExpressions) {
    const list = r.values.join("', '");
    if (r.operator === 'In') terms.push(`${r.key} in { '${list}' }`);
    else if (r.operator === 'NotIn') terms.push(`${r.key} not in { '${list}' }`);
    else if (r.operator === 'Exists') terms.push(`has(${r.key})`);
    else terms.push(`! has(${r.key})`);
  }
  return terms.join(' && ');
}
