// compile: the matrix cells of uncertain classes, filled in by the reference evaluator on representatives —
// members of a class ask isomorphic questions, so one pair per class pair stands for all of them.
import type { PolicyModel } from '../../../model/policy/types.js';
import { evaluateReference } from '../../../model/policy/eval/evaluate-reference.js';
import type { Outcome, Peer } from '../../../model/policy/eval/types.js';
import { allClassReps } from './class-reps.js';
import type { MatrixState } from '../matrix/matrix-state.js';
import type { PolicyCore } from '../matrix/policy-core.js';

/** Addresses a representative must not have (Service ClusterIPs would be DNATed). */
export function clusterIps(model: PolicyModel): Set<number> {
  return new Set(model.services.flatMap((s) => (s.clusterIP !== undefined ? [s.clusterIP] : [])));
}

/** Decides the rows and columns of `uncertain` classes in `state` by the reference's verdicts. */
export function overlayUncertain(core: PolicyCore, model: PolicyModel, state: MatrixState, uncertain: readonly number[]): void {
  const cells = new Map<number, Outcome>();
  state.setOverlay(cells);
  if (uncertain.length === 0) return;
  const cap = core.words * 32;
  const set = (a: number, b: number, o: Outcome): void => {
    cells.set(a * cap + b, o);
  };
  const avoid = clusterIps(model);
  const n = core.u.classes.n;
  const reps = allClassReps(core.u, 2, avoid);
  const { pkt } = state.rs;
  const judge = (src: Peer, dst: Peer): Outcome => evaluateReference(model, { src, dst, ...pkt }).verdict;
  const done = new Set<number>();
  for (const uc of uncertain) {
    const ru = reps[uc] as Peer[];
    if (ru.length === 0) continue;
    for (let c = 0; c < n; c++) {
      const rc = reps[c] as Peer[];
      if (rc.length === 0) continue;
      if (c === uc) {
        // A one-member class's diagonal is that member talking to itself: judged as such for an address (a
        // HostEndpoint's or an outside one); a pod's traffic to itself never reaches policy.
        const [a, b] = ru as [Peer, Peer | undefined];
        if (b !== undefined) set(uc, uc, judge(a, b));
        else if ('ip' in a) set(uc, uc, judge(a, a));
        continue;
      }
      set(uc, c, judge(ru[0] as Peer, rc[0] as Peer));
      if (!done.has(c)) set(c, uc, judge(rc[0] as Peer, ru[0] as Peer));
    }
    done.add(uc);
  }
}
