// compile: concrete packet ends standing for each class — endpoint indices, HostEndpoint addresses, outside
// addresses of intervals no endpoint or Service owns — chosen so that each really resolves to its class,
// for the reference evaluator and for tests.
import type { Peer } from '../../../model/policy/eval/types.js';
import { KIND_EXT_ATOM } from '../classes/class-table.js';
import { classOfIp, type Universe } from '../classes/universe.js';

/** Up to `max` distinct packet ends per class (fewer when a class has fewer members). */
export function allClassReps(u: Universe, max: number, avoid: ReadonlySet<number>): Peer[][] {
  const n = u.classes.n;
  const out: Peer[][] = Array.from({ length: n }, () => []);
  for (let ep = 0; ep < u.epPoint.length; ep++) {
    const pt = u.epPoint[ep] as number;
    const list = out[pt >= 0 ? (u.pointClass[pt] as number) : classOfIp(u, u.hostNetIp.get(ep) ?? 0)] as Peer[];
    if (list.length < max) list.push({ endpoint: ep });
  }
  u.points.forEach((pt, i) => {
    const c = u.pointClass[i] as number;
    const list = out[c] as Peer[];
    if (list.length < max && pt.ip >= 0 && !u.podByIp.has(pt.ip) && !avoid.has(pt.ip) && classOfIp(u, pt.ip) === c && !list.some((p) => 'ip' in p && p.ip === pt.ip)) {
      list.push({ ip: pt.ip });
    }
  });
  const { atoms } = u;
  for (let i = 0; i < atoms.cls.length; i++) {
    const c = atoms.cls[i] as number;
    if (u.classes.kind[c] !== KIND_EXT_ATOM) continue;
    const list = out[c] as Peer[];
    const end = atoms.end(i);
    for (let ip = atoms.starts[i] as number, tries = 0; ip <= end && tries < 64 && list.length < max; ip++, tries++) {
      if (!u.heldIps.has(ip) && !avoid.has(ip)) list.push({ ip });
    }
  }
  return out;
}
