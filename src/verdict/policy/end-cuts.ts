// verdict: the destination-port intervals of one end of a flow (the rules that may judge it in one
// direction, see portIntervals), each computed once, and the common refinement of several of them: the
// cuts of a rule list are the union of its rules' cuts, so a pair's intervals refine its two ends'.
import type { Direction, PolicyModel, PortRange } from '../../model/policy/types.js';
import { candidateRules, portIntervals } from './port-intervals.js';

/** The port intervals of endpoint `endpoint` of `model` in direction `dir`. */
export type EndCuts = (model: PolicyModel, endpoint: number, dir: Direction) => readonly PortRange[];

/** An EndCuts computing each model, endpoint and direction once. */
export function endCuts(): EndCuts {
  const memo = new Map<PolicyModel, Map<number, readonly PortRange[]>>();
  return (model, endpoint, dir) => {
    let byEnd = memo.get(model);
    if (!byEnd) memo.set(model, (byEnd = new Map()));
    const key = endpoint * 2 + (dir === 'egress' ? 1 : 0);
    let r = byEnd.get(key);
    if (!r) byEnd.set(key, (r = portIntervals(model, candidateRules(model, model.endpoints[endpoint], dir))));
    return r;
  };
}

/** The common refinement of several partitions of 1..65535. */
export function refineIntervals(ranges: readonly PortRange[]): PortRange[] {
  const cuts = new Set<number>([1, 65536]);
  for (const r of ranges) {
    cuts.add(r.min);
    cuts.add(r.max + 1);
  }
  const s = [...cuts].sort((p, q) => p - q);
  const out: PortRange[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push({ min: s[i]!, max: s[i + 1]! - 1 });
  return out;
}
