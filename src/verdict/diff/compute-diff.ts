// verdict: what a change to the policies (or to the cluster) does to connectivity — for every pair of
// workloads of each cluster, the TCP/UDP/SCTP port ranges whose verdict changes between BEFORE and
// AFTER (newly allowed, newly denied, to or from unknown), each with the rules deciding both sides
// before and after. Ports are evaluated once per interval on which every rule involved behaves alike.
import { affectedEnds } from './affected-ends.js';
import { CONN_PROTOCOLS } from '../policy/conn-set.js';
import { endCuts, refineIntervals, type EndCuts } from '../policy/end-cuts.js';
import { groupWorkloads, type Workload } from '../policy/workloads.js';
import type { PolicyModel } from '../../model/policy/types.js';
import { decidingRule } from '../check/deciding-rule.js';
import { DIFF_SCHEMA, type ChangeKind, type ConnectionChange, type DiffReport, type SideVerdicts } from '../check/types.js';
import { fastClassOf, fastEvaluate, matrixVerdicts } from '../state/fast-evaluate.js';
import type { Verdict } from '../../model/policy/eval/types.js';

/** One cluster on each side of the diff, matched by name. */
export interface DiffSide {
  readonly name: string;
  readonly model: PolicyModel;
}

/** Computes the connection changes between two sets of cluster policy models. */
export function computeDiff(before: readonly DiffSide[], after: readonly DiffSide[], labels: { before: string; after: string }, staged = false): DiffReport {
  const changes: ConnectionChange[] = [];
  for (const a of after) {
    const b = before.find((x) => x.name === a.name);
    // The same side on both (an unchanged cluster) has no changes, and its model need not be read.
    if (b && b !== a) changes.push(...clusterChanges(b.model, a.model, a.name, staged));
  }
  const count = (k: ChangeKind): number => changes.filter((c) => c.change === k).length;
  return {
    schema: DIFF_SCHEMA,
    before: labels.before,
    after: labels.after,
    changes,
    summary: { newlyAllowed: count('newly-allowed'), newlyDenied: count('newly-denied'), toUnknown: count('to-unknown'), fromUnknown: count('from-unknown') },
  };
}

/**
 * The changes between the workloads of one cluster. Pairs whose ends fall in the same identity classes on
 * both sides share one evaluation (class members get the same verdicts and deciding rules), a cluster
 * whose model did not change (the same object on both sides) has none, and after a policy-only change
 * only the pairs with an affected end are evaluated (affected-ends.ts).
 */
function clusterChanges(before: PolicyModel, after: PolicyModel, cluster: string, staged: boolean): ConnectionChange[] {
  if (before === after) return [];
  const wb = new Map(groupWorkloads(before).map((w) => [w.id, w]));
  const wa = groupWorkloads(after);
  const cb = fastClassOf(before);
  const ca = fastClassOf(after);
  const verdicts = matrixVerdicts();
  const cuts = endCuts();
  // Class numbers are below 2^26 (they index bit matrices): a pair of them is an exact float64 key.
  const keyOf = (b: number, a: number): number => cb({ endpoint: b }) * 0x4000000 + ca({ endpoint: a });
  // Where every workload is a class of its own (the management cluster's VMs) a memo would hold every pair.
  const shared = new Set(wa.map((w) => keyOf(wb.get(w.id)?.endpoints[0] ?? w.endpoints[0]!, w.endpoints[0]!))).size < wa.length;
  const memo = new Map<number, Map<number, readonly PairChange[]>>();
  // After a policy-only change, a source whose egress it cannot touch meets only the affected destinations.
  const ends = affectedEnds(before, after);
  const affectedDsts = ends ? wa.filter((w) => ends.ingress[w.endpoints[0]!] === 1) : wa;
  const out: ConnectionChange[] = [];
  for (const src of wa) {
    const sb = wb.get(src.id);
    if (!sb) continue;
    for (const dst of !ends || ends.egress[src.endpoints[0]!] === 1 ? wa : affectedDsts) {
      const db = wb.get(dst.id);
      if (!db || src.id === dst.id) continue;
      const s = { before: sb.endpoints[0]!, after: src.endpoints[0]! };
      const d = { before: db.endpoints[0]!, after: dst.endpoints[0]! };
      let changes: readonly PairChange[] | undefined;
      if (shared) {
        const kb = cb({ endpoint: s.before }) * 0x4000000 + cb({ endpoint: d.before });
        const ka = ca({ endpoint: s.after }) * 0x4000000 + ca({ endpoint: d.after });
        let inner = memo.get(kb);
        if (!inner) memo.set(kb, (inner = new Map()));
        changes = inner.get(ka);
        if (!changes) inner.set(ka, (changes = pairChanges(before, after, cluster, s, d, verdicts, cuts)));
      } else changes = pairChanges(before, after, cluster, s, d, verdicts, cuts);
      for (const c of changes) out.push(change(cluster, src, dst, c, staged));
    }
  }
  return out;
}

