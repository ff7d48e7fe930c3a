// emit: one connection change of a diff as lines — the source, the verdict before → after, and for each
// side (egress, ingress) the deciding rule before and after; staged-only changes are flagged.
import type { ConnectionChange, DecidingRule } from '../../verdict/check/types.js';
import { canonicalRule } from '../check/canonical-check-report.js';
import { decisionText, ruleLocation } from '../check/describe-rule.js';
import { sourceText } from './group-changes.js';

/** The flag a change gets when it only appears because staged policies were treated as enforced. */
export const STAGED_FLAG = '(staged: would change if enforced)';

export type Side = 'egress' | 'ingress';
export const SIDES: readonly Side[] = ['egress', 'ingress'];

/** `allow — rule 0 of policy x in tier default at f.yaml:3`, naming a management side and a cluster other
 *  than the change's own (the management cluster's walls decide some tenant flows). */
export function ruleText(r: DecidingRule | undefined, cluster: string): string {
  if (r === undefined) return 'not evaluated';
  const where = ruleLocation(r);
  const side = r.side === 'egress' || r.side === 'ingress' ? '' : `${r.side}: `;
  const other = r.cluster !== cluster ? ` in cluster ${r.cluster}` : '';
  return `${side}${r.action} — ${decisionText(r)}${other}${where !== undefined ? ` at ${where}` : ''}`;
}

function same(a: DecidingRule | undefined, b: DecidingRule | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(canonicalRule(a)) === JSON.stringify(canonicalRule(b));
}

/** The sides to show: both, or with `onlyChanged` those whose deciding rule changed (both if neither did). */
export function sidesToShow(c: ConnectionChange, onlyChanged: boolean): Side[] {
  if (!onlyChanged) return [...SIDES];
  const changed = SIDES.filter((s) => !same(c.before[s], c.after[s]));
  return changed.length > 0 ? changed : [...SIDES];
}

/** `shop/frontend[Deployment]: deny → allow (staged: would change if enforced)`. */
export function changeHeadline(c: ConnectionChange): string {
  return `${sourceText(c)}: ${c.before.verdict} → ${c.after.verdict}${c.staged === true ? ` ${STAGED_FLAG}` : ''}`;
}

/** Headline then, per side shown, `before:` and `after:` rule lines; indented by `pad`. */
export function changeLines(c: ConnectionChange, pad: string, onlyChanged: boolean): string[] {
  const out = [`${pad}from ${changeHeadline(c)}`];
  for (const s of sidesToShow(c, onlyChanged)) {
    out.push(`${pad}  ${s}`);
    out.push(`${pad}    before: ${ruleText(c.before[s], c.cluster)}`);
    out.push(`${pad}    after:  ${ruleText(c.after[s], c.cluster)}`);
  }
  return out;
}
