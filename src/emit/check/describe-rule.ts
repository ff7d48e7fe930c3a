// emit: one deciding policy rule (or default) of a check or diff verdict as a phrase — side, cluster,
// action, which tier/policy/rule or default decided, and the file:line it came from.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { DecidingRule } from '../../verdict/check/types.js';

/** `file:line:col`, `file:line` (no column) or `file` (no line), like diagnostics. */
export function formatRef(src: Pick<SourceRef, 'file'> & { readonly line?: number; readonly col?: number }): string {
  if (src.line === undefined || src.line <= 0) return src.file;
  return src.col !== undefined && src.col > 0 ? `${src.file}:${src.line}:${src.col}` : `${src.file}:${src.line}`;
}

/** The file:line of a deciding rule, or undefined when the rule has no source (a built-in default). */
export function ruleLocation(r: DecidingRule): string | undefined {
  return r.file === undefined ? undefined : formatRef({ file: r.file, line: r.line });
}

/** What decided, in words. `policy` is the verdict stage's name of the policy (`GlobalNetworkPolicy
 *  default.db`), of the last policy consulted for an end-of-tier decision, or of the profile. */
export function decisionText(r: DecidingRule): string {
  const tier = r.tier ?? '?';
  switch (r.decided) {
    case 'rule':
      return `rule ${r.ruleIndex ?? '?'} of ${r.policy ?? 'a policy'} in tier ${tier}`;
    case 'end-of-tier':
      return `end of tier ${tier}, no rule matched${r.policy !== undefined ? ` (last policy ${r.policy})` : ''}`;
    case 'profile':
      return `${r.policy ?? 'profile'}, every tier passed`;
    case 'no-policy':
      return `no policy selects it, ${r.policy ?? 'profile'} decides`;
    case 'not-applicable':
      return 'not applicable';
    default:
      return r.decided;
  }
}

/** `ingress in acme: deny — end of tier default, no rule matched at policies/db.yaml:12`. */
export function describeRule(r: DecidingRule): string {
  const where = ruleLocation(r);
  return `${r.side} in ${r.cluster}: ${r.action} — ${decisionText(r)}${where !== undefined ? ` at ${where}` : ''}`;
}
