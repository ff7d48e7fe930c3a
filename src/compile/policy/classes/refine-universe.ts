// compile: refinement of the identity classes by one CIDR — every class whose members fall both inside and
// outside it is split, so that nets/notNets and network-set membership are exact per class.
import { cidrContains, type Cidr } from '../../../lib/ipv4.js';
import { KIND_EXT_ATOM, KIND_WEP } from './class-table.js';
import type { Universe } from './universe.js';

/** Called for every split: class `to` is new and behaves as `from` did for everything compiled so far. */
export type OnSplit = (from: number, to: number) => void;

/** Registers `cidr` (no-op when known) and splits the classes it cuts; returns the CIDR's id. */
export function refineByCidr(u: Universe, cidr: Cidr, onSplit: OnSplit): number {
  const key = `${cidr.base}/${cidr.len}`;
  const known = u.cidrIds.get(key);
  if (known !== undefined) return known;
  const id = u.cidrs.push(cidr) - 1;
  u.cidrIds.set(key, id);
  const n0 = u.classes.n;
  for (let c = 0; c < n0; c++) if (u.classes.kind[c] !== KIND_EXT_ATOM) splitPoints(u, c, cidr, onSplit);
  splitAtoms(u, cidr, onSplit);
  return id;
}

function splitPoints(u: Universe, c: number, cidr: Cidr, onSplit: OnSplit): void {
  const members = u.classes.members[c] as number[];
  if (members.length === 0 || (u.classes.ip[c] as number) < 0) return;
  // Most classes lie wholly on one side: found by one scan, without building the two lists.
  const first = cidrContains(cidr, u.points[members[0] as number]?.ip as number);
  let k = 1;
  while (k < members.length && cidrContains(cidr, u.points[members[k] as number]?.ip as number) === first) k++;
  if (k === members.length) return;
  const inside: number[] = [];
  const outside: number[] = [];
  for (const m of members) (cidrContains(cidr, u.points[m]?.ip as number) ? inside : outside).push(m);
  const d = u.classes.split(c);
  u.classes.members[c] = outside;
  u.classes.members[d] = inside;
  u.classes.ip[c] = u.points[outside[0] as number]?.ip as number;
  u.classes.ip[d] = u.points[inside[0] as number]?.ip as number;
  for (const m of inside) u.pointClass[m] = d;
  if (u.classes.kind[c] === KIND_WEP) u.identClasses[u.classes.ident[c] as number]?.push(d);
  onSplit(c, d);
}

function splitAtoms(u: Universe, cidr: Cidr, onSplit: OnSplit): void {
  const atoms = u.atoms;
  const [first, last] = atoms.cutCidr(cidr);
  const outsideStart = new Map<number, number>();
  for (let i = 0; i < atoms.cls.length; i++) {
    if (i >= first && i <= last) continue;
    const c = atoms.cls[i] as number;
    if (!outsideStart.has(c)) outsideStart.set(c, atoms.starts[i] as number);
  }
  const moved = new Map<number, number>();
  for (let i = first; i <= last; i++) {
    const c = atoms.cls[i] as number;
    const out = outsideStart.get(c);
    if (out === undefined) continue; // the class lies wholly inside: nothing to split
    let d = moved.get(c);
    if (d === undefined) {
      d = u.classes.split(c);
      u.classes.ip[d] = atoms.starts[i] as number;
      u.classes.ip[c] = out;
      moved.set(c, d);
    }
    atoms.cls[i] = d;
  }
  for (const [c, d] of moved) onSplit(c, d);
}
