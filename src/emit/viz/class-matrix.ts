// emit/viz: a cluster's workload matrix at identity-class level — the workloads in `reach --matrix` order,
// each one's class, and one cell per ordered class pair: every member of a class gets the same verdict on
// every packet (the compiled policies' classOf), so the page derives the n × n workload cells from C × C.
import { pairConns, type ClassOf, type Evaluate } from '../connlist/pair-conns.js';
import { matrixWorkloads } from '../connlist/matrix.js';
import type { PolicyModel } from '../../model/policy/types.js';
import type { Workload } from '../../verdict/policy/workloads.js';

export interface ClassMatrix {
  /** Workload ids (`namespace/name[Kind]`) by namespace then name, as `reach --matrix` orders them. */
  readonly workloads: string[];
  /** Each workload's class, numbered 0.. in order of first appearance. */
  readonly classes: number[];
  /**
   * One character per ordered class pair, row-major: A allow, P some ports, D deny, U unknown; S for a
   * class's pair with itself when it has one workload (only the diagonal, never a cell).
   */
  readonly codes: string;
  /** The allowed connections of `P` and `U` class cells (`TCP 80,UDP 53`), keyed by class cell index. */
  readonly conns: Record<string, string>;
}

/** The class-level matrix of `model`'s workloads, or how many classes they fall in when more than `maxClasses`. */
export function classMatrix(model: PolicyModel, evaluate: Evaluate, classOf: ClassOf, maxClasses = Infinity, ws: readonly Workload[] = matrixWorkloads(model)): ClassMatrix | { readonly tooMany: number } {
  const ends = ws.map((w) => ({ endpoint: w.endpoints[0] as number }));
  const dense = new Map<number, number>();
  const members: number[][] = [];
  const classes = ends.map((e, i) => {
    const raw = classOf(e);
    let c = dense.get(raw);
    if (c === undefined) {
      c = members.length;
      dense.set(raw, c);
      members.push([]);
    }
    members[c]!.push(i);
    return c;
  });
  if (members.length > maxClasses) return { tooMany: members.length };
  const conns = pairConns(model, evaluate, ends, classOf);
  let codes = '';
  const text: Record<string, string> = {};
  const count = members.length;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      const src = members[a]![0]!;
      // A class with itself: two of its workloads (traffic within one workload is not analysed).
      const dst = a === b ? members[a]![1] : members[b]![0]!;
      if (dst === undefined) {
        codes += 'S';
        continue;
      }
      const c = conns(ends[src]!, ends[dst]!);
      const code = c.unknown !== '' ? 'U' : c.allowed === '' ? 'D' : c.allowed === 'All Connections' ? 'A' : 'P';
      codes += code;
      if (code === 'P' || code === 'U') text[a * count + b] = c.allowed + (c.unknown !== '' ? `${c.allowed ? '; ' : ''}unknown: ${c.unknown}` : '');
    }
  }
  return { workloads: ws.map((w) => w.id), classes, codes, conns: text };
}
