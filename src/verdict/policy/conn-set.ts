// verdict: allowed TCP/UDP/SCTP port sets and netpol-analyzer's rendering of them — `TCP 80,UDP 53`,
// ranges `1-79,81-65535`, `All Connections` when every port of the three protocols is allowed.
import type { PortRange } from '../../model/policy/types.js';

/** Protocols the connectivity list reports, in rendering order (sorted by name). */
export const CONN_PROTOCOLS: readonly { readonly name: string; readonly number: number }[] = [
  { name: 'SCTP', number: 132 },
  { name: 'TCP', number: 6 },
  { name: 'UDP', number: 17 },
];

/** Allowed port ranges per protocol name (sorted, merged). */
export type ConnSet = ReadonlyMap<string, readonly PortRange[]>;

/** Adds [min,max] to a sorted merged range list (merging adjacent ranges). */
export function addRange(list: PortRange[], min: number, max: number): void {
  const last = list[list.length - 1];
  if (last && last.max + 1 >= min) list[list.length - 1] = { min: last.min, max: Math.max(last.max, max) };
  else list.push({ min, max });
}

function isFull(r: readonly PortRange[] | undefined): boolean {
  return r !== undefined && r.length === 1 && r[0]?.min === 1 && r[0]?.max === 65535;
}

/** netpol-analyzer's text: '' when nothing is allowed. */
export function formatConnSet(c: ConnSet): string {
  if (CONN_PROTOCOLS.every((p) => isFull(c.get(p.name)))) return 'All Connections';
  const parts: string[] = [];
  for (const p of CONN_PROTOCOLS) {
    const r = c.get(p.name);
    if (!r || r.length === 0) continue;
    parts.push(`${p.name} ${r.map((x) => (x.min === x.max ? `${x.min}` : `${x.min}-${x.max}`)).join(',')}`);
  }
  return parts.join(',');
}
