// compile: which classes the reference evaluator may answer `unknown` for — pods of undeclared namespaces
// whose unknown pcns.* labels some selector reads, addresses inside such network sets or shared with such
// pods, and pods without an IP where nets or address-based selectors could apply. Those pairs go to the
// reference evaluator; every other pair is decided by the compiled matrix.
import { testBit } from '../../../lib/containers/bitset.js';
import type { PolicyModel, Rule } from '../../../model/policy/types.js';
import type { Selector } from '../../../lib/selector/types.js';
import type { Labels } from '../../../scenario/types.js';
import { unknownKeys } from '../../../model/policy/eval/peer-info.js';
import { triMatch } from '../../../model/policy/eval/tri-match.js';
import { KIND_EXT_POINT, KIND_WEP } from '../classes/class-table.js';
import type { PeerSets } from '../rules/peer-sets.js';

/** Sets `classes.uncertain` for every class; returns the uncertain classes. */
export function markUncertain(model: PolicyModel, ps: PeerSets): number[] {
  const { u } = ps;
  const undeclared = new Set(model.namespaces.filter((n) => !n.declared).map((n) => n.name));
  const rules: Rule[] = [];
  for (const p of model.policies) rules.push(...p.ingress, ...p.egress);
  for (const prof of model.profiles.values()) rules.push(...prof.ingress, ...prof.egress);
  const selectors = undeclared.size > 0 ? distinctSelectors(model, rules) : [];
  const open = (labels: Labels, ns: string | undefined): boolean => {
    if (ns === undefined || !undeclared.has(ns)) return false;
    const unknown = unknownKeys(ns, undeclared);
    return selectors.some((s) => triMatch(s.ast, labels, unknown) === undefined);
  };
  const hasNets = rules.some((r) => [r.source, r.destination].some((e) => e.nets !== undefined || e.notNets !== undefined));
  const addressless =
    hasNets || model.networkSets.some((s) => s.nets.length > 0) || model.hostEndpoints.some((h) => h.ips.length > 0);
  const openObjects = u.objects.map((o, i) => (open(o.labels, o.namespace) ? ps.objectSlot(i) : -1)).filter((s) => s >= 0);
  const openIdent = u.identities.map((id) => open(id.labels, id.namespace));
  const out: number[] = [];
  const { classes } = u;
  for (let c = 0; c < classes.n; c++) {
    const kind = classes.kind[c];
    let unc = kind === KIND_WEP && openIdent[classes.ident[c] as number] === true;
    if (!unc && (classes.ip[c] as number) < 0 && (kind === KIND_WEP || kind === KIND_EXT_POINT)) unc = addressless;
    if (!unc) unc = openObjects.some((slot) => testBit(ps.pool.view(slot), c));
    classes.uncertain[c] = unc ? 1 : 0;
    if (unc) out.push(c);
  }
  return out;
}

function distinctSelectors(model: PolicyModel, rules: readonly Rule[]): Selector[] {
  const byText = new Map<string, Selector>();
  const add = (s: Selector | undefined): void => {
    if (s && !byText.has(s.toString())) byText.set(s.toString(), s);
  };
  for (const p of model.policies) add(p.selector);
  for (const r of rules) for (const e of [r.source, r.destination]) {
    add(e.selector);
    add(e.notSelector);
  }
  return [...byText.values()];
}