/** One change of a pair of ends, without the pair: protocol, ports, kind and both sides' verdicts. */
interface PairChange {
  readonly protocol: string;
  readonly ports: string;
  readonly change: ChangeKind;
  readonly before: SideVerdicts;
  readonly after: SideVerdicts;
}

/** The changes from endpoint s to endpoint d (indices in BEFORE and in AFTER), per protocol and port run. */
function pairChanges(before: PolicyModel, after: PolicyModel, cluster: string, s: EndPair, d: EndPair, verdicts: ReturnType<typeof matrixVerdicts>, cuts: EndCuts): PairChange[] {
  const out: PairChange[] = [];
  // The cuts of a rule list are the union of its rules' cuts, so each end's intervals are computed once.
  const intervals = refineIntervals([...cuts(before, s.before, 'egress'), ...cuts(before, d.before, 'ingress'), ...cuts(after, s.after, 'egress'), ...cuts(after, d.after, 'ingress')]);
  for (const proto of CONN_PROTOCOLS) {
    let run: { kind: ChangeKind; min: number; max: number; vb: Verdict; va: Verdict } | undefined;
    const flush = (): void => {
      if (!run) return;
      out.push(pairChange(cluster, proto.name, run));
      run = undefined;
    };
    for (const iv of intervals) {
      const pkt = (e: EndPair, f: EndPair, side: 'before' | 'after') => ({
        src: { endpoint: e[side] },
        dst: { endpoint: f[side] },
        protocol: proto.number,
        dstPort: iv.min,
      });
      // Verdicts alone first (class matrices); the explanations only where a run of changes starts.
      const kind = kindOf(verdicts(before, pkt(s, d, 'before')).verdict, verdicts(after, pkt(s, d, 'after')).verdict);
      if (run && kind === run.kind && run.max + 1 === iv.min) run.max = iv.max;
      else {
        flush();
        if (kind) run = { kind, min: iv.min, max: iv.max, vb: fastEvaluate(before, pkt(s, d, 'before')), va: fastEvaluate(after, pkt(s, d, 'after')) };
      }
    }
    flush();
  }
  return out;
}

/** An end of a flow: its endpoint index in BEFORE and in AFTER. */
interface EndPair {
  readonly before: number;
  readonly after: number;
}

function kindOf(b: string, a: string): ChangeKind | undefined {
  if (b === a) return undefined;
  if (a === 'unknown') return 'to-unknown';
  if (b === 'unknown') return 'from-unknown';
  return a === 'allow' ? 'newly-allowed' : 'newly-denied';
}

function pairChange(cluster: string, protocol: string, r: { kind: ChangeKind; min: number; max: number; vb: Verdict; va: Verdict }): PairChange {
  const sides = (v: Verdict): SideVerdicts => ({
    verdict: v.verdict,
    egress: decidingRule('egress', cluster, v.egress),
    ingress: decidingRule('ingress', cluster, v.ingress),
  });
  return {
    protocol,
    ports: r.min === 1 && r.max === 65535 ? 'all' : r.min === r.max ? String(r.min) : `${r.min}-${r.max}`,
    change: r.kind,
    before: sides(r.vb),
    after: sides(r.va),
  };
}

function change(cluster: string, src: Workload, dst: Workload, c: PairChange, staged: boolean): ConnectionChange {
  return {
    cluster,
    from: { namespace: src.namespace, workload: src.name, kind: src.kind },
    to: { namespace: dst.namespace, workload: dst.name, kind: dst.kind },
    protocol: c.protocol,
    ports: c.ports,
    change: c.change,
    before: c.before,
    after: c.after,
    ...(staged ? { staged: true } : {}),
  };
}
