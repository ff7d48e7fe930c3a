// cli/emulate: real against simulated, prefix by prefix and path by path. A path is matched by the peer
// it came from; every differing field is one disagreement carrying both values. The node's own routes are
// compared for presence and best only (BIRD shows a static route without BGP attributes).
import type { NodeView, PathView } from './route-view.js';

/** One difference between real BIRD and the simulation. */
export interface Disagreement {
  readonly node: string;
  readonly prefix: string;
  /** Peer address of the path (`local`, or `-` for the prefix as a whole). */
  readonly from: string;
  readonly field: string;
  readonly real: string;
  readonly simulated: string;
}

const FIELDS = ['nextHop', 'asPath', 'origin', 'med', 'localPref', 'communities', 'originatorId', 'clusterList', 'best'] as const;

const show = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

/** Every disagreement between the two views of one node. */
export function compareViews(node: string, real: NodeView, sim: NodeView): Disagreement[] {
  const out: Disagreement[] = [];
  const prefixes = [...new Set([...real.paths.keys(), ...sim.paths.keys()])].sort();
  for (const prefix of prefixes) {
    const r = real.paths.get(prefix) ?? [];
    const s = sim.paths.get(prefix) ?? [];
    const froms = [...new Set([...r.map((p) => p.from), ...s.map((p) => p.from)])].sort();
    for (const from of froms) {
      const rp = r.find((p) => p.from === from);
      const sp = s.find((p) => p.from === from);
      if (rp === undefined || sp === undefined) {
        out.push({ node, prefix, from, field: 'path', real: rp === undefined ? '(none)' : 'present', simulated: sp === undefined ? '(none)' : 'present' });
        continue;
      }
      for (const f of from === 'local' ? (['best'] as const) : FIELDS) {
        const a = show(rp[f as keyof PathView]);
        const b = show(sp[f as keyof PathView]);
        if (a !== b) out.push({ node, prefix, from, field: f, real: a, simulated: b });
      }
    }
    const rk = show(real.kernel.get(prefix) ?? []);
    const sk = show(sim.kernel.get(prefix) ?? []);
    if (rk !== sk) out.push({ node, prefix, from: '-', field: 'ecmp', real: rk, simulated: sk });
  }
  return out;
}
