// emit/viz: the matrix of a cluster with too many identity classes for the page to hold its class cells
// in full — namespace × namespace cells counted by verdict (the first level drawn), and each class's row of
// codes run-length coded, from which the page expands one namespace block on demand. Workloads, classes
// and codes are those of class-matrix.ts (`reach --matrix` order), computed by the compiled port sweep.
import { matrixWorkloads } from '../connlist/matrix.js';
import type { ClassOf } from '../connlist/pair-conns.js';
import type { PolicyModel } from '../../model/policy/types.js';
import type { Workload } from '../../verdict/policy/workloads.js';
import { namespaceCounts } from './namespace-counts.js';
import { sweepClassCodes } from './sweep-class-codes.js';
import type { VizBlockMatrix } from './viz-data.js';

/** The block matrix of `model`'s workloads, or how many classes they fall in when more than `maxClasses`. */
export function blockMatrix(model: PolicyModel, classOf: ClassOf, cluster: number, maxClasses: number, ws: readonly Workload[] = matrixWorkloads(model)): VizBlockMatrix | { readonly tooMany: number } {
  const dense = new Map<number, number>();
  const reps: number[] = [];
  const seconds: number[] = [];
  const classes = ws.map((w) => {
    const ep = w.endpoints[0] as number;
    const raw = classOf({ endpoint: ep });
    let c = dense.get(raw);
    if (c === undefined) {
      c = reps.length;
      dense.set(raw, c);
      reps.push(ep);
      seconds.push(-1);
    } else if (seconds[c] === -1) seconds[c] = ep;
    return c;
  });
  if (reps.length > maxClasses) return { tooMany: reps.length };
  const { codes } = sweepClassCodes(model, reps, seconds, false);
  const n = reps.length;
  const rows: string[] = [];
  for (let a = 0; a < n; a++) rows.push(runLength(codes.subarray(a * n, a * n + n)));
  const namespaces = [...new Set(ws.map((w) => w.namespace))];
  const nsIndex = new Map(namespaces.map((x, i) => [x, i]));
  return { cluster, workloads: ws.map((w) => w.id), classes, classCount: n, namespaces, counts: namespaceCounts(ws.map((w) => nsIndex.get(w.namespace)!), classes, namespaces.length, codes, n), rows };
}

/** `DDDA` as `D3A1`: each code followed by its run length. */
export function runLength(codes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < codes.length) {
    let j = i + 1;
    while (j < codes.length && codes[j] === codes[i]) j++;
    out += String.fromCharCode(codes[i]!) + String(j - i);
    i = j;
  }
  return out;
}
